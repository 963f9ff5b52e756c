import ArgumentParser
import HessianLab

/// `hessian-lab check LANDSCAPE --quantity Q --value X [--standard-error S]`: an external
/// estimate judged against the landscape's known value (``CheckAnalysis``). Exit status 0 on a
/// pass (or when no verdict is possible), 1 on a fail, 2 on bad input.
struct CheckCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Judge your estimator's estimate (llc, rank, top eigenvalues, covariance scale) against a landscape's known value.",
    discussion: CommandExamples.discussion(
      """
      Prints the known value with its provenance, the error and relative error, and with \
      --standard-error the z-score, its two-sided p-value and a pass/fail at false-failure \
      probability --alpha (the probability that a correct estimate with an honest SE fails), \
      with whether the SE is plausible. Without an SE only what is exact is judged: a rank by \
      exact match, λ known only by its rank bounds by containment, eigenvalues within a \
      precision-based --tolerance. covariance-scale (c in C ≈ c·H⁻¹) needs --population and \
      --sigma. Exit status 1 when the estimate fails. Example: hessian-lab check dln:4-3-5:rank=2 \
      --quantity llc --value 6.1 --standard-error 0.2
      """, for: "check"))

  @Argument(help: "A zoo id, a fixture .json, a .npy Hessian, poly:EXPR, dln:W0-W1-…:rank=R, quad:… or sum:A|B (not oracle:).", completion: .landscape)
  var landscape: String

  @Option(help: "The quantity estimated (covariance-scale: c in C ≈ c·H⁻¹).")
  var quantity: EstimatedQuantity

  @Option(help: "The estimate; for top-eigenvalues a comma-separated list (5.1,3.0,2.2), compared with the k largest.")
  var value: String

  @Option(name: .customLong("standard-error"), help: "The estimate's standard error (for top-eigenvalues one for all, or one per value).")
  var standardError: String?

  @Option(help: "False-failure probability α of the check (split over the values of a list).")
  var alpha: Double = CheckOptions.defaultFalseFailureProbability

  @Option(help: "Relative tolerance τ of eigenvalues given without a standard error (default √ε of the landscape's precision).")
  var tolerance: Double?

  @Option(help: "covariance-scale: the selection population λ (best of λ per kept point).")
  var population: Int?

  @Option(help: "covariance-scale: the sampling σ.")
  var sigma: Double?

  @Flag(name: .long, help: "Print one JSON object.")
  var json = false

  @OptionGroup var quietOption: QuietOption

  @OptionGroup var ceilings: BudgetOptions

  func validate() throws {
    if quantity != .covarianceScale, population != nil || sigma != nil {
      throw UsageError("--\(population != nil ? "population" : "sigma"): only --quantity covariance-scale takes a selection")
    }
    if quantity == .covarianceScale, population == nil || sigma == nil {
      throw UsageError("--\(population == nil ? "population" : "sigma"): --quantity covariance-scale needs --population and --sigma (the selection the estimate was made with)")
    }
    if quantity != .topEigenvalues, tolerance != nil {
      throw UsageError("--tolerance: only --quantity top-eigenvalues takes a tolerance")
    }
  }

  @OptionGroup var symmetrizeOption: SymmetrizeOption

  func run() async throws {
    try await symmetrizeOption.run(json: json) { try await ceilings.run { try await runWithinBudget() } }
  }

  /// The command's work, run with the ceilings of `--allow-long`.
  func runWithinBudget() async throws {
    let selection = population.flatMap { p in sigma.map { CovarianceSelection(population: p, sigma: $0) } }
    let options = CheckOptions(falseFailureProbability: alpha, relativeTolerance: tolerance, selection: selection)
    let report = try CheckAnalysis.run(landscape, quantity: quantity, value: value, standardError: standardError, options: options)
    print(json ? try JSONOutput.string(Versioned(base: report, normals: .reported(.current))) : report.text)
    if let failure = report.failure { throw failure }
  }
}
