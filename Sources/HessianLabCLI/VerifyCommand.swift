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
    discussion: CommandExamples.discussion(
      """
      Without a landscape: every fixture in fixtures/landscapes (the zoo when the \
      directory is absent). With a fixture .json, its 'known' block is what is verified \
      (a fixture wrong about its rank fails); with a zoo id or spec, its own known answers. \
      The false-failure budget P (--budget) is split evenly over the statistical checks; \
      deterministic checks state their tolerance. --explore N draws N random landscapes \
      (quadratics and sums of positive even monomials) from a root seed (printed), and \
      shrinks every failure to a minimal spec you can rerun. Exit status 1 on a failure.

      --external COMMAND --quantity llc|rank calibrates your own estimator instead: COMMAND \
      runs once per landscape and seed and prints {"value": …, "standardError": …}; λ is \
      judged on bias (t-test) and on the coverage of value ± 1.96·SE (Clopper–Pearson), a \
      rank on its exactness rate, with the overall false-failure probability P \
      (--false-failure) split over landscapes × tests. --seed is the master seed of the runs' \
      seeds. A run that fails or prints no usable answer stops it (exit status 2). The \
      contract: docs/external-estimators.md.
      """, for: "verify")
  )

  @Argument(help: "A fixture .json, zoo id or spec (default: the whole corpus).", completion: .landscape)
  var landscape: String?

  @Option(help: "False-failure budget P of the whole run.")
  var budget: Double = 1e-3

  @Flag(help: "Smaller samples per check (a much shorter run, with wider intervals).")
  var quick = false

  @Option(help: "Check N freshly generated landscapes instead of the corpus.")
  var explore: Int?

  @Option(help: "Root seed of --explore, or master seed of --external (drawn and printed when omitted).")
  var seed: UInt64?

  static let defaultFixtures = "fixtures/landscapes"

  @Option(help: "Fixture directory of the corpus (the zoo when the default is absent).")
  var fixtures: String = VerifyCommand.defaultFixtures

  func validate() throws {
    if fixtures != Self.defaultFixtures { try OutputFile.checkFolder(fixtures, option: "--fixtures") }
  }

  @Flag(help: "Print one JSON object instead of the table.")
  var json = false

  @OptionGroup var quietOption: QuietOption

  @OptionGroup var ceilings: BudgetOptions

  @OptionGroup var externalOptions: ExternalVerifyOptions

  func run() async throws { try await ceilings.run { try await runWithinBudget() } }

  /// The command's work, run with the ceilings of `--allow-long`.
  func runWithinBudget() async throws {
    if let command = externalOptions.external { return try await runExternal(command) }
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
    print(json ? try JSONOutput.string(Versioned(base: report, normals: .reported(.current))) : report.text)
    if let failure = report.failure { throw failure }
  }

  /// `--external`: the calibration of a user's estimator; the corpus options are refused.
  func runExternal(_ command: String) async throws {
    let conflicting = [
      landscape.map { "the landscape argument '\($0)'" }, explore.map { _ in "--explore" }, quick ? "--quick" : nil,
      budget != 1e-3 ? "--budget (use --false-failure)" : nil, fixtures != Self.defaultFixtures ? "--fixtures" : nil,
    ]
    if let what = conflicting.compactMap({ $0 }).first { throw UsageError("--external: cannot be combined with \(what)") }
    let options = try externalOptions.options(command: command, master: seed ?? UInt64.random(in: 0...UInt64(UInt32.max)))
    let report = try await VerifyAnalysis.run(
      .external(options), options: VerificationSuite.Options(), progress: StatusLine.make())
    StatusLine.clear()
    print(json ? try JSONOutput.string(Versioned(base: report, normals: .reported(.current))) : report.text)
    if let failure = report.failure { throw failure }
  }
}
