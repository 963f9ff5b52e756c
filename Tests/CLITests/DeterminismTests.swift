import Foundation
import Testing
import TestSupport

/// The same seed and input give byte-identical `--json` output, timing lines
/// removed (``CommandRunner/withoutTiming(_:)``), across runs and worker counts;
/// without `--seed` the seed drawn is printed and is in the JSON (below 2⁵³), and rerunning
/// with it reproduces the run. `scripts/check-determinism` compares debug and release.
@Suite("Determinism: same seed, same bytes")
struct DeterminismTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let label: String
    let arguments: [String]
    var testDescription: String { label }
  }

  static let seeded: [Case] = [
    Case(label: "rank lanczos", arguments: ["rank", "quad-rank-deficient", "--method", "lanczos", "--seed", "7", "--json"]),
    Case(label: "rank block", arguments: ["rank", "quad-rank-deficient", "--method", "block", "--seed", "7", "--json"]),
    Case(label: "rank slq", arguments: ["rank", "quad-rank-deficient", "--method", "slq", "--probes", "10", "--seed", "7", "--json"]),
    Case(label: "spectrum top", arguments: ["spectrum", "quad-full-rank", "--top", "3", "--seed", "7", "--json"]),
    Case(label: "spectrum density", arguments: ["spectrum", "quad-full-rank", "--density", "--probes", "5", "--seed", "7", "--json"]),
    Case(
      label: "covariance",
      arguments: ["covariance", "quad-rank-deficient", "--population", "20", "--kept", "200", "--seed", "7", "--workers", "2", "--json"]),
    Case(
      label: "llc volume (quick settings)",
      arguments: ["llc", "nc-x2", "--method", "volume", "--particles", "16", "--replicates", "2", "--moves", "5", "--seed", "7", "--json"]),
    Case(label: "compare (one small landscape)", arguments: ["compare", "nc-x2", "--conversion", "theoretical", "--json"]),
  ]

  @Test("Two runs with the same seed give the same JSON", arguments: seeded)
  func sameSeedSameBytes(_ c: Case) throws {
    let first = try CommandRunner.run(c.arguments)
    let second = try CommandRunner.run(c.arguments)
    #expect(first.status == 0, "\(first.standardError)")
    #expect(!first.standardOutput.isEmpty)
    #expect(CommandRunner.withoutTiming(first.standardOutput) == CommandRunner.withoutTiming(second.standardOutput))
  }

  @Test("covariance: --workers 1 and --workers 2 give the same JSON")
  func workerCountDoesNotMatter() throws {
    let base = ["covariance", "quad-rank-deficient", "--population", "20", "--kept", "200", "--seed", "11", "--json"]
    let one = try CommandRunner.run(base + ["--workers", "1"])
    let two = try CommandRunner.run(base + ["--workers", "2"])
    #expect(one.status == 0 && two.status == 0, "\(one.standardError) \(two.standardError)")
    #expect(CommandRunner.withoutTiming(one.standardOutput) == CommandRunner.withoutTiming(two.standardOutput))
  }

  static let unseeded: [Case] = [
    Case(label: "rank lanczos", arguments: ["rank", "quad-rank-deficient", "--method", "lanczos"]),
    Case(label: "spectrum", arguments: ["spectrum", "quad-full-rank", "--top", "2"]),
    Case(label: "covariance", arguments: ["covariance", "nc-x2", "--population", "10", "--kept", "20"]),
    Case(label: "llc", arguments: ["llc", "nc-x2", "--method", "volume", "--particles", "8", "--replicates", "1", "--moves", "2"]),
  ]

  @Test("Without --seed the drawn seed is printed, is in the JSON, and reproduces the run", arguments: unseeded)
  func drawnSeedIsReported(_ c: Case) throws {
    let human = try CommandRunner.run(c.arguments)
    #expect(human.status == 0, "\(human.standardError)")
    #expect(human.standardOutput.range(of: #"seed \d+"#, options: .regularExpression) != nil, "\(human.standardOutput)")
    let json = try CommandRunner.run(c.arguments + ["--json"])
    let seed = try #require(try CommandRunner.json(json)["seed"] as? NSNumber, "no seed key: \(json.standardOutput.prefix(300))")
    // Drawn below 2⁵³, so that a reader parsing JSON numbers as doubles (jq, JavaScript) keeps it exact.
    #expect(seed.uint64Value < 1 << 53 && UInt64(exactly: Double(seed.uint64Value)) == seed.uint64Value, "\(seed)")
    let again = try CommandRunner.run(c.arguments + ["--json", "--seed", seed.stringValue])
    #expect(CommandRunner.withoutTiming(json.standardOutput) == CommandRunner.withoutTiming(again.standardOutput))
  }
}
