import Foundation
import GSLBridge

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// NumPy `.npy` reading and writing (format versions 1.0, 2.0 and 3.0).
//
// Layout of a `.npy` file:
//
//     "\x93NUMPY" | major | minor | header length (UInt16 LE for 1.0, UInt32 LE for 2.0/3.0)
//     | header: a Python dict literal, space padded, ending in "\n" | raw element data
//
// The header is Latin-1 text in versions 1.0 and 2.0 and UTF-8 in 3.0. Every
// byte of input is bounds-checked and every size computation is overflow-checked,
// so malformed files produce a `NumpyError` and never a trap.

// MARK: - Public types

/// The element type of a `.npy` array that this module can read and write.
public enum NumpyDType: Sendable, Equatable {
  /// Little-endian IEEE 754 double precision (`'<f8'`).
  case float64
  /// Little-endian IEEE 754 single precision (`'<f4'`); widened to `Double` on read.
  case float32

  /// The NumPy `descr` string for this type, e.g. `'<f8'`.
  public var descr: String {
    switch self {
    case .float64: "<f8"
    case .float32: "<f4"
    }
  }

  /// Bytes per element: 8 for `float64`, 4 for `float32`.
  public var itemSize: Int {
    switch self {
    case .float64: 8
    case .float32: 4
    }
  }
}

/// The `.npy` format version used when writing.
///
/// Version 1.0 stores the header length in 2 bytes, version 2.0 in 4 bytes.
/// (Version 3.0 files are read but never written: our headers are pure ASCII.)
public enum NumpyFormatVersion: Sendable, Equatable {
  /// Format 1.0 (header length as a little-endian `UInt16`).
  case v1
  /// Format 2.0 (header length as a little-endian `UInt32`).
  case v2
}

/// The memory order of the element data in a `.npy` file.
public enum NumpyOrder: Sendable, Equatable {
  /// Row-major (C) order: the last index varies fastest.
  case c
  /// Column-major (Fortran) order: the first index varies fastest (`fortran_order: True`).
  case fortran
}

/// An n-dimensional array of floating-point values read from or written to a `.npy` file.
///
/// `values` is always in C (row-major) order, whatever order the file used.
/// Invariant expected by the writers: `values.count` equals the product of `shape`
/// (1 for a 0-d array). Note that `==` compares values with IEEE semantics, so arrays
/// containing NaN never compare equal.
public struct NumpyArray: Sendable, Equatable {
  /// The dimensions; `[]` for a 0-d (scalar) array.
  public var shape: [Int]
  /// The element type of the file this array came from, or to be written as.
  public var dtype: NumpyDType
  /// The elements in C (row-major) order, widened to `Double`.
  public var values: [Double]

  /// Creates an array after checking that `values` fits `shape`.
  ///
  /// - Throws: `NumpyError.negativeDimension` if a dimension is negative,
  ///   `NumpyError.shapeOverflow` if the element count overflows `Int`, and
  ///   `NumpyError.valueCountMismatch` if `values.count` is not the product of `shape`.
  public init(shape: [Int], dtype: NumpyDType = .float64, values: [Double]) throws(NumpyError) {
    let count = try NumpyLayout.elementCount(shape: shape, source: "array")
    guard count == values.count else {
      throw .valueCountMismatch(shape: shape, valueCount: values.count)
    }
    self.shape = shape
    self.dtype = dtype
    self.values = values
  }

  /// Creates a 1-D array holding `vector` (shape `(n,)`).
  public init(vector: [Double], dtype: NumpyDType = .float64) {
    self.shape = [vector.count]
    self.dtype = dtype
    self.values = vector
  }

  /// Creates a 2-D array holding `matrix` (shape `(rows, columns)`, C order).
  public init(matrix: Matrix, dtype: NumpyDType = .float64) {
    self.shape = [matrix.rows, matrix.columns]
    self.dtype = dtype
    self.values = matrix.elements
  }

  /// The number of dimensions (0 for a scalar array).
  public var rank: Int { shape.count }
}

// MARK: - Errors

/// A problem reading or writing a `.npy` file; each case names the file (`source`).
public enum NumpyError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file could not be read from disk.
  case unreadableFile(source: String, reason: String)
  /// The file (or its temporary sibling) could not be written or renamed into place.
  case unwritableFile(source: String, reason: String)
  /// The first six bytes are not `"\x93NUMPY"`.
  case badMagic(source: String)
  /// The file ends inside the fixed preamble (magic, version, header length).
  case truncatedPreamble(source: String, byteCount: Int)
  /// The format version is not 1.0, 2.0 or 3.0.
  case unsupportedVersion(source: String, major: UInt8, minor: UInt8)
  /// The header length field points past the end of the file.
  case truncatedHeader(source: String, declaredLength: Int, availableBytes: Int)
  /// The header bytes are not valid text (UTF-8 for version 3.0).
  case headerNotText(source: String)
  /// The header is not a parsable Python dict literal of the expected form.
  case malformedHeader(source: String, detail: String)
  /// The header dict lacks one of `descr`, `fortran_order`, `shape`.
  case missingHeaderKey(source: String, key: String)
  /// The header dict has a key other than `descr`, `fortran_order`, `shape`.
  case unexpectedHeaderKey(source: String, key: String)
  /// The dtype is a big-endian float (`'>f8'` or `'>f4'`).
  case bigEndianDType(source: String, descr: String)
  /// The dtype is neither `'<f8'` nor `'<f4'` (integers, complex, structured, ...).
  case unsupportedDType(source: String, descr: String)
  /// The array holds Python objects (dtype `'O'`), which are pickled, not raw data.
  case objectArray(source: String)
  /// A dimension in the shape is negative.
  case negativeDimension(source: String, shape: [Int])
  /// The shape's element or byte count does not fit in `Int`; `shape` is its header text.
  case shapeOverflow(source: String, shape: String)
  /// Fewer data bytes follow the header than the shape requires.
  case truncatedData(source: String, valueCount: Int, expectedBytes: Int, availableBytes: Int)
  /// More data bytes follow the header than the shape requires.
  case trailingBytes(source: String, valueCount: Int, expectedBytes: Int, availableBytes: Int)
  /// The array has the wrong number of dimensions for the requested use.
  case wrongRank(source: String, expectedRank: Int, shape: [Int])
  /// An in-memory array's `values.count` does not match the product of its `shape`.
  case valueCountMismatch(shape: [Int], valueCount: Int)

  /// A one-line message naming the file and what is wrong with it.
  public var description: String {
    switch self {
    case .unreadableFile(let source, let reason):
      "\(source): cannot read file: \(reason)"
    case .unwritableFile(let source, let reason):
      "\(source): cannot write file: \(reason)"
    case .badMagic(let source):
      "\(source): not a .npy file (bad magic bytes)"
    case .truncatedPreamble(let source, let count):
      "\(source): not a .npy file (only \(count) bytes, too short for the .npy preamble)"
    case .unsupportedVersion(let source, let major, let minor):
      "\(source): unsupported .npy format version \(major).\(minor); only 1.0, 2.0 and 3.0 are supported"
    case .truncatedHeader(let source, let declared, let available):
      "\(source): truncated: header length is \(declared) bytes but only \(available) bytes follow"
    case .headerNotText(let source):
      "\(source): bad header: not valid text"
    case .malformedHeader(let source, let detail):
      "\(source): bad header: \(detail)"
    case .missingHeaderKey(let source, let key):
      "\(source): bad header: missing key '\(key)'"
    case .unexpectedHeaderKey(let source, let key):
      "\(source): bad header: unexpected key '\(key)'"
    case .bigEndianDType(let source, let descr):
      "\(source): unsupported dtype '\(descr)' (big-endian); save with dtype='<\(descr.dropFirst())'"
    case .unsupportedDType(let source, let descr):
      "\(source): unsupported dtype '\(descr)'; only float64 and float32 are supported"
    case .objectArray(let source):
      "\(source): unsupported dtype 'O' (object array); only float64 and float32 are supported"
    case .negativeDimension(let source, let shape):
      "\(source): bad header: negative dimension in shape \(NumpyLayout.pythonShape(shape))"
    case .shapeOverflow(let source, let shape):
      "\(source): bad header: shape \(shape) is too large (its byte count overflows Int)"
    case .truncatedData(let source, let count, let expected, let available):
      "\(source): truncated: header says \(count) values (\(expected) bytes) but \(available) bytes follow"
    case .trailingBytes(let source, let count, let expected, let available):
      "\(source): trailing data: header says \(count) values (\(expected) bytes) but \(available) bytes follow"
    case .wrongRank(let source, let rank, let shape):
      "\(source): expected a \(rank)-D array, got shape \(NumpyLayout.pythonShape(shape))"
    case .valueCountMismatch(let shape, let count):
      "array: shape \(NumpyLayout.pythonShape(shape)) needs "
        + "\(NumpyLayout.productOrNil(shape).map(String.init) ?? "too many") values but \(count) are given"
    }
  }
}

// MARK: - Reading and writing

extension NumpyArray {
  /// Reads a `.npy` file; messages name the file by its last path component.
  ///
  /// - Throws: `NumpyError.unreadableFile` if the file cannot be read, otherwise any
  ///   error of `init(data:source:)`.
  public init(contentsOf url: URL) throws(NumpyError) {
    let source = url.lastPathComponent
    let data: Data
    do {
      data = try Data(contentsOf: url, options: .mappedIfSafe)
    } catch {
      throw .unreadableFile(source: source, reason: Self.reason(for: error))
    }
    try self.init(data: data, source: source)
  }

  /// Parses the bytes of a `.npy` file (format 1.0, 2.0 or 3.0).
  ///
  /// Computes the shape, dtype and values in C order (Fortran-ordered data is
  /// transposed; `float32` data is widened and `dtype` records `.float32`).
  /// - Parameter source: the file name used in error messages.
  /// - Throws: a `NumpyError` case describing the first problem found: bad magic,
  ///   truncated preamble/header/data, unsupported version, malformed header,
  ///   unsupported or big-endian dtype, object array, bad shape, or trailing bytes.
  public init(data: Data, source: String) throws(NumpyError) {
    let preamble = try NumpyPreamble(data: data, source: source)
    let headerBytes = try preamble.headerBytes(in: data, source: source)
    let header = try NumpyHeader(bytes: headerBytes, utf8: preamble.major == 3, source: source)
    let count = try NumpyLayout.elementCount(header: header, source: source)
    let byteCount = try NumpyLayout.byteCount(header: header, elementCount: count, source: source)
    let dataStart = preamble.dataOffset
    let available = data.count - dataStart
    guard available >= byteCount else {
      throw .truncatedData(source: source, valueCount: count, expectedBytes: byteCount, availableBytes: available)
    }
    guard available == byteCount else {
      throw .trailingBytes(source: source, valueCount: count, expectedBytes: byteCount, availableBytes: available)
    }
    let raw = NumpyCodec.decode(data, from: dataStart, count: count, dtype: header.dtype)
    self.shape = header.shape
    self.dtype = header.dtype
    self.values = header.fortranOrder ? NumpyLayout.fortranToC(raw, shape: header.shape) : raw
  }

  /// Serializes the array as `.npy` bytes.
  ///
  /// The header is padded with spaces so that magic + version + length field +
  /// header is a multiple of 64 bytes, as NumPy does. `float32` arrays are written
  /// as `'<f4'` (values rounded to the nearest `Float`), `float64` as `'<f8'`. If a
  /// header were too long for the 2-byte length field of version 1.0 (only possible
  /// for absurd ranks) version 2.0 is used instead.
  /// - Precondition: `values.count` is the product of `shape` and no dimension is negative.
  public func data(version: NumpyFormatVersion = .v1, order: NumpyOrder = .c) -> Data {
    precondition(
      NumpyLayout.productOrNil(shape) == values.count,
      "NumpyArray: values.count \(values.count) does not match shape \(NumpyLayout.pythonShape(shape))")
    var out = NumpyWriter.preambleAndHeader(shape: shape, dtype: dtype, version: version, order: order)
    let ordered = order == .fortran ? NumpyLayout.cToFortran(values, shape: shape) : values
    NumpyCodec.encode(ordered, dtype: dtype, into: &out)
    return out
  }

  /// Writes the array to `url` atomically as a `.npy` file.
  ///
  /// The bytes go to a temporary file in the same directory, which is then renamed
  /// over `url`, so a failure never leaves a partial file behind.
  /// - Throws: `NumpyError.valueCountMismatch` (or a shape error) if `values` does not
  ///   fit `shape`, `NumpyError.unwritableFile` if writing or renaming fails.
  public func write(
    to url: URL, version: NumpyFormatVersion = .v1, order: NumpyOrder = .c
  ) throws(NumpyError) {
    let count = try NumpyLayout.elementCount(shape: shape, source: url.lastPathComponent)
    guard count == values.count else {
      throw .valueCountMismatch(shape: shape, valueCount: values.count)
    }
    try NumpyWriter.writeAtomically(data(version: version, order: order), to: url)
  }

  /// Returns the array as a row-major `Matrix`.
  ///
  /// - Parameter source: the file name used in the error message.
  /// - Throws: `NumpyError.wrongRank` unless the array is 2-D.
  public func matrix(source: String = "array") throws(NumpyError) -> Matrix {
    guard shape.count == 2 else {
      throw .wrongRank(source: source, expectedRank: 2, shape: shape)
    }
    return Matrix(rows: shape[0], columns: shape[1], elements: values)
  }

  /// Returns the elements of a 1-D array.
  ///
  /// - Parameter source: the file name used in the error message.
  /// - Throws: `NumpyError.wrongRank` unless the array is 1-D.
  public func vector(source: String = "array") throws(NumpyError) -> [Double] {
    guard shape.count == 1 else {
      throw .wrongRank(source: source, expectedRank: 1, shape: shape)
    }
    return values
  }

  /// Reads a 2-D `.npy` file as a `Matrix`, also returning the file's precision.
  ///
  /// - Throws: any error of `init(contentsOf:)`, or `NumpyError.wrongRank` if the
  ///   file does not hold a 2-D array.
  public static func loadMatrix(contentsOf url: URL) throws(NumpyError) -> (matrix: Matrix, dtype: NumpyDType) {
    let array = try NumpyArray(contentsOf: url)
    return (try array.matrix(source: url.lastPathComponent), array.dtype)
  }

  /// Reads a 1-D `.npy` file as `[Double]`, also returning the file's precision.
  ///
  /// - Throws: any error of `init(contentsOf:)`, or `NumpyError.wrongRank` if the
  ///   file does not hold a 1-D array.
  public static func loadVector(contentsOf url: URL) throws(NumpyError) -> (vector: [Double], dtype: NumpyDType) {
    let array = try NumpyArray(contentsOf: url)
    return (try array.vector(source: url.lastPathComponent), array.dtype)
  }

  /// A short human-readable reason for a Foundation I/O error.
  static func reason(for error: any Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
      return underlying.localizedDescription
    }
    return nsError.localizedDescription
  }
}

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

// MARK: - Python literal parser

/// The subset of Python literals that can appear in a `.npy` header.
indirect enum PythonLiteral {
  case string(String)
  /// An integer, kept as its decimal text (with optional leading '-') so huge values survive.
  case integer(String)
  case bool(Bool)
  case none
  case tuple([PythonLiteral])
  case list([PythonLiteral])
  case dict([(key: String, value: PythonLiteral)])

  /// The Python `repr` of the value, for messages.
  var pythonRepr: String {
    switch self {
    case .string(let s): "'\(s)'"
    case .integer(let digits): digits
    case .bool(let flag): flag ? "True" : "False"
    case .none: "None"
    case .tuple(let items) where items.count == 1: "(\(items[0].pythonRepr),)"
    case .tuple(let items): "(" + items.map(\.pythonRepr).joined(separator: ", ") + ")"
    case .list(let items): "[" + items.map(\.pythonRepr).joined(separator: ", ") + "]"
    case .dict(let entries):
      "{" + entries.map { "'\($0.key)': \($0.value.pythonRepr)" }.joined(separator: ", ") + "}"
    }
  }
}

/// A syntax error in a header literal.
struct PythonLiteralError: Error, CustomStringConvertible {
  let message: String
  let offset: Int
  var description: String { "\(message) at character \(offset)" }
}

/// A recursive-descent parser for Python dict/tuple/list/string/int/bool literals.
///
/// Nesting depth is limited so hostile input cannot exhaust the stack. Integers may
/// carry a Python 2 `L` suffix (old NumPy wrote shapes like `(3L, 3L)`).
struct PythonLiteralParser {
  private let scalars: [Unicode.Scalar]
  private var position = 0
  private static let maxDepth = 32

  init(_ text: String) {
    scalars = Array(text.unicodeScalars)
  }

  /// Parses one literal followed only by whitespace.
  mutating func parseDocument() throws(PythonLiteralError) -> PythonLiteral {
    let value = try parseValue(depth: 0)
    skipWhitespace()
    guard position == scalars.count else { throw fail("unexpected text after the dict") }
    return value
  }

  private mutating func parseValue(depth: Int) throws(PythonLiteralError) -> PythonLiteral {
    guard depth < Self.maxDepth else { throw fail("nesting too deep") }
    skipWhitespace()
    guard let c = peek() else { throw fail("unexpected end of header") }
    switch c {
    case "{": return try parseDict(depth: depth)
    case "(": return try parseTuple(depth: depth)
    case "[": return .list(try parseSequence(closing: "]", depth: depth).items)
    case "'", "\"": return .string(try parseString())
    case "-", "+", "0"..."9": return .integer(try parseInteger())
    default: return try parseKeyword()
    }
  }

  private mutating func parseDict(depth: Int) throws(PythonLiteralError) -> PythonLiteral {
    position += 1
    var entries: [(key: String, value: PythonLiteral)] = []
    while true {
      skipWhitespace()
      if peek() == "}" { position += 1; return .dict(entries) }
      guard case .string(let key) = try parseValue(depth: depth + 1) else { throw fail("dict keys must be strings") }
      try expect(":")
      entries.append((key, try parseValue(depth: depth + 1)))
      guard try commaOrClose("}") else { return .dict(entries) }
    }
  }

  /// `(x)` is just `x` in Python; `(x,)` and `(x, y)` are tuples.
  private mutating func parseTuple(depth: Int) throws(PythonLiteralError) -> PythonLiteral {
    let (items, sawComma) = try parseSequence(closing: ")", depth: depth)
    if items.count == 1 && !sawComma { return items[0] }
    return .tuple(items)
  }

  private mutating func parseSequence(
    closing: Unicode.Scalar, depth: Int
  ) throws(PythonLiteralError) -> (items: [PythonLiteral], sawComma: Bool) {
    position += 1
    var items: [PythonLiteral] = []
    var sawComma = false
    while true {
      skipWhitespace()
      if peek() == closing { position += 1; return (items, sawComma) }
      items.append(try parseValue(depth: depth + 1))
      guard try commaOrClose(closing) else { return (items, sawComma) }
      sawComma = true
    }
  }

  /// Consumes `,` (returns true: more may follow) or the closing bracket (returns false).
  private mutating func commaOrClose(_ closing: Unicode.Scalar) throws(PythonLiteralError) -> Bool {
    skipWhitespace()
    switch peek() {
    case ",": position += 1; return true
    case closing: position += 1; return false
    default: throw fail("expected ',' or '\(closing)'")
    }
  }

  private mutating func parseString() throws(PythonLiteralError) -> String {
    guard let quote = peek() else { throw fail("unexpected end of header") }
    position += 1
    var result = String.UnicodeScalarView()
    while let c = peek() {
      position += 1
      if c == quote { return String(result) }
      if c == "\\" {
        guard let escaped = peek() else { break }
        position += 1
        result.append(escaped)
      } else {
        result.append(c)
      }
    }
    throw fail("unterminated string")
  }

  private mutating func parseInteger() throws(PythonLiteralError) -> String {
    var text = ""
    if let sign = peek(), sign == "-" || sign == "+" {
      position += 1
      if sign == "-" { text = "-" }
    }
    var digitCount = 0
    while let c = peek(), ("0"..."9").contains(c) {
      text.unicodeScalars.append(c)
      position += 1
      digitCount += 1
    }
    guard digitCount > 0 else { throw fail("expected a digit") }
    if let c = peek(), c == "L" || c == "l" { position += 1 }
    return text
  }

  private mutating func parseKeyword() throws(PythonLiteralError) -> PythonLiteral {
    let start = position
    while let c = peek(), c.properties.isAlphabetic || c == "_" { position += 1 }
    let word = String(String.UnicodeScalarView(scalars[start..<position]))
    switch word {
    case "True": return .bool(true)
    case "False": return .bool(false)
    case "None": return .none
    default:
      position = start
      throw fail(word.isEmpty ? "unexpected character '\(scalars[start])'" : "unknown name '\(word)'")
    }
  }

  private mutating func expect(_ c: Unicode.Scalar) throws(PythonLiteralError) {
    skipWhitespace()
    guard peek() == c else { throw fail("expected '\(c)'") }
    position += 1
  }

  private mutating func skipWhitespace() {
    while let c = peek(), c == " " || c == "\t" || c == "\n" || c == "\r" { position += 1 }
  }

  private func peek() -> Unicode.Scalar? {
    position < scalars.count ? scalars[position] : nil
  }

  private func fail(_ message: String) -> PythonLiteralError {
    PythonLiteralError(message: message, offset: position)
  }
}

// MARK: - Layout helpers

/// Shape arithmetic and C ↔ Fortran reordering.
enum NumpyLayout {
  /// The product of `shape`, or nil if a dimension is negative or the product overflows.
  static func productOrNil(_ shape: [Int]) -> Int? {
    var product = 1
    for dim in shape {
      guard dim >= 0 else { return nil }
      let (next, overflow) = product.multipliedReportingOverflow(by: dim)
      guard !overflow else { return nil }
      product = next
    }
    return product
  }

  /// The element count of an in-memory shape.
  ///
  /// - Throws: `negativeDimension` or `shapeOverflow`.
  static func elementCount(shape: [Int], source: String) throws(NumpyError) -> Int {
    if shape.contains(where: { $0 < 0 }) { throw .negativeDimension(source: source, shape: shape) }
    guard let count = productOrNil(shape) else { throw .shapeOverflow(source: source, shape: pythonShape(shape)) }
    return count
  }

  /// The element count of a header's shape. Zero-size arrays are fine.
  static func elementCount(header: NumpyHeader, source: String) throws(NumpyError) -> Int {
    guard let count = productOrNil(header.shape) else { throw .shapeOverflow(source: source, shape: header.shapeText) }
    return count
  }

  /// The data byte count for a header's shape and dtype, overflow-checked.
  static func byteCount(header: NumpyHeader, elementCount: Int, source: String) throws(NumpyError) -> Int {
    let (bytes, overflow) = elementCount.multipliedReportingOverflow(by: header.dtype.itemSize)
    guard !overflow else { throw .shapeOverflow(source: source, shape: header.shapeText) }
    return bytes
  }

  /// Python's repr of a shape tuple: `()`, `(5,)`, `(2, 3)`.
  static func pythonShape(_ shape: [Int]) -> String {
    shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
  }

  /// Calls `body(cIndex, fortranIndex)` for every element, in C order.
  ///
  /// The Fortran offset is maintained incrementally with an odometer over the indices.
  /// - Precondition: the product of `shape` is the element count (already checked).
  static func forEachOffsetPair(shape: [Int], _ body: (Int, Int) -> Void) {
    guard let count = productOrNil(shape), count > 0 else { return }
    var fortranStrides = [Int](repeating: 1, count: shape.count)
    for axis in shape.indices.dropFirst() { fortranStrides[axis] = fortranStrides[axis - 1] * shape[axis - 1] }
    var index = [Int](repeating: 0, count: shape.count)
    var fortranOffset = 0
    for cOffset in 0..<count {
      body(cOffset, fortranOffset)
      var axis = shape.count - 1
      while axis >= 0 {
        index[axis] += 1
        fortranOffset += fortranStrides[axis]
        if index[axis] < shape[axis] { break }
        fortranOffset -= fortranStrides[axis] * shape[axis]
        index[axis] = 0
        axis -= 1
      }
    }
  }

  /// Reorders Fortran-order elements into C order.
  static func fortranToC(_ values: [Double], shape: [Int]) -> [Double] {
    guard shape.count > 1 else { return values }
    var out = [Double](repeating: 0, count: values.count)
    forEachOffsetPair(shape: shape) { c, f in out[c] = values[f] }
    return out
  }

  /// Reorders C-order elements into Fortran order.
  static func cToFortran(_ values: [Double], shape: [Int]) -> [Double] {
    guard shape.count > 1 else { return values }
    var out = [Double](repeating: 0, count: values.count)
    forEachOffsetPair(shape: shape) { c, f in out[f] = values[c] }
    return out
  }
}

// MARK: - Element encoding

/// Little-endian float encoding and decoding.
enum NumpyCodec {
  /// Decodes `count` elements starting at byte `offset` (relative to the start of `data`).
  ///
  /// - Precondition: the bytes are present (checked by the caller).
  static func decode(_ data: Data, from offset: Int, count: Int, dtype: NumpyDType) -> [Double] {
    data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> [Double] in
      let size = dtype.itemSize
      return [Double](unsafeUninitializedCapacity: count) { out, initialized in
        for i in 0..<count {
          let at = offset + i * size
          switch dtype {
          case .float64:
            let bits = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: at, as: UInt64.self))
            out[i] = Double(bitPattern: bits)
          case .float32:
            let bits = UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: at, as: UInt32.self))
            out[i] = Double(Float(bitPattern: bits))
          }
        }
        initialized = count
      }
    }
  }

  /// Appends `values` encoded as little-endian `dtype` elements.
  static func encode(_ values: [Double], dtype: NumpyDType, into out: inout Data) {
    out.reserveCapacity(out.count + values.count * dtype.itemSize)
    switch dtype {
    case .float64:
      for value in values { withUnsafeBytes(of: value.bitPattern.littleEndian) { out.append(contentsOf: $0) } }
    case .float32:
      for value in values { withUnsafeBytes(of: Float(value).bitPattern.littleEndian) { out.append(contentsOf: $0) } }
    }
  }
}

// MARK: - Writing

/// Header construction and atomic file replacement.
enum NumpyWriter {
  /// NumPy aligns the data start to this many bytes.
  static let alignment = 64

  /// The header dict text, as NumPy writes it (without padding or newline).
  static func dictText(shape: [Int], dtype: NumpyDType, order: NumpyOrder) -> String {
    let fortran = order == .fortran ? "True" : "False"
    return "{'descr': '\(dtype.descr)', 'fortran_order': \(fortran), 'shape': \(NumpyLayout.pythonShape(shape)), }"
  }

  /// Magic, version, length field and the padded, newline-terminated header.
  static func preambleAndHeader(
    shape: [Int], dtype: NumpyDType, version: NumpyFormatVersion, order: NumpyOrder
  ) -> Data {
    let dict = Array(dictText(shape: shape, dtype: dtype, order: order).utf8)
    var useV2 = version == .v2
    if !useV2 && paddedLength(dict: dict.count, preamble: 10) > Int(UInt16.max) { useV2 = true }
    let preamble = useV2 ? 12 : 10
    let headerLength = paddedLength(dict: dict.count, preamble: preamble)
    var out = Data(NumpyPreamble.magic)
    out.append(contentsOf: [useV2 ? 2 : 1, 0])
    if useV2 {
      withUnsafeBytes(of: UInt32(headerLength).littleEndian) { out.append(contentsOf: $0) }
    } else {
      withUnsafeBytes(of: UInt16(headerLength).littleEndian) { out.append(contentsOf: $0) }
    }
    out.append(contentsOf: dict)
    out.append(contentsOf: [UInt8](repeating: 0x20, count: headerLength - dict.count - 1))
    out.append(0x0A)
    return out
  }

  /// The header length (dict + spaces + newline) making preamble + header a multiple of 64.
  static func paddedLength(dict: Int, preamble: Int) -> Int {
    let unpadded = preamble + dict + 1
    let total = (unpadded + alignment - 1) / alignment * alignment
    return total - preamble
  }

  /// Writes `data` to a temporary sibling of `url`, then renames it over `url`.
  ///
  /// - Throws: `NumpyError.unwritableFile`; the temporary file is removed on failure.
  static func writeAtomically(_ data: Data, to url: URL) throws(NumpyError) {
    let source = url.lastPathComponent
    let temporary = url.deletingLastPathComponent()
      .appendingPathComponent(".\(source).\(UUID().uuidString).tmp")
    do {
      try data.write(to: temporary)
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw .unwritableFile(source: source, reason: NumpyArray.reason(for: error))
    }
    guard rename(temporary.path, url.path) == 0 else {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temporary)
      throw .unwritableFile(source: source, reason: reason)
    }
  }
}
