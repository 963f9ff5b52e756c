import Foundation
import GSLBridge

// MARK: - Preamble

/// The fixed-size start of a `.npy` file: magic, version and header length.
struct NumpyPreamble {
  /// The six magic bytes `"\x93NUMPY"`.
  static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]

  let major: UInt8
  let minor: UInt8
  /// Size of magic + version + length field (10 for 1.0, 12 for 2.0/3.0).
  let size: Int
  /// The declared header length.
  let headerLength: Int

  /// Offset of the first data byte (relative to the start of the file).
  var dataOffset: Int { size + headerLength }

  /// Parses the preamble at the start of `data`.
  init(data: Data, source: String) throws(NumpyError) {
    let bytes = [UInt8](data.prefix(12))
    let magicCount = Self.magic.count
    guard bytes.count >= magicCount + 2 else {
      if !bytes.elementsEqual(Self.magic.prefix(bytes.count)) { throw .badMagic(source: source) }
      throw .truncatedPreamble(source: source, byteCount: data.count)
    }
    guard bytes.prefix(magicCount).elementsEqual(Self.magic) else { throw .badMagic(source: source) }
    major = bytes[6]
    minor = bytes[7]
    guard minor == 0, (1...3).contains(major) else {
      throw .unsupportedVersion(source: source, major: major, minor: minor)
    }
    let lengthFieldSize = major == 1 ? 2 : 4
    size = 8 + lengthFieldSize
    guard bytes.count >= size else { throw .truncatedPreamble(source: source, byteCount: data.count) }
    var length = 0
    for i in (8..<size).reversed() { length = length << 8 | Int(bytes[i]) }
    headerLength = length
  }

  /// The header bytes that follow the preamble.
  ///
  /// - Throws: `NumpyError.truncatedHeader` if the file is shorter than declared.
  func headerBytes(in data: Data, source: String) throws(NumpyError) -> [UInt8] {
    let available = data.count - size
    guard headerLength <= available else {
      throw .truncatedHeader(source: source, declaredLength: headerLength, availableBytes: available)
    }
    let start = data.startIndex + size
    return [UInt8](data[start..<(start + headerLength)])
  }
}

// MARK: - Header

/// The decoded header dict: dtype, order flag and shape.
struct NumpyHeader {
  let dtype: NumpyDType
  let fortranOrder: Bool
  let shape: [Int]
  /// The shape as written in the header (for messages about huge shapes).
  let shapeText: String

  /// The keys every header must have (and the only ones it may have).
  static let keys = ["descr", "fortran_order", "shape"]

  /// Decodes and validates header text.
  ///
  /// - Parameter utf8: true for format 3.0 (UTF-8), false for 1.0/2.0 (Latin-1).
  init(bytes: [UInt8], utf8: Bool, source: String) throws(NumpyError) {
    let text: String
    if utf8 {
      guard let decoded = String(validating: bytes, as: UTF8.self) else { throw .headerNotText(source: source) }
      text = decoded
    } else {
      var scalars = String.UnicodeScalarView()
      scalars.append(contentsOf: bytes.map { Unicode.Scalar($0) })
      text = String(scalars)
    }
    let entries = try Self.parseDict(text, source: source)
    for (key, _) in entries where !Self.keys.contains(key) {
      throw .unexpectedHeaderKey(source: source, key: key)
    }
    func value(_ key: String) throws(NumpyError) -> PythonLiteral {
      guard let found = entries.last(where: { $0.key == key }) else {
        throw .missingHeaderKey(source: source, key: key)
      }
      return found.value
    }
    dtype = try Self.dtype(from: value("descr"), source: source)
    fortranOrder = try Self.fortranOrder(from: value("fortran_order"), source: source)
    let shapeLiteral = try value("shape")
    shapeText = shapeLiteral.pythonRepr
    shape = try Self.shape(from: shapeLiteral, source: source)
  }

  /// Parses the text as a dict literal with string keys.
  static func parseDict(_ text: String, source: String) throws(NumpyError) -> [(key: String, value: PythonLiteral)] {
    let literal: PythonLiteral
    do {
      var parser = PythonLiteralParser(text)
      literal = try parser.parseDocument()
    } catch {
      throw .malformedHeader(source: source, detail: error.description)
    }
    guard case .dict(let entries) = literal else {
      throw .malformedHeader(source: source, detail: "expected a dict literal, got \(literal.pythonRepr)")
    }
    return entries
  }

  /// Maps a `descr` value to a supported dtype.
  static func dtype(from literal: PythonLiteral, source: String) throws(NumpyError) -> NumpyDType {
    guard case .string(let descr) = literal else {
      throw .unsupportedDType(source: source, descr: literal.pythonRepr)
    }
    switch descr {
    case "<f8": return .float64
    case "<f4": return .float32
    case ">f8", ">f4": throw .bigEndianDType(source: source, descr: descr)
    default: break
    }
    let kind = descr.drop(while: { "<>|=".contains($0) })
    if kind.hasPrefix("O") { throw .objectArray(source: source) }
    throw .unsupportedDType(source: source, descr: descr)
  }

  /// Reads the `fortran_order` flag.
  static func fortranOrder(from literal: PythonLiteral, source: String) throws(NumpyError) -> Bool {
    guard case .bool(let flag) = literal else {
      throw .malformedHeader(source: source, detail: "'fortran_order' must be True or False, got \(literal.pythonRepr)")
    }
    return flag
  }

  /// Reads the `shape` tuple, rejecting non-integers, huge and negative dimensions.
  static func shape(from literal: PythonLiteral, source: String) throws(NumpyError) -> [Int] {
    guard case .tuple(let items) = literal else {
      throw .malformedHeader(source: source, detail: "'shape' must be a tuple of integers, got \(literal.pythonRepr)")
    }
    var dims: [Int] = []
    for item in items {
      guard case .integer(let digits) = item else {
        throw .malformedHeader(source: source, detail: "'shape' must be a tuple of integers, got \(literal.pythonRepr)")
      }
      guard let dim = Int(digits) else { throw .shapeOverflow(source: source, shape: literal.pythonRepr) }
      dims.append(dim)
    }
    if dims.contains(where: { $0 < 0 }) { throw .negativeDimension(source: source, shape: dims) }
    return dims
  }
}
