import Foundation
import HessianLab
import Testing
import TestSupport

/// `-` as standard input wherever a `.npy` path is accepted (LANDSCAPE, `--at`): the same
/// result as the file; empty, truncated, oversized or twice-read standard input is one line
/// naming `- (standard input)`, exit 2.
@Suite("- reads a .npy from standard input")
struct StandardInputTests {
  static let file = "fixtures/hessians/rank3-d6.npy"
  static var bytes: Data { get throws { try Data(contentsOf: URL(fileURLWithPath: Repository.path(file))) } }

  @Test("rank, spectrum and describe of - give the same JSON as of the file (timings aside)", arguments: [
    ["rank", "--json"], ["spectrum", "--top", "2", "--seed", "1", "--json"], ["describe", "--json"],
  ])
  func sameAsFile(_ command: [String]) throws {
    let fromFile = try CommandRunner.run([command[0], Self.file] + command.dropFirst())
    let fromStdin = try CommandRunner.run([command[0], "-"] + command.dropFirst(), input: try Self.bytes)
    #expect(fromFile.status == 0 && fromStdin.status == 0, "\(fromStdin.standardError)")
    // Reports name their input: the file by path (JSON escapes its slashes), standard input as "-".
    let escaped = Self.file.replacingOccurrences(of: "/", with: "\\/")
    let normalised = CommandRunner.withoutTiming(fromStdin.standardOutput).replacingOccurrences(of: "\"-\"", with: "\"\(escaped)\"")
    #expect(normalised == CommandRunner.withoutTiming(fromFile.standardOutput))
  }

  @Test("hessian --at - reads the point from standard input")
  func pointFromStandardInput() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hl-stdin-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let point = NumpyArray(vector: [0.5, -0.25]).data()
    try point.write(to: folder.appendingPathComponent("w.npy"))
    let file = try CommandRunner.run(["hessian", "poly:x0^2*x1^2", "--at", "w.npy", "--save", "A.npy"], in: folder)
    let piped = try CommandRunner.run(["hessian", "poly:x0^2*x1^2", "--at", "-", "--save", "B.npy"], input: point, in: folder)
    #expect(file.status == 0 && piped.status == 0, "\(piped.standardError)")
    let a = try Data(contentsOf: folder.appendingPathComponent("A.npy"))
    #expect(try Data(contentsOf: folder.appendingPathComponent("B.npy")) == a)
  }

  /// A header declaring `shape` (float64), without any payload.
  static func header(_ shape: String) -> Data {
    var text = "{'descr': '<f8', 'fortran_order': False, 'shape': \(shape), }"
    while (10 + text.utf8.count + 1) % 64 != 0 { text += " " }
    text += "\n"
    return Data([0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0, UInt8(text.utf8.count & 0xFF), UInt8(text.utf8.count >> 8)] + Array(text.utf8))
  }

  @Test("bad standard input: one line naming - (standard input), exit 2, nothing written")
  func badInput() throws {
    let good = try Self.bytes
    let cases: [(String, Data, [String], String)] = [
      ("empty", Data(), ["rank", "-"], "empty"),
      ("truncated payload", good.dropLast(10), ["rank", "-"], "truncated"),
      ("truncated header", good.prefix(40), ["rank", "-"], "truncated"),
      ("not a .npy", Data("hello\n".utf8), ["rank", "-"], "not a .npy"),
      ("trailing bytes", good + Data([1, 2, 3]), ["rank", "-"], "trailing"),
      // 10⁵ × 10⁵ float64 = 80 GB: refused from the header alone (no payload is sent).
      ("over the memory budget", Self.header("(100000, 100000)"), ["rank", "-"], "memory budget"),
      ("read twice", good, ["hessian", "-", "--at", "-", "--save", "H.npy"], "already read"),
    ]
    for (name, input, arguments, says) in cases {
      let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hl-stdin-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(at: folder) }
      let r = try CommandRunner.run(arguments, input: input, in: folder)
      let lines = r.standardError.trimmingCharacters(in: .newlines).split(separator: "\n")
      #expect(r.status == 2, "\(name): \(r.standardError)")
      #expect(lines.count == 1, "\(name): \(r.standardError)")
      #expect(r.standardError.contains("- (standard input)"), "\(name): \(r.standardError)")
      #expect(r.standardError.contains(says), "\(name): \(r.standardError)")
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "\(name)")
    }
  }
}
