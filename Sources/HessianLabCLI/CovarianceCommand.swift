import ArgumentParser
import Foundation
import HessianLab

/// `hessian-lab covariance`: the covariance of selected Gaussian samples, its
/// relation to the Hessian, and the degenerate rank read-out.
struct CovarianceCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "covariance",
    abstract: "Rank and inverse-Hessian shape from the covariance of (1,λ)-selected samples.",
    discussion: CommandExamples.discussion(
      """
      Draws λ candidates from N(m, σ²I) per round (m = the landscape's minimum, \
      plus --center-offset), keeps the best (or the μ best, or the ℓ-th best) and \
      accumulates the covariance of n kept points. The rank read-out counts \
      eigenvalues below the Marchenko–Pastur edge σ²(1 − √(d/n))² (needs n > d). \
      --plan treats --kept as a pilot size and recommends n for an exact read-out. \
      Shir & Yehudayoff, TCS 801 (2020); docs/theory.md §4. \
      --route cma adapts the covariance with CMA-ES instead (--evaluations E loss \
      evaluations, λ default 4 + ⌊3 ln d⌋, σ₀ = --sigma, started at the minimum plus \
      --center-offset) and reads the rank off the gap between C's curved and flat \
      blocks (docs/theory.md, "The adaptive route").
      """, for: "covariance")
  )

  @Argument(help: "The landscape (zoo id, fixture .json, .npy Hessian, poly:EXPR, dln:...), or oracle:COMMAND (needs loss; the comparison with H also hvp).", completion: .landscape)
  var landscape: String

  @Option(help: "Population λ: candidates per round (≥ 2; with --route cma ≥ 4, default 4 + ⌊3 ln d⌋).")
  var population: Int?

  @Option(help: "Kept points n (with --plan: the pilot size); required by the selection route.")
  var kept: Int?

  @Option(help: "Sampling route: selection ((1,λ) from N(m, σ²I)) or cma (covariance adapted by CMA-ES).")
  var route: CovarianceRoute = .selection

  @Option(help: "With --route cma: the loss-evaluation budget E (at least 2λ).")
  var evaluations: Int?

  @Option(help: "Sampling standard deviation σ.")
  var sigma: Double = 1

  @Option(help: "(μ,λ) truncation: keep the μ best of each round, equal weights.")
  var mu: Int?

  @Option(name: .customLong("rank-of"), help: "Keep only the ℓ-th best candidate of each round.")
  var rankOf: Int?

  @Option(
    name: .customLong("center-offset"), parsing: .unconditional,
    help: "Offset of the sampling centre from the minimum: d comma-separated numbers.")
  var centerOffset: String?

  @Option(help: "Which covariance: auto (second moment when centred, else mean-centred), second-moment, mean-centred.")
  var estimate: CovarianceEstimateChoice = .auto

  @Option(help: "Concurrent workers (the result does not depend on it).")
  var workers: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)

  @Option(help: "Root seed (drawn and printed when omitted).")
  var seed: UInt64?

  @Option(help: LossErrorModel.help, transform: LossErrorModel.parse)
  var loss: LossErrorModel = .exact

  @Option(name: .customLong("diagnostic-kept"), help: "Kept points per σ for the σ-scaling diagnostic (0: skip; default min(n, 500)).")
  var diagnosticKept: Int?

  @Option(help: "Write the covariance estimate to this .npy file.")
  var save: String?

  @Flag(help: "Print one JSON object instead of the human report.")
  var json = false

  @Flag(help: "Pilot run with --kept points; recommend n and loss evaluations for an exact read-out.")
  var plan = false

  /// Checks every numeric option before the landscape is resolved or any sample drawn.
  func validate() throws {
    if route == .cma { return try validateAdaptive() }
    guard evaluations == nil else { throw UsageError("--evaluations: only with --route cma (the selection route counts --kept points)") }
    guard let population else { throw UsageError("--population: required by the selection route (candidates per round λ)") }
    guard let kept else { throw UsageError("--kept: required by the selection route (kept points n)") }
    guard population >= 2 else {
      throw UsageError("--population: λ = \(population) must be at least 2 (λ = 1 selects nothing)")
    }
    guard kept >= 1 else { throw UsageError("--kept: n = \(kept) must be a positive number of kept points") }
    guard sigma.isFinite, sigma > 0 else { throw UsageError("--sigma: σ = \(sigma) must be positive and finite") }
    guard workers >= 1 else { throw UsageError("--workers: \(workers) must be at least 1") }
    if let n = diagnosticKept, n < 0 {
      throw UsageError("--diagnostic-kept: \(n) must be 0 (skip) or a positive number of kept points")
    }
    _ = try selectionScheme()
    if let path = save { try OutputFile.check(path, option: "--save", suffix: ".npy") }
  }

  @OptionGroup var quietOption: QuietOption

  @OptionGroup var ceilings: BudgetOptions

  @OptionGroup var oracleOptions: OracleOptions

  @OptionGroup var symmetrizeOption: SymmetrizeOption

  func run() async throws {
    try await symmetrizeOption.run(json: json) { try await ceilings.run { try await runWithinBudget() } }
  }

  /// The command's work, run with the ceilings of `--allow-long`.
  func runWithinBudget() async throws {
    let subject = try SubjectSpec.resolve(landscape, oracle: try oracleOptions.settings(for: [landscape]))
    try await subject.whileOpen { try await work(on: $0) }
  }

  /// The analysis (or plan) of `land`, printed and saved.
  func work(on land: AnalysisSubject) async throws {
    if route == .cma { return try await adaptive(on: land) }
    var options = CovarianceAnalysis.Options(
      population: population ?? 2, kept: kept ?? 1, sigma: sigma, scheme: try selectionScheme(),
      centerOffset: try parseOffset(dimension: land.dimension), estimate: estimate, diagnosticKept: diagnosticKept,
      hessianComparison: .knownOrExactProducts, seed: seed ?? DrawnSeed.draw(), workers: workers)
    options.loss = loss
    if plan {
      let report = try await CovarianceAnalysis.plan(land, options: options)
      print(json ? try CovarianceJSON.encode(report) : report.humanText())
      return
    }
    let bar = ProgressBar(label: "covariance")
    let report = try await CovarianceAnalysis.run(land, options: options) { done, total in bar.update(done, total) }
    bar.finish()
    if let path = save { try NumpySave.write(NumpyArray(matrix: report.covariance), to: path) }
    print(json ? try CovarianceJSON.encode(report) : report.humanText())
  }

  func selectionScheme() throws -> SelectionScheme {
    switch (mu, rankOf) {
    case (nil, nil): return .best
    case let (m?, nil): return .truncation(mu: m)
    case let (nil, l?): return .rank(l)
    default: throw UsageError("--mu and --rank-of: choose one selection scheme, not both")
    }
  }
}
