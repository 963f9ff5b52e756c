import Foundation
import GSLBridge

// MARK: - Layout helpers

/// Shape arithmetic and C ↔ Fortran reordering.
enum NumpyLayout {
  /// Throws when `count` decoded values (Doubles) of the array `header` describes would exceed the
  /// ``MemoryBudget``: checked before the data is touched or allocated for.
  ///
  /// - Throws: ``NumpyError/tooLarge(source:shape:estimatedBytes:budgetBytes:)``.
  static func checkDecodedBudget(count: Int, header: NumpyHeader, source: String) throws(NumpyError) {
    let budget = MemoryBudget.bytes
    let decodedBytes = MemoryBudget.product(count, MemoryLayout<Double>.size)
    if decodedBytes.map({ $0 > budget }) ?? true {
      throw .tooLarge(source: source, shape: header.shapeText, estimatedBytes: decodedBytes, budgetBytes: budget)
    }
  }

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

  /// Writes `data` to a temporary sibling of `url`, then renames it over `url` (``AtomicFile``).
  ///
  /// - Throws: `NumpyError.unwritableFile`; the temporary file is removed on failure.
  static func writeAtomically(_ data: Data, to url: URL) throws(NumpyError) {
    do {
      try AtomicFile.write(data, to: url)
    } catch {
      switch error {
      case let .unwritable(_, reason): throw .unwritableFile(source: url.lastPathComponent, reason: reason)
      case .interrupted: throw .unwritableFile(source: url.lastPathComponent, reason: "interrupted")
      }
    }
  }
}
