import Foundation
import Testing

import HessianLab
@testable import HessianCore

@Suite("Oracle protocol frames")
struct OracleFrameTests {
  /// The byte-level example of `docs/oracle-protocol.md`: HVP request v = (1, 1), reply (2, 6).
  @Test("Frames encode to the documented bytes and decode back")
  func documentedBytes() throws {
    let request = OracleFrame.array(.hvp, rows: 1, columns: 2, elements: [1, 1])
    #expect(request.encoded() == Self.bytes("""
      48 4c 4f 50 01 00 10 08 01 00 00 00 00 00 00 00 02 00 00 00 00 00 00 00 10 00 00 00 00 00 00 00
      00 00 00 00 00 00 f0 3f 00 00 00 00 00 00 f0 3f
      """))
    let reply = try OracleFrame.decode(
      Self.bytes("""
        48 4c 4f 50 01 00 90 08 01 00 00 00 00 00 00 00 02 00 00 00 00 00 00 00 10 00 00 00 00 00 00 00
        00 00 00 00 00 00 00 40 00 00 00 00 00 00 18 40
        """), expecting: .array(.hvpReply, rows: 1, columns: 2))
    #expect(reply.values() == [2, 6])
    #expect(OracleFrame.empty(.shutdown).encoded() == Self.bytes("""
      48 4c 4f 50 01 00 1f 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
      """))
    let hello = #"{"protocol": 1, "dimension": 2, "precision": "float64", "capabilities": ["hvp", "loss"]}"#
    let frame = try OracleFrame.decode(
      OracleFrame.json(.hello, text: hello).encoded(), expecting: .json(.hello, limit: 1000))
    #expect(frame.header.length == 88)
    #expect(try frame.text() == hello)
  }

  @Test("float32 replies are widened to Double exactly")
  func float32Widening() throws {
    let values: [Double] = [0.5, -3, 1e-3, 7e30]
    let frame = OracleFrame.array(.gradientReply, rows: 2, columns: 2, elements: values, dataType: .float32)
    #expect(frame.header.length == 16)
    let back = try OracleFrame.decode(frame.encoded(), expecting: .array(.gradientReply, rows: 2, columns: 2))
    #expect(back.values() == values.map { Double(Float($0)) })
  }

  @Test("Each wrong field is refused with an error naming it")
  func namedRefusals() {
    let good = OracleFrame.array(.hvpReply, rows: 40, columns: 5, elements: Array(repeating: 1, count: 200)).encoded()
    let expect = OracleFrame.Expectation.array(.hvpReply, rows: 40, columns: 5)
    func refusal(_ edit: (inout [UInt8]) -> Void, _ expectation: OracleFrame.Expectation? = nil) -> OracleFrameError? {
      var bytes = good
      edit(&bytes)
      do {
        _ = try OracleFrame.decode(bytes, expecting: expectation ?? expect)
        return nil
      } catch { return error }
    }
    #expect(refusal { _ in } == nil)
    #expect(refusal { $0[0] = 0x47 } == .badMagic([0x47, 0x4C, 0x4F, 0x50]))
    #expect(refusal { $0[4] = 2 } == .unsupportedVersion(2))
    #expect(refusal { $0[6] = 0x33 } == .unknownKind(0x33))
    #expect(refusal { $0[7] = 3 } == .unknownDataType(3))
    #expect(refusal { Self.put(&$0, 24, 1600 - 8) } == .lengthMismatch(length: 1592, expected: 1600))
    #expect(refusal { Self.put(&$0, 8, 1 << 62); Self.put(&$0, 16, 4) } == .sizeOverflow(rows: 1 << 62, columns: 4, dataType: .float64))
    #expect(refusal { Self.put(&$0, 8, .max); Self.put(&$0, 16, .max) } == .sizeOverflow(rows: .max, columns: .max, dataType: .float64))
    #expect(refusal { Self.put(&$0, 8, 1 << 60); Self.put(&$0, 24, 1 << 63) } == .sizeOverflow(rows: 1 << 60, columns: 5, dataType: .float64))
    #expect(refusal { Self.put(&$0, 8, 3); Self.put(&$0, 24, 120) } == .shape(rows: 3, columns: 5, expectedRows: 40, expectedColumns: 5))
    #expect(refusal { $0[6] = OracleFrame.Kind.point.rawValue } == .unexpectedKind(.point, expected: .hvpReply))
    #expect(refusal { $0.removeLast() } == .truncated(part: "payload", expected: 1600, got: 1599))
    #expect(refusal { $0.append(0) } == .trailingBytes(1))
    #expect(refusal { $0 = Array($0[0..<20]) } == .truncated(part: "header", expected: 32, got: 20))
    // JSON frames: zero shape, and a length within the reader's limit before anything is read.
    let json: (inout [UInt8]) -> Void = { $0 = OracleFrame.json(.error, text: #"{"message": "x"}"#).encoded() }
    #expect(refusal(json) == nil)
    #expect(refusal({ json(&$0); Self.put(&$0, 8, 1) }) == .shapeOnNonArray(.json, rows: 1, columns: 0))
    #expect(refusal({ json(&$0); Self.put(&$0, 24, 1 << 40) }) == .payloadTooLarge(length: 1 << 40, limit: 1 << 20))
    #expect(refusal({ json(&$0); $0[6] = 0x01; Self.put(&$0, 24, 5000) }, .json(.hello, limit: 4096))
      == .payloadTooLarge(length: 5000, limit: 4096))
    #expect(refusal({ json(&$0); $0[6] = 0x90 }) == .dataTypeNotAllowed(.hvpReply, .json))
    #expect(refusal({ $0[7] = 1; Self.put(&$0, 8, 0); Self.put(&$0, 16, 0) }) == .dataTypeNotAllowed(.hvpReply, .json))
    #expect(refusal({ $0 = OracleFrame.empty(.shutdown).encoded(); Self.put(&$0, 24, 9) }) == .lengthMismatch(length: 9, expected: 0))
    #expect(refusal({ json(&$0); $0[32] = 0xFF }, .json(.error, limit: 100)) == nil)
    #expect(throws: OracleFrameError.invalidText(.error)) {
      var bytes = OracleFrame.json(.error, text: "ab").encoded()
      bytes[32] = 0xFF
      _ = try OracleFrame.decode(bytes, expecting: .json(.error, limit: 100)).text()
    }
  }

  /// 20 000 seeded corruptions of a valid header (1–4 random bytes set to random values, or a
  /// random 64-bit field set to a random or extreme value): each is refused without a crash, or
  /// is a header the reader could accept (the expected kind and shape, or a bounded ERROR).
  @Test("Generated corrupt headers are refused without a crash")
  func generatedCorruptions() {
    var rng = SeededGenerator(seed: 2026)
    let good = OracleFrame.array(.hvpReply, rows: 40, columns: 5, elements: Array(repeating: 0, count: 200)).encoded()
    let header = Array(good[0..<32])
    let extremes: [UInt64] = [0, 1, 5, 40, 1600, 1 << 31, 1 << 32, 1 << 61, 1 << 62, 1 << 63, .max, .max - 7]
    var refused = 0
    for _ in 0..<20_000 {
      var bytes = header
      if Bool.random(using: &rng) {
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
          bytes[Int.random(in: 0..<32, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
        }
      } else {
        let value = Bool.random(using: &rng) ? extremes.randomElement(using: &rng)! : UInt64.random(in: 0...(.max), using: &rng)
        Self.put(&bytes, [8, 16, 24].randomElement(using: &rng)!, value)
      }
      do {
        let decoded = try OracleFrame.Header.decode(bytes)
        try decoded.check(against: .array(.hvpReply, rows: 40, columns: 5))
        if decoded.kind == .error {
          #expect(decoded.length <= OracleFrame.Expectation.errorMessageLimit)
        } else {
          #expect(decoded.rows == 40 && decoded.columns == 5 && decoded.length == 200 * decoded.dataType.elementSize!)
        }
      } catch {
        refused += 1
        #expect(!error.description.isEmpty)
      }
    }
    // Most corruptions break something; the few accepted ones are harmless (checked above).
    #expect(refused > 15_000)
  }

  @Test("Block requests and replies go through the wire layout in slices, transposed or not, across tiles")
  func blockLayout() throws {
    let d = 130, k = 5  // d spans three tiles of 64
    let block = Matrix(rows: d, columns: k, elements: (0..<(d * k)).map { Double($0) + 0.25 })
    var columns = [Double](repeating: 0, count: d * k), rows = [Double](repeating: 0, count: d * k)
    for slice in [0..<2, 2..<5] {
      let sent = try OracleFrame.decode(
        OracleFrame.encodedRequest(.hvp, of: block, slice: slice, columnsAreVectors: true),
        expecting: .array(.hvp, rows: slice.count, columns: d))
      #expect(sent.values() == slice.flatMap { block.column($0) })
      let reply = OracleFrame(header: sent.header, payload: sent.payload)
      #expect(reply.copyValues(into: &columns, outColumns: k, first: slice.lowerBound, rowsAreColumns: true) == nil)
    }
    #expect(columns == block.elements)
    let points = block.transposed  // k×d: one point per row
    for slice in [0..<3, 3..<5] {
      let sent = try OracleFrame.decode(
        OracleFrame.encodedRequest(.loss, of: points, slice: slice, columnsAreVectors: false),
        expecting: .array(.loss, rows: slice.count, columns: d))
      #expect(sent.values() == slice.flatMap { points.row($0) })
      #expect(sent.copyValues(into: &rows, outColumns: d, first: slice.lowerBound, rowsAreColumns: false) == nil)
    }
    #expect(rows == points.elements)
    var bad = Array(repeating: 1.0, count: 2 * d)
    bad[d + 100] = .infinity
    bad[d + 3] = .nan
    let frame = OracleFrame.array(.hvpReply, rows: 2, columns: d, elements: bad)
    #expect(frame.copyValues(into: &columns, outColumns: k, first: 0, rowsAreColumns: true) == d + 3)
  }

  /// Little-endian `value` at `offset`.
  static func put(_ bytes: inout [UInt8], _ offset: Int, _ value: UInt64) {
    for i in 0..<8 { bytes[offset + i] = UInt8(truncatingIfNeeded: value >> UInt64(8 * i)) }
  }

  /// Bytes from whitespace-separated hex pairs.
  static func bytes(_ hex: String) -> [UInt8] {
    hex.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { UInt8($0, radix: 16)! }
  }
}
