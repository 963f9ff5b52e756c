import ArgumentParser
import Foundation
import HessianLab

/// `hessian-lab verify`: the correctness properties over the fixture corpus,
/// a user's landscape, or freshly generated landscapes, with thresholds from a
/// false-failure budget. Exit status 1 when a property fails.
struct VerifyCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Check HVPs, every rank method, the covariance–Hessian properties and the LLC bounds against known answers.",
    discussion: """
      Without a landscape: every fixture in fixtures/landscapes (the zoo when the \
      directory is absent). With a fixture .json, its 'known' block is what is verified \
      (a fixture wrong about its rank fails); with a zoo id or spec, its own known answers. \
      The false-failure budget P (--budget) is split evenly over the statistical checks; \
      deterministic checks state their tolerance. --explore N draws N random landscapes \
      (quadratics and sums of positive even monomials) from a root seed (printed), and \
      shrinks every failure to a minimal spec you can rerun. Exit status 1 on a failure.
      """
  )

  @Argument(help: "A fixture .json, zoo id or spec (default: the whole corpus).")
  var landscape: String?

  @Option(help: "False-failure budget P of the whole run.")
  var budget: Double = 1e-3

  @Flag(help: "Smaller samples (seconds instead of tens of seconds).")
  var quick = false

  @Option(help: "Check N freshly generated landscapes instead of the corpus.")
  var explore: Int?

  @Option(help: "Root seed of --explore (drawn and printed when omitted).")
  var seed: UInt64?

  static let defaultFixtures = "fixtures/landscapes"

  @Option(help: "Fixture directory of the corpus (the zoo when the default is absent).")
  var fixtures: String = VerifyCommand.defaultFixtures

  func validate() throws {
    var isDirectory: ObjCBool = false
    if fixtures != Self.defaultFixtures,
      !(FileManager.default.fileExists(atPath: fixtures, isDirectory: &isDirectory) && isDirectory.boolValue)
    {
      throw UsageError("--fixtures: \(fixtures) is not an existing directory")
    }
  }

  @Flag(help: "Print one JSON object instead of the table.")
  var json = false

  func run() async throws {
    var options = VerificationSuite.Options(budget: budget, quick: quick)
    try options.validate()
    options.quick = quick
    let status = StatusLine.make()
    if let n = explore {
      guard n >= 1 else { throw UsageError("--explore: N = \(n) must be at least 1") }
      let root = seed ?? UInt64.random(in: 0...UInt64.max)
      let results = try await PropertyExploration.explore(count: n, root: root, budget: budget, options: options, progress: status)
      StatusLine.clear()
      let failed = results.filter { !$0.passed }
      if json {
        print(try Self.encode(ExploreReport(root: root, budget: budget, cases: results)))
      } else {
        var lines = ["explore: \(n) generated landscapes, root seed \(root), false-failure budget \(budget)"]
        for r in results {
          lines.append("seed \(r.seed)  \(r.passed ? "pass" : "FAIL")  \(r.spec)")
          if !r.passed {
            lines.append("  failed: \(r.failedProperties.joined(separator: ", "))")
            lines.append("  minimal failing case after \(r.shrinkSteps) shrink steps: hessian-lab verify '\(r.minimalSpec ?? r.spec)'")
          }
        }
        lines.append("\(n - failed.count) passed, \(failed.count) failed")
        print(lines.joined(separator: "\n"))
      }
      if let f = failed.first {
        throw VerificationFailure("\(failed.count) of \(n) generated landscapes failed; minimal: \(f.minimalSpec ?? f.spec)")
      }
      return
    }
    let cases = try landscape.map { [try VerificationCase.resolve($0)] } ?? VerificationCase.corpus(directory: fixtures)
    let report = try await VerificationSuite.run(cases, options: options, progress: status)
    StatusLine.clear()
    if json {
      print(try Self.encode(report))
    } else {
      print((report.tableLines + [report.summary]).joined(separator: "\n"))
    }
    if !report.passed {
      let first = report.rows.first { $0.result == .fail }
      throw VerificationFailure(
        "\(report.failures) propert\(report.failures == 1 ? "y" : "ies") failed (first: \(first?.property ?? "?") on \(first?.landscape ?? "?"))")
    }
  }

  /// The `--json` text, with `schemaVersion` (`docs/schema/verify.schema.json`).
  static func encode(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    return String(decoding: try encoder.encode(Versioned(base: value)), as: UTF8.self)
  }
}

/// `verify --explore --json`.
struct ExploreReport: Codable {
  var root: UInt64
  var budget: Double
  var cases: [PropertyExploration.CaseResult]
}
