import Foundation

/// The adaptive covariance workflow of `hessian-lab covariance --route cma` as one call: run
/// CMA-ES (``CMAESEstimator``) from w* (plus an offset) for a budget of loss evaluations, read the
/// rank off the adapted C (``CMAESRankReadout``), and, where H is available, measure C (the final
/// one, the averaged shape and every snapshot of the trajectory) against H with the same metric
/// code as the (1,λ) route (``CovarianceHessianRelation``).
///
/// Cost: the run's ⌊E/λ⌋·λ loss evaluations and the drift check's 4d + 2 (``CMAESDriftCheck``);
/// the read-out's two d×d eigendecompositions; with a
/// Hessian, one ``CovarianceHessianRelation/measure(covariance:hessian:sigma:rangeTolerance:)`` per
/// snapshot (S + 2 in all, each two d×d eigendecompositions).
public enum CMAAnalysis {
  /// The settings of one adaptive covariance analysis.
  public struct Options: Sendable, Equatable {
    /// The loss-evaluation budget E (at least 2λ).
    public var evaluations: Int
    /// λ (nil: the default 4 + ⌊3 ln d⌋).
    public var population: Int?
    /// The initial step size σ₀.
    public var sigma: Double
    /// The starting mean's offset from w* (nil: start at w*).
    public var startOffset: [Double]?
    /// Snapshots of C along the run (the trajectory), 1…64.
    public var snapshots: Int
    /// When C is compared with the Hessian.
    public var hessianComparison: HessianComparisonPolicy
    /// The root seed.
    public var seed: UInt64

    /// Options with the command line's defaults for everything but the budget and the seed.
    public init(
      evaluations: Int, population: Int? = nil, sigma: Double = 1, startOffset: [Double]? = nil, snapshots: Int = 16,
      hessianComparison: HessianComparisonPolicy = .knownHessian, seed: UInt64
    ) {
      self.evaluations = evaluations
      self.population = population
      self.sigma = sigma
      self.startOffset = startOffset
      self.snapshots = snapshots
      self.hessianComparison = hessianComparison
      self.seed = seed
    }
  }

  /// Runs the analysis on `landscape` (its ``Landscape/minimum`` is w*).
  ///
  /// - Throws: ``InputError`` naming `.population`, `.sigma`, `.centerOffset` or `.evaluations`,
  ///   or the landscape (memory); errors of the eigensolver.
  public static func run(
    _ landscape: some Landscape, options: Options, progress: ((Int, Int) -> Void)? = nil
  ) async throws -> CMAReport {
    try core(
      landscape, name: landscape.name, options: options, knownRank: landscape.knownAnswers.rank.value,
      precision: landscape.precision, progress: progress
    ) { try CovarianceHessianComparison.hessian(of: landscape, policy: options.hessianComparison) }
  }

  /// The workflow on the loss `oracle` (centred at w*); `hessian` gives H for the comparison (nil: none).
  static func core(
    _ oracle: some LossOracle, name: String, options: Options, knownRank: Int?, precision: Precision,
    progress: ((Int, Int) -> Void)?, hessian: () throws -> Matrix?
  ) throws -> CMAReport {
    let clock = ContinuousClock()
    let start = clock.now
    let d = oracle.dimension
    let estimator = try CMAESEstimator(
      dimension: d, population: options.population, sigma: options.sigma, startOffset: options.startOffset,
      snapshots: options.snapshots)
    try estimator.checkBudgets(evaluations: options.evaluations, name: name)
    let run = try estimator.run(oracle, evaluations: options.evaluations, seed: options.seed, progress: progress)
    let readout = try CMAESRankReadout.read(run)
    let drift = try CMAESDriftCheck.check(run, oracle: oracle, initialSigma: options.sigma)
    var warnings = readout.warnings + (drift.warning.map { [$0] } ?? [])
    if run.stop == .noSelectionSignal || run.stop == .numericalBreakdown {
      warnings.append(
        Warning(
          .adaptationStopped,
          "CMA-ES stopped after \(run.generations) generations (\(run.lossEvaluations) of \(options.evaluations) loss evaluations): "
            + (run.stop == .noSelectionSignal
              ? "every candidate of a generation had the same loss (the loss is flat at σ = \(String(format: "%.3g", run.sigma)), or σ is below its resolution)"
              : "C or σ broke down numerically")))
    }
    var final: CovarianceHessianRelation?, averaged: CovarianceHessianRelation?
    var trajectory: [CMAReport.TrajectoryPoint] = []
    if let h = try hessian() {
      let tol = CovarianceHessianRelation.rangeTolerance(dimension: d, precision: precision)
      let measure = { (c: Matrix) in try? CovarianceHessianRelation.measure(covariance: c, hessian: h, sigma: 1, rangeTolerance: tol) }
      final = measure(run.covariance)
      averaged = run.averagedShape.flatMap(measure)
      trajectory = run.snapshots.map { s in
        CMAReport.TrajectoryPoint(
          generation: s.generation, lossEvaluations: s.lossEvaluations, sigma: s.sigma, relation: measure(s.covariance))
      }
      if final == nil {
        warnings.append(
          Warning(.noHessianRange, "the Hessian at the minimum has no positive eigenvalue: no covariance–Hessian relation to measure"))
      }
    } else {
      trajectory = run.snapshots.map {
        CMAReport.TrajectoryPoint(generation: $0.generation, lossEvaluations: $0.lossEvaluations, sigma: $0.sigma, relation: nil)
      }
    }
    let e = start.duration(to: clock.now).components
    return CMAReport(
      landscape: name, dimension: d, parameters: run.parameters, initialSigma: options.sigma,
      startOffset: options.startOffset, evaluationBudget: options.evaluations, run: run,
      meanDisplacement: drift.displacement, drift: drift, readout: readout,
      knownRank: knownRank, relation: final, averagedRelation: averaged, trajectory: trajectory, warnings: warnings,
      seed: options.seed, seconds: Double(e.seconds) + Double(e.attoseconds) * 1e-18)
  }
}
