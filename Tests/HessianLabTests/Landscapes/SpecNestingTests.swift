import Foundation
import Testing

@testable import HessianCore
@testable import HessianVerification
@testable import HessianZoo

@Suite("SpecNesting: fixture cycles and depth")
struct SpecNestingTests {
  /// A fresh folder for one test's fixtures.
  static func folder() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hl-nesting-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  /// Writes fixture `name`.json in `dir` with `spec`; returns its path.
  @discardableResult
  static func write(_ name: String, spec: String, in dir: URL, dimension: Int = 1) throws -> String {
    let path = dir.appendingPathComponent("\(name).json").path
    let json: [String: Any] = [
      "schemaVersion": 1, "id": name, "description": "nesting test", "spec": spec, "tags": [String](),
      "known": ["dimension": dimension, "rank": NSNull(), "learningCoefficient": NSNull(), "multiplicity": NSNull(),
                "provenance": "unknown", "source": "test"],
    ]
    try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: path))
    return path
  }

  static func refusal(_ body: () throws -> Void) -> String? {
    do {
      try body()
      return nil
    } catch {
      return "\(error)"
    }
  }

  @Test("a fixture whose spec is its own path is refused, naming it, in one line")
  func selfReference() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("self.json").path
    try Self.write("self", spec: path, in: dir)
    for attempt in [{ _ = try LandscapeSpec.resolve(path) }, { _ = try VerificationCase.resolve(path) },
                    { _ = try LandscapeSpec.resolve("sum:quad:1|\(path)") }] {
      let message = try #require(Self.refusal(attempt))
      #expect(message.hasPrefix("\(path): "), "\(message)")
      #expect(message.contains("leads back to this fixture"), "\(message)")
      #expect(!message.contains("\n"))
    }
  }

  /// Cycles of random length 1…12 (each fixture's spec the next one's path, bare
  /// or inside a `sum:`, written with `./` or the plain path): every entry
  /// point is refused in one line naming a fixture of the cycle, never a crash.
  @Test("generated cycles of random length are refused in one line")
  func generatedCycles() throws {
    var rng = SeededGenerator(seed: 1)
    for trial in 0..<40 {
      let dir = try Self.folder()
      defer { try? FileManager.default.removeItem(at: dir) }
      let n = Int.random(in: 1...12, using: &rng)
      let paths = (0..<n).map { dir.appendingPathComponent("c\($0).json").path }
      for k in 0..<n {
        var next = paths[(k + 1) % n]
        if Bool.random(using: &rng) { next = dir.path + "/./" + "c\((k + 1) % n).json" }
        let spec = Bool.random(using: &rng) ? "sum:quad:1|\(next)" : next
        try Self.write("c\(k)", spec: spec, in: dir)
      }
      let start = paths[Int.random(in: 0..<n, using: &rng)]
      let message = try #require(Self.refusal { _ = try LandscapeSpec.resolve(start) }, "trial \(trial): accepted")
      #expect(message.contains("leads back to this fixture") || message.contains("levels deep"), "\(message)")
      #expect(paths.contains { message.hasPrefix($0) } || message.hasPrefix(dir.path), "\(message)")
      #expect(!message.contains("\n"))
      #expect(message.count < 2000, "\(message.count) characters")
    }
  }

  /// Acyclic chains of random length: up to the depth bound they resolve (to the
  /// quadratic at the end), beyond it they are refused naming the depth.
  @Test("generated chains resolve within the depth bound and are refused beyond it")
  func generatedChains() throws {
    var rng = SeededGenerator(seed: 2)
    let bound = SpecNesting.maximumDepth
    for n in [1, 2, bound - 1, bound, bound + 1, bound + 20] + (0..<6).map({ _ in Int.random(in: 1...(2 * bound), using: &rng) }) {
      let dir = try Self.folder()
      defer { try? FileManager.default.removeItem(at: dir) }
      for k in 0..<n {
        let spec = k == n - 1 ? "quad:2:d=3" : dir.appendingPathComponent("l\(k + 1).json").path
        try Self.write("l\(k)", spec: spec, in: dir, dimension: 3)
      }
      let top = dir.appendingPathComponent("l0.json").path
      let message = Self.refusal { _ = try LandscapeSpec.resolve(top) }
      if n <= bound {
        #expect(message == nil, "chain of \(n): \(message ?? "")")
      } else {
        #expect(message?.contains("nested more than \(bound) levels deep") == true, "chain of \(n): \(message ?? "accepted")")
        #expect(message?.contains("\n") == false)
      }
    }
  }

  @Test("two fixtures pointing at each other are refused from either end, and a symbolic link to a fixture is the same fixture")
  func pairAndLink() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let a = dir.appendingPathComponent("a.json").path
    let b = dir.appendingPathComponent("b.json").path
    let link = dir.appendingPathComponent("link.json").path
    try Self.write("a", spec: link, in: dir)
    try Self.write("b", spec: a, in: dir)
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: b)
    for start in [a, b, link] {
      let message = try #require(Self.refusal { _ = try LandscapeSpec.resolve(start) })
      #expect(message.contains("leads back to this fixture"), "\(message)")
    }
  }
}
