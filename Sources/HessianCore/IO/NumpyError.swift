import Foundation
import GSLBridge

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
  /// The shape would need more memory than ``MemoryBudget`` allows once decoded to
  /// `Double` (`estimatedBytes` is nil when the count overflows); refused before reading data.
  case tooLarge(source: String, shape: String, estimatedBytes: Int?, budgetBytes: Int)
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
    case .tooLarge(let source, let shape, let estimate, let budget):
      "\(source): shape \(shape) needs "
        + (estimate.map { "about \(MemoryBudget.format($0)) (\($0) bytes)" } ?? "more bytes than fit in Int")
        + " in memory as float64, more than the memory budget \(MemoryBudget.format(budget))"
        + " (\(MemoryBudget.budgetSource)); refused before reading the data"
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
