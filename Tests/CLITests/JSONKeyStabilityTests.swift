import Foundation
import Testing
import TestSupport

/// Scripts can rely on the keys of a `--json` report: every method (or mode) of a command prints
/// the same key set, with `null` where a value does not apply to that method. Context keys that
/// depend on the input or an option rather than the method (`oracle`, `trustChecks`, `hvpModel`,
/// `training`) are the documented exceptions and do not occur in these runs.
@Suite("--json: the same keys for every method of a command")
struct JSONKeyStabilityTests {
  /// One command run per method, all on the same input.
  struct Family: CustomTestStringConvertible, Sendable {
    var command: String
    var runs: [[String]]
    var testDescription: String { command }
  }

  static let families: [Family] = [
    Family(
      command: "rank",
      runs: ["dense", "lanczos", "block", "power", "slq"].map {
        ["rank", "quad-rank-deficient", "--method", $0, "--seed", "1", "--json"]
      }),
    Family(
      command: "spectrum",
      runs: [["--top", "3"], ["--bottom", "2"], ["--density", "--probes", "4"]].map {
        ["spectrum", "quad-full-rank"] + $0 + ["--seed", "1", "--json"]
      }),
    Family(
      command: "llc",
      runs: ["bounds", "exact", "volume", "sgld", "all"].map {
        [
          "llc", "nc-x2", "--method", $0, "--seed", "1", "--particles", "8", "--replicates", "2", "--moves", "2",
          "--epsilon-min", "1e-6", "--chains", "2", "--steps", "300", "--burn-in", "100", "--json",
        ]
      }),
  ]

  @Test("every method prints the same top-level keys", arguments: families)
  func sameKeys(_ family: Family) throws {
    var sets: [(arguments: [String], keys: Set<String>)] = []
    for arguments in family.runs {
      let r = try CommandRunner.run(arguments)
      #expect(r.status == 0, "\(arguments): \(r.standardError)")
      sets.append((arguments, Set(try CommandRunner.json(r).keys)))
    }
    let union = sets.reduce(into: Set<String>()) { $0.formUnion($1.keys) }
    for s in sets {
      #expect(s.keys == union, "\(s.arguments.joined(separator: " ")) lacks \(union.subtracting(s.keys).sorted())")
    }
  }

  @Test("compare: a reached and an unreached method have the same keys")
  func compareMethodKeys() throws {
    // newton-flat: the HVP methods reach the exact rank, the covariance route does not (x⁴ looks curved).
    let r = try CommandRunner.run([
      "compare", "newton-flat", "--method", "block", "--method", "covariance", "--confidence", "0.8", "--risk", "0.2",
      "--kept-cap-factor", "4", "--conversion", "theoretical", "--json",
    ])
    #expect(r.status == 0, "\(r.standardError)")
    let comparisons = try #require(try CommandRunner.json(r)["comparisons"] as? [[String: Any]])
    let methods = try #require(comparisons.first?["methods"] as? [[String: Any]])
    #expect(Set(methods.map { $0["reachedConfidence"] as? Bool }) == [true, false])
    #expect(Set(methods.map { Set($0.keys) }).count == 1, "\(methods.map { $0.keys.sorted() })")
  }
}
