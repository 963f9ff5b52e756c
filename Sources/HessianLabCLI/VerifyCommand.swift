import ArgumentParser
import Foundation
import HessianLab

/// `hessian-lab verify`: the correctness properties over the fixture corpus,
/// a user's landscape, or freshly generated landscapes, with thresholds from a
/// false-failure budget (``VerifyAnalysis``). Exit status 1 when a property fails.
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

  @OptionGroup var ceilings: BudgetOptions

  func run() async throws { try await ceilings.run { try await runWithinBudget() } }

  /// The command's work, run with the ceilings of `--allow-long`.
  func runWithinBudget() async throws {
    let options = VerificationSuite.Options(budget: budget, quick: quick)
    try options.validate()
    let target: VerifyAnalysis.Target
    if let n = explore {
      guard n >= 1 else { throw UsageError("--explore: N = \(n) must be at least 1") }
      target = .explore(count: n, root: seed ?? DrawnSeed.draw())
    } else {
      target = landscape.map { .landscape($0) } ?? .corpus(directory: fixtures)
    }
    let report = try await VerifyAnalysis.run(target, options: options, progress: StatusLine.make())
    StatusLine.clear()
    print(json ? try JSONOutput.string(Versioned(base: report)) : report.text)
    if let failure = report.failure { throw failure }
  }
}
