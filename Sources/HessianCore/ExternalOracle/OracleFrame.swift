/// One message of the oracle protocol (`docs/oracle-protocol.md`): a 32-byte header, then a
/// payload of `header.length` bytes (a little-endian row-major array, UTF-8 JSON, or nothing).
///
/// Frames are decoded in two steps so that nothing a peer claims is allocated before it is
/// checked: ``Header/decode(_:)`` validates the 32 header bytes (magic, version, kind, data
/// type, rows·columns·size = length with checked arithmetic), ``Header/check(against:)``
/// compares the header with the reply the client expects (kind and exact shape, or a size
/// limit for JSON), and only then is the payload read.
public struct OracleFrame: Equatable, Sendable {
  /// The header's fixed fields.
  public var header: Header
  /// The payload bytes (`header.length` of them).
  public var payload: [UInt8]

  /// The byte count of a header.
  public static let headerSize = 32
  /// The magic bytes `HLOP` that start every frame.
  public static let magic: [UInt8] = [0x48, 0x4C, 0x4F, 0x50]
  /// The protocol version this client speaks.
  public static let version: UInt16 = 1

  /// A frame of `header` and `payload`; the caller keeps `payload.count == header.length`.
  public init(header: Header, payload: [UInt8]) {
    self.header = header
    self.payload = payload
  }

  /// The message a frame carries (its `kind` byte).
  public enum Kind: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    /// Server's first frame: JSON with protocol, dimension, precision, capabilities, name.
    case hello = 0x01
    /// Server's second frame: 1×d, the point w*.
    case point = 0x02
    /// Client request: k×d vectors, one per row.
    case hvp = 0x10
    /// Client request: n×d points, one per row.
    case loss = 0x11
    /// Client request: n×d points, one per row.
    case gradient = 0x12
    /// Client request: empty; the server exits with status 0.
    case shutdown = 0x1F
    /// Server reply instead of any other: JSON `{"message": "…"}`.
    case error = 0x7F
    /// Server reply to HVP: k×d, row i is H·vᵢ.
    case hvpReply = 0x90
    /// Server reply to LOSS: n×1 losses.
    case lossReply = 0x91
    /// Server reply to GRADIENT: n×d gradients.
    case gradientReply = 0x92

    /// The name the protocol document uses (`HELLO`, `HVP reply`, …).
    public var description: String {
      switch self {
      case .hello: "HELLO"
      case .point: "POINT"
      case .hvp: "HVP"
      case .loss: "LOSS"
      case .gradient: "GRADIENT"
      case .shutdown: "SHUTDOWN"
      case .error: "ERROR"
      case .hvpReply: "HVP reply"
      case .lossReply: "LOSS reply"
      case .gradientReply: "GRADIENT reply"
      }
    }
  }

  /// What the payload holds (the `dtype` byte; for arrays it is the element size in bytes).
  public enum DataType: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    /// No payload (length 0).
    case empty = 0
    /// UTF-8 JSON text.
    case json = 1
    /// Little-endian IEEE 754 single precision; widened to `Double` on reading.
    case float32 = 4
    /// Little-endian IEEE 754 double precision.
    case float64 = 8

    /// Bytes per array element; nil for the non-array types.
    public var elementSize: Int? {
      switch self {
      case .float32: 4
      case .float64: 8
      case .empty, .json: nil
      }
    }

    /// `empty`, `JSON`, `float32` or `float64`.
    public var description: String {
      switch self {
      case .empty: "empty"
      case .json: "JSON"
      case .float32: "float32"
      case .float64: "float64"
      }
    }
  }

  /// The validated fields of a header. Every value here passed ``decode(_:)``'s checks:
  /// rows and columns fit `Int`, and `length` is exactly what the data type and shape imply.
  public struct Header: Equatable, Sendable {
    /// The message.
    public var kind: Kind
    /// What the payload holds.
    public var dataType: DataType
    /// Array rows (0 for JSON and empty frames).
    public var rows: Int
    /// Array columns (0 for JSON and empty frames).
    public var columns: Int
    /// Payload bytes.
    public var length: Int

    /// A header with the given fields (not checked; ``OracleFrame``'s builders keep them consistent).
    public init(kind: Kind, dataType: DataType, rows: Int, columns: Int, length: Int) {
      self.kind = kind
      self.dataType = dataType
      self.rows = rows
      self.columns = columns
      self.length = length
    }

    /// The 32 bytes on the wire. Cost: O(1).
    public func encoded() -> [UInt8] {
      var bytes = OracleFrame.magic
      bytes.reserveCapacity(OracleFrame.headerSize)
      bytes += [UInt8(OracleFrame.version & 0xFF), UInt8(OracleFrame.version >> 8), kind.rawValue, dataType.rawValue]
      for field in [rows, columns, length] {
        let value = UInt64(field)
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
      }
      return bytes
    }

    /// Reads and validates a header from its 32 bytes: magic, version, kind, data type, and a
    /// length equal to rows·columns·size (checked multiplication) for arrays, zero rows and
    /// columns for JSON and empty frames, length 0 for empty ones. Cost: O(1); allocates nothing
    /// the peer sized.
    ///
    /// - Throws: ``OracleFrameError`` naming the first field that is wrong.
    public static func decode(_ bytes: [UInt8]) throws(OracleFrameError) -> Header {
      guard bytes.count >= OracleFrame.headerSize else {
        throw .truncated(part: "header", expected: OracleFrame.headerSize, got: bytes.count)
      }
      guard Array(bytes[0..<4]) == OracleFrame.magic else { throw .badMagic(Array(bytes[0..<4])) }
      let version = UInt16(bytes[4]) | UInt16(bytes[5]) << 8
      guard version == OracleFrame.version else { throw .unsupportedVersion(version) }
      guard let kind = Kind(rawValue: bytes[6]) else { throw .unknownKind(bytes[6]) }
      guard let dataType = DataType(rawValue: bytes[7]) else { throw .unknownDataType(bytes[7]) }
      let rows = word(bytes, at: 8), columns = word(bytes, at: 16), length = word(bytes, at: 24)
      guard let size = dataType.elementSize else {
        guard rows == 0, columns == 0 else { throw .shapeOnNonArray(dataType, rows: rows, columns: columns) }
        if dataType == .empty, length != 0 { throw .lengthMismatch(length: length, expected: 0) }
        guard length <= UInt64(Int.max) else { throw .sizeOverflow(rows: rows, columns: columns, dataType: dataType) }
        return Header(kind: kind, dataType: dataType, rows: 0, columns: 0, length: Int(length))
      }
      let (count, overflow1) = rows.multipliedReportingOverflow(by: columns)
      let (bytesNeeded, overflow2) = count.multipliedReportingOverflow(by: UInt64(size))
      guard !overflow1, !overflow2, bytesNeeded <= UInt64(Int.max) else {
        throw .sizeOverflow(rows: rows, columns: columns, dataType: dataType)
      }
      guard length == bytesNeeded else { throw .lengthMismatch(length: length, expected: bytesNeeded) }
      return Header(kind: kind, dataType: dataType, rows: Int(rows), columns: Int(columns), length: Int(length))
    }

    /// Checks the header against what the reader waits for (``OracleFrame/Expectation``): the
    /// expected kind, or ERROR; for an array the exact shape and a float data type, for JSON a
    /// length within the limit. Cost: O(1). Run before the payload is read, so a length is never
    /// allocated unless the expected reply has that size.
    ///
    /// - Throws: ``OracleFrameError/unexpectedKind(_:expected:)``,
    ///   ``OracleFrameError/dataTypeNotAllowed(_:_:)``, ``OracleFrameError/shape(rows:columns:expectedRows:expectedColumns:)``
    ///   or ``OracleFrameError/payloadTooLarge(length:limit:)``.
    public func check(against expectation: Expectation) throws(OracleFrameError) {
      if kind == .error {
        guard dataType == .json else { throw .dataTypeNotAllowed(kind, dataType) }
        guard length <= Expectation.errorMessageLimit else {
          throw .payloadTooLarge(length: length, limit: Expectation.errorMessageLimit)
        }
        return
      }
      switch expectation {
      case .array(let expectedKind, let expectedRows, let expectedColumns):
        guard kind == expectedKind else { throw .unexpectedKind(kind, expected: expectedKind) }
        guard dataType.elementSize != nil else { throw .dataTypeNotAllowed(kind, dataType) }
        guard rows == expectedRows, columns == expectedColumns else {
          throw .shape(rows: rows, columns: columns, expectedRows: expectedRows, expectedColumns: expectedColumns)
        }
      case .json(let expectedKind, let limit):
        guard kind == expectedKind else { throw .unexpectedKind(kind, expected: expectedKind) }
        guard dataType == .json else { throw .dataTypeNotAllowed(kind, dataType) }
        guard length <= limit else { throw .payloadTooLarge(length: length, limit: limit) }
      }
    }

    /// The little-endian 64-bit word at `offset`.
    private static func word(_ bytes: [UInt8], at offset: Int) -> UInt64 {
      (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + $1]) << UInt64(8 * $1) }
    }
  }

  /// What a reader waits for: an array frame of one kind and exact shape, or a JSON frame of
  /// one kind within a byte limit. An ERROR frame (JSON, at most ``errorMessageLimit`` bytes)
  /// is always accepted in place of the expected one.
  public enum Expectation: Equatable, Sendable {
    /// An array of `kind` with exactly `rows`×`columns` entries (float32 or float64).
    case array(Kind, rows: Int, columns: Int)
    /// JSON of `kind`, at most `limit` bytes.
    case json(Kind, limit: Int)

    /// The largest ERROR message accepted: 1 MiB.
    public static let errorMessageLimit = 1 << 20
  }
}
