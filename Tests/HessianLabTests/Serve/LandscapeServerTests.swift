import Foundation
import Testing
import TestSupport

import HessianLab
@testable import HessianCore
@testable import HessianVerification

/// ``LandscapeServer`` in process: requests written to a file, served from it, the frames read
/// back from another file. Replies equal the landscape's own block functions; every malformed
/// request gets one ERROR frame and one ``InputError`` naming the landscape and the request.
@Suite("Landscape server")
struct LandscapeServerTests {
  /// Serves `landscape` on `requests` (concatenated frames); returns the frames written and the
  /// error thrown, if any.
  static func serve(_ landscape: any Landscape, _ requests: [UInt8]) throws -> (frames: [OracleFrame], error: InputError?) {
    let directory = FileManager.default.temporaryDirectory
    let inPath = directory.appendingPathComponent("serve-in-\(UUID().uuidString)").path
    let outPath = directory.appendingPathComponent("serve-out-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: inPath); try? FileManager.default.removeItem(atPath: outPath) }
    FileManager.default.createFile(atPath: inPath, contents: Data(requests))
    FileManager.default.createFile(atPath: outPath, contents: nil)
    let input = open(inPath, O_RDONLY), output = open(outPath, O_WRONLY)
    defer { close(input); close(output) }
    var thrown: InputError?
    do { try LandscapeServer.serve(landscape, input: input, output: output) } catch { thrown = error }
    return (try frames(in: [UInt8](try Data(contentsOf: URL(fileURLWithPath: outPath)))), thrown)
  }

  /// The frames of `bytes`, in order.
  static func frames(in bytes: [UInt8]) throws -> [OracleFrame] {
    var out: [OracleFrame] = [], offset = 0
    while offset < bytes.count {
      let header = try OracleFrame.Header.decode(Array(bytes[offset..<(offset + OracleFrame.headerSize)]))
      let end = offset + OracleFrame.headerSize + header.length
      out.append(OracleFrame(header: header, payload: Array(bytes[(offset + OracleFrame.headerSize)..<end])))
      offset = end
    }
    return out
  }

  static func request(_ kind: OracleFrame.Kind, _ m: Matrix) -> [UInt8] {
    OracleFrame.array(kind, rows: m.rows, columns: m.columns, elements: m.elements).encoded()
  }

  static func random(rows: Int, columns: Int, seed: UInt64) -> Matrix {
    var rng = SeededGenerator(seed: seed)
    return Matrix(rows: rows, columns: columns, elements: (0..<(rows * columns)).map { _ in rng.nextNormal() })
  }

  static func transposed(_ m: Matrix) -> Matrix {
    var t = Matrix(rows: m.columns, columns: m.rows)
    for i in 0..<m.rows { for j in 0..<m.columns { t[j, i] = m[i, j] } }
    return t
  }

  @Test("HELLO carries the protocol fields and describe's known answers; POINT is w*; replies equal the block functions")
  func roundTrip() throws {
    let landscape = try LandscapeSpec.resolve("dln:3-2-3:rank=1")
    let d = landscape.dimension
    let vectors = Self.random(rows: 3, columns: d, seed: 1), points = Self.random(rows: 4, columns: d, seed: 2)
    let requests = Self.request(.hvp, vectors) + Self.request(.loss, points) + Self.request(.gradient, points)
      + OracleFrame.empty(.shutdown).encoded() + Self.request(.loss, points)  // after SHUTDOWN: not read
    let (frames, error) = try Self.serve(landscape, requests)
    #expect(error == nil)
    try #require(frames.count == 5)
    let hello = try #require(try JSONSerialization.jsonObject(with: Data(frames[0].payload)) as? [String: Any])
    #expect(hello["protocol"] as? Int == 1 && hello["dimension"] as? Int == d && hello["precision"] as? String == "float64")
    #expect(hello["capabilities"] as? [String] == ["hvp", "loss", "gradient"])
    let known = try #require(hello["known"] as? [String: Any])
    let report = try JSONSerialization.jsonObject(with: JSONEncoder().encode(DescribeAnalysis.run(landscape))) as? [String: Any]
    #expect(NSDictionary(dictionary: known).isEqual(to: try #require(report)))
    #expect(known["learningCoefficientExact"] as? String == "7/2" && known["rank"] as? Int == 5)
    #expect(frames[1].header.kind == .point && frames[1].values() == landscape.minimum)
    let hvp = landscape.hessianProduct(at: landscape.minimum, block: Self.transposed(vectors))
    #expect(frames[2].header.kind == .hvpReply && frames[2].values() == Self.transposed(hvp).elements)
    #expect(frames[3].header.kind == .lossReply && frames[3].values() == landscape.losses(at: points))
    let gradients = try landscape.gradients(at: points).elements
    #expect(frames[4].header.kind == .gradientReply && frames[4].values() == gradients)
  }

  @Test("The end of the input between frames ends the server cleanly; a float32 request and an empty block are served")
  func endOfInputAndEdgeBlocks() throws {
    let landscape = try LandscapeSpec.resolve("newton-edge")
    let point = Matrix(rows: 1, columns: 2, elements: [0.5, -0.25])
    let float32 = OracleFrame.array(.loss, rows: 1, columns: 2, elements: point.elements, dataType: .float32).encoded()
    let (frames, error) = try Self.serve(landscape, float32 + Self.request(.gradient, Matrix(rows: 0, columns: 2)))
    #expect(error == nil)
    try #require(frames.count == 4)
    #expect(frames[2].values() == landscape.losses(at: point))
    #expect(frames[3].header.kind == .gradientReply && frames[3].header.rows == 0 && frames[3].header.columns == 2)
  }

  /// Requests the server must refuse, and a phrase its message contains.
  static let malformed: [(name: String, bytes: [UInt8], phrase: String)] = {
    let good = request(.loss, Matrix(rows: 1, columns: 2, elements: [1, 2]))
    var badMagic = good
    badMagic[0] = 0x58
    var badLength = good
    badLength[24] = 9
    return [
      ("bad magic", badMagic, "bad magic"),
      ("length not rows·columns·8", badLength, "length 9 bytes"),
      ("wrong width", request(.hvp, Matrix(rows: 1, columns: 3, elements: [1, 2, 3])), "3 columns, but the landscape has d = 2"),
      ("not a request", OracleFrame.json(.hello, text: "{}").encoded(), "a HELLO frame is not a request"),
      ("JSON payload", OracleFrame.json(.loss, text: "[1, 2]").encoded(), "must carry a float64 array"),
      ("truncated payload", Array(good.dropLast(3)), "the input ended after 13 of 16 bytes of the payload"),
      ("truncated header", Array(good.prefix(10)), "the input ended after 10 of 32 bytes of the header"),
      ("NaN in the request", request(.gradient, Matrix(rows: 1, columns: 2, elements: [0, .nan])), "NaN in the request (row 0, column 1)"),
      ("beyond the memory budget", OracleFrame.Header(kind: .hvp, dataType: .float64, rows: 1 << 40, columns: 2, length: 1 << 44).encoded(), "more than the memory budget"),
    ]
  }()

  @Test("A malformed request gets one ERROR frame and an error naming the landscape and the request", arguments: malformed.indices)
  func malformedRequest(_ index: Int) throws {
    let (name, bytes, phrase) = Self.malformed[index]
    let landscape = try LandscapeSpec.resolve("newton-edge")
    let valid = Self.request(.loss, Matrix(rows: 1, columns: 2, elements: [1, 1]))
    let after = name.hasPrefix("truncated") ? [] : valid  // never read: the server stops at the bad request
    let (frames, error) = try Self.serve(landscape, valid + bytes + after)
    try #require(frames.count == 4, "\(name): \(frames.map(\.header.kind))")
    #expect(frames[2].header.kind == .lossReply)
    #expect(frames[3].header.kind == .error, "\(name)")
    let message = try #require(try JSONSerialization.jsonObject(with: Data(frames[3].payload)) as? [String: String])["message"]
    #expect(message?.contains(phrase) == true, "\(name): \(message ?? "")")
    #expect(message?.hasPrefix("newton-edge: request 2") == true, "\(name): \(message ?? "")")
    let line = try #require(error).description
    #expect(line.hasPrefix("newton-edge: serving request 2") && line.contains(phrase) && !line.contains("\n"), "\(name): \(line)")
  }

  @Test("An infinite answer is refused, not sent")
  func nonFiniteAnswer() throws {
    let landscape = try LandscapeSpec.resolve("poly:x0^8")
    let (frames, error) = try Self.serve(landscape, Self.request(.loss, Matrix(rows: 1, columns: 1, elements: [1e300])))
    #expect(frames.last?.header.kind == .error)
    #expect(error?.description.contains("+infinity in the loss (row 0, column 0)") == true, "\(String(describing: error))")
  }
}
