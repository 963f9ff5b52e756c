/// A frame that breaks the oracle protocol: what is wrong with it, in words a user can act on.
/// Each description starts with what was found (`bad magic …`, `reply of shape 3×5, expected 40×5`).
public enum OracleFrameError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Fewer bytes than a header or payload needs (`part` is `header` or `payload`).
  case truncated(part: String, expected: Int, got: Int)
  /// The first four bytes are not `HLOP`.
  case badMagic([UInt8])
  /// A version other than 1.
  case unsupportedVersion(UInt16)
  /// A kind byte the protocol does not define.
  case unknownKind(UInt8)
  /// A dtype byte the protocol does not define.
  case unknownDataType(UInt8)
  /// rows·columns·size overflows (or exceeds `Int.max`).
  case sizeOverflow(rows: UInt64, columns: UInt64, dataType: OracleFrame.DataType)
  /// The length field differs from what the data type and shape imply.
  case lengthMismatch(length: UInt64, expected: UInt64)
  /// A JSON or empty frame with nonzero rows or columns.
  case shapeOnNonArray(OracleFrame.DataType, rows: UInt64, columns: UInt64)
  /// A frame of another kind than the one awaited.
  case unexpectedKind(OracleFrame.Kind, expected: OracleFrame.Kind)
  /// A data type the frame's kind cannot carry (e.g. a JSON HVP reply).
  case dataTypeNotAllowed(OracleFrame.Kind, OracleFrame.DataType)
  /// An array reply whose shape is not the request's.
  case shape(rows: Int, columns: Int, expectedRows: Int, expectedColumns: Int)
  /// A JSON payload longer than the reader accepts.
  case payloadTooLarge(length: Int, limit: Int)
  /// A JSON payload that is not UTF-8.
  case invalidText(OracleFrame.Kind)
  /// Bytes after the payload of a frame decoded from a whole buffer.
  case trailingBytes(Int)

  /// One line: what was found, and what was expected.
  public var description: String {
    switch self {
    case let .truncated(part, expected, got):
      "malformed frame: the \(part) ended after \(got) of \(expected) bytes"
    case let .badMagic(bytes):
      "malformed frame: bad magic \(Self.hex(bytes)) (expected 48 4C 4F 50, 'HLOP')"
    case let .unsupportedVersion(v):
      "malformed frame: protocol version \(v) (this HessianLab speaks version \(OracleFrame.version))"
    case let .unknownKind(k):
      "malformed frame: unknown kind 0x\(Self.hex([k]))"
    case let .unknownDataType(t):
      "malformed frame: unknown dtype \(t) (expected 0, 1, 4 or 8)"
    case let .sizeOverflow(r, c, t):
      "malformed frame: \(r)×\(c) \(t) entries overflow the size arithmetic"
    case let .lengthMismatch(length, expected):
      "malformed frame: length \(length) bytes, but its dtype and shape imply \(expected)"
    case let .shapeOnNonArray(t, r, c):
      "malformed frame: a \(t) frame with shape \(r)×\(c) (must be 0×0)"
    case let .unexpectedKind(k, expected):
      "a \(k) frame where a\(expected == .hvpReply || expected == .error ? "n" : "") \(expected) frame was expected"
    case let .dataTypeNotAllowed(k, t):
      "malformed frame: a \(k) frame cannot carry \(t) data"
    case let .shape(r, c, er, ec):
      "reply of shape \(r)×\(c), expected \(er)×\(ec)"
    case let .payloadTooLarge(length, limit):
      "malformed frame: a JSON payload of \(length) bytes (at most \(limit) accepted)"
    case let .invalidText(k):
      "malformed frame: the \(k) payload is not UTF-8 text"
    case let .trailingBytes(n):
      "malformed frame: \(n) bytes after the payload"
    }
  }

  /// Bytes as upper-case hex pairs separated by spaces.
  static func hex(_ bytes: [UInt8]) -> String {
    bytes.map { b in
      let digits = String(b, radix: 16, uppercase: true)
      return digits.count == 1 ? "0" + digits : digits
    }.joined(separator: " ")
  }
}
