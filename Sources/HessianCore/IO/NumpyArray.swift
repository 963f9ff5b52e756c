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

// MARK: - Reading and writing

extension NumpyArray {
  /// Reads a `.npy` file; messages name the file by its last path component.
  ///
  /// - Throws: `NumpyError.unreadableFile` if the file cannot be read, otherwise any
  ///   error of `init(data:source:)`.
  public init(contentsOf url: URL) throws(NumpyError) {
    let source = url.lastPathComponent
    let data: Data
    do throws(ReadableFile.Failure) {
      // A directory, a device or a symlink loop is refused with its plain cause
      // (``ReadableFile``). An empty file is simply too short; not reading it also avoids
      // a 4 kB leak in Foundation's Data(contentsOf:) for zero-length files (LeakSanitizer).
      if let reason = ReadableFile.problem(at: url.path) { throw ReadableFile.Failure(path: url.path, reason: reason) }
    } catch {
      throw .unreadableFile(source: source, reason: error.reason)
    }
    // A plain float64 C-order file: straight into the values (``NumpyDirectRead``).
    if let direct = try NumpyDirectRead.read(path: url.path, source: source) {
      self = direct
      return
    }
    do throws(ReadableFile.Failure) {
      let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil
      data = size == 0 ? Data() : try ReadableFile.read(url.path, mapped: true)
    } catch {
      throw .unreadableFile(source: source, reason: error.reason)
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
    try NumpyLayout.checkDecodedBudget(count: count, header: header, source: source)
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
