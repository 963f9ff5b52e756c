extension OracleFrame {
  /// An array frame of `kind`: `rows`×`columns` row-major `elements`, written as float64 (or
  /// float32, rounding each entry). Cost: O(rows·columns), one buffer.
  ///
  /// - Precondition: `elements.count == rows * columns`, `dataType` is an array type.
  public static func array(
    _ kind: Kind, rows: Int, columns: Int, elements: [Double], dataType: DataType = .float64
  ) -> OracleFrame {
    precondition(elements.count == rows * columns, "element count does not match \(rows)×\(columns)")
    guard let size = dataType.elementSize else { preconditionFailure("\(dataType) is not an array type") }
    let header = Header(kind: kind, dataType: dataType, rows: rows, columns: columns, length: elements.count * size)
    let payload = [UInt8](unsafeUninitializedCapacity: header.length) { buffer, initialized in
      let raw = UnsafeMutableRawBufferPointer(buffer)
      for (i, x) in elements.enumerated() {
        if size == 8 {
          raw.storeBytes(of: x.bitPattern.littleEndian, toByteOffset: 8 * i, as: UInt64.self)
        } else {
          raw.storeBytes(of: Float(x).bitPattern.littleEndian, toByteOffset: 4 * i, as: UInt32.self)
        }
      }
      initialized = header.length
    }
    return OracleFrame(header: header, payload: payload)
  }

  /// A JSON frame of `kind` holding `text` (its UTF-8 bytes). Cost: O(text length).
  public static func json(_ kind: Kind, text: String) -> OracleFrame {
    let payload = Array(text.utf8)
    return OracleFrame(
      header: Header(kind: kind, dataType: .json, rows: 0, columns: 0, length: payload.count), payload: payload)
  }

  /// A frame of `kind` with no payload (SHUTDOWN).
  public static func empty(_ kind: Kind) -> OracleFrame {
    OracleFrame(header: Header(kind: kind, dataType: .empty, rows: 0, columns: 0, length: 0), payload: [])
  }

  /// Header and payload as one byte buffer, ready to write. Cost: O(length).
  public func encoded() -> [UInt8] { header.encoded() + payload }

  /// The array entries in row-major order, float32 widened to `Double` exactly; empty for a
  /// JSON or empty frame. Cost: O(rows·columns).
  public func values() -> [Double] {
    guard let size = header.dataType.elementSize else { return [] }
    let count = min(header.rows * header.columns, payload.count / size)
    return payload.withUnsafeBytes { raw in
      [Double](unsafeUninitializedCapacity: count) { out, initialized in
        for i in 0..<count {
          if size == 8 {
            out[i] = Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self)))
          } else {
            out[i] = Double(Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))))
          }
        }
        initialized = count
      }
    }
  }

  /// The JSON payload as text.
  ///
  /// - Throws: ``OracleFrameError/invalidText(_:)`` when the bytes are not UTF-8.
  public func text() throws(OracleFrameError) -> String {
    guard let text = String(validating: payload, as: UTF8.self) else { throw .invalidText(header.kind) }
    return text
  }

  /// Decodes one whole frame from `bytes` (header, then exactly `length` payload bytes),
  /// checking it against `expectation` before the payload is touched. Cost: O(length).
  ///
  /// - Throws: ``OracleFrameError`` for a malformed header, an unexpected frame, or a byte
  ///   count other than 32 + length.
  public static func decode(_ bytes: [UInt8], expecting expectation: Expectation) throws(OracleFrameError) -> OracleFrame {
    let header = try Header.decode(bytes)
    try header.check(against: expectation)
    let available = bytes.count - headerSize
    guard available <= header.length else { throw .trailingBytes(available - header.length) }
    guard available == header.length else {
      throw .truncated(part: "payload", expected: header.length, got: available)
    }
    return OracleFrame(header: header, payload: Array(bytes[headerSize...]))
  }
}
