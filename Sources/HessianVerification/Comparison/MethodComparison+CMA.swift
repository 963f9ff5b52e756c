import Foundation

extension MethodComparison {
  /// The adaptive (CMA-ES) route's budget ladder on a subject of dimension d whose rank is `truth`:
  /// loss-evaluation budgets E doubling from 2λd up to ``ComparisonConfiguration/cmaCapFactor``·λd,
  /// λ = 4 + ⌊3 ln d⌋ (the tutorial's default population, ``CMAESParameters/defaultPopulation(dimension:)``).
  /// Budgets above ``ComparisonConfiguration/maxLossEvaluationsPerRun`` or whose updates exceed the
  /// flops ceiling (``CMAESEstimator/work(evaluations:)``) are dropped, with a note.
  ///
  /// A full-rank subject (truth = d) gets no ladder: the read-out answers d only when it resolves
  /// no flat block, with ``WarningCode/flatBlockUnresolved``, and such a run counts as wrong, so no
  /// budget can reach the confidence (the method is reported as skipped, with that reason).
  ///
  /// - Throws: ``InputError`` from the estimator's settings (σ outside its range), or naming
  ///   `.cmaCapFactor` when the cap factor·λd overflows.
  static func cmaLadder(dimension d: Int, truth: Int, configuration cfg: ComparisonConfiguration) throws -> (ladder: [Int], note: String?) {
    guard truth < d else {
      return ([], "skipped: the adaptive read-out cannot confirm full rank (it reads d = \(d) only when no flat block is resolved, a warned run that counts as wrong)")
    }
    let estimator = try CMAESEstimator(dimension: d, sigma: cfg.sigma, snapshots: cmaSnapshots)
    let lambdaD = estimator.parameters.population.saturatingMultiplied(by: d)
    let full = BudgetSearch.doubling(from: 2.saturatingMultiplied(by: lambdaD), cap: try cmaCap(lambdaD: lambdaD, configuration: cfg))
    let ladder = full.filter { e in
      e <= cfg.maxLossEvaluationsPerRun && (WorkBudget.allowLong || WorkBudget.fits(estimator.work(evaluations: e).flops, .flops))
    }
    guard ladder.count < full.count else { return (ladder, nil) }
    let why = "more than \(cfg.maxLossEvaluationsPerRun) loss evaluations per run, or CMA-ES updates above the flops ceiling"
    guard let top = ladder.last else { return ([], "skipped: even the first budget of \(full[0]) loss evaluations is too large (\(why))") }
    return (ladder, "loss-evaluation budgets above \(top) not tried (\(why))")
  }

  /// The snapshots of C one comparison run keeps (the read-out uses the last and the one nearest
  /// the middle): 16, as `covariance --route cma`.
  static let cmaSnapshots = 16

  /// One run of the adaptive route at a budget of `evaluations` loss evaluations: CMA-ES from w*
  /// with σ₀ = `sigma` (``CMAESEstimator``), its rank read-out (``CMAESRankReadout``) and drift
  /// check (``CMAESDriftCheck``, 4d + 2 more loss evaluations when the mean moved), all through
  /// `oracle`, so the comparison counts every evaluation.
  ///
  /// The run is *warned*, and counts as wrong whatever rank it reads, when the read-out resolves no
  /// flat block or its gap is not growing, when the mean drifted to where ∇²L differs, or when the
  /// run stopped early (no selection signal, numerical breakdown): the warnings of
  /// `covariance --route cma` (``CMAAnalysis``), so a warned answer is never scored as exact.
  ///
  /// - Throws: ``InputError`` from the estimator; errors of the oracle or the eigensolver.
  public static func cmaTrial(_ oracle: any LossOracle, evaluations: Int, seed: UInt64, sigma: Double) throws -> (rank: Int, warned: Bool) {
    let estimator = try CMAESEstimator(dimension: oracle.dimension, sigma: sigma, snapshots: cmaSnapshots)
    let run = try estimator.run(oracle, evaluations: evaluations, seed: seed)
    let readout = try CMAESRankReadout.read(run)
    let drift = try CMAESDriftCheck.check(run, oracle: oracle, initialSigma: sigma)
    let stoppedEarly = run.stop == .noSelectionSignal || run.stop == .numericalBreakdown
    let warned = !readout.resolved || !readout.warnings.isEmpty || drift.warning != nil || stoppedEarly
    return (readout.rank, warned)
  }

  /// The floating-point work of the adaptive route's first budget (2λd loss evaluations) at
  /// dimension d: the evaluations (``WorkBudget/evaluationFlops(_:dimension:)``) plus the CMA-ES
  /// updates and eigendecompositions (``CMAESEstimator/work(evaluations:)``); nil on overflow.
  static func cmaFirstLevelFlops(dimension d: Int, sigma: Double) -> Int? {
    guard let estimator = try? CMAESEstimator(dimension: d, sigma: sigma, snapshots: cmaSnapshots) else { return 0 }  // σ refused earlier
    let e = MemoryBudget.product(2, estimator.parameters.population, d)
    return e.flatMap { WorkBudget.sum(WorkBudget.evaluationFlops($0, dimension: d), estimator.work(evaluations: $0).flops) }
  }

  /// The largest budget of the ladder, factor·λd, checked.
  ///
  /// - Throws: ``InputError`` naming `.cmaCapFactor` when the product overflows.
  static func cmaCap(lambdaD: Int, configuration cfg: ComparisonConfiguration) throws(InputError) -> Int {
    try cfg.cmaCapFactor.multiplied(
      by: lambdaD, orThrow: .tooLarge(.cmaCapFactor, value: cfg.cmaCapFactor, "the CMA cap factor·λd = \(cfg.cmaCapFactor)·\(lambdaD)"))
  }

  /// Refuses, before any run, an adaptive route whose d×d state (C, its eigenbasis and the
  /// snapshots, ``CMAESEstimator/work(evaluations:)``) would not fit in the ``MemoryBudget``, whose
  /// σ₀ the estimator does not accept, or whose cap factor·λd overflows.
  ///
  /// - Throws: ``InputError`` naming the subject (memory), `.sigma` or `.cmaCapFactor`.
  static func checkCMA(name: String, dimension d: Int, configuration cfg: ComparisonConfiguration) throws(InputError) {
    try MemoryBudget.check(
      try cmaStateBytes(dimension: d, sigma: cfg.sigma), for: cmaStateText(d), spec: name,
      instead: "a comparison without the cma method (the adaptive route needs d² memory)")
    _ = try cmaCap(lambdaD: CMAESParameters.defaultPopulation(dimension: d).saturatingMultiplied(by: d), configuration: cfg)
  }

  /// The bytes of the adaptive route's state at dimension d (nil on overflow).
  ///
  /// - Throws: ``InputError`` naming `.sigma` when the estimator does not accept σ₀.
  static func cmaStateBytes(dimension d: Int, sigma: Double) throws(InputError) -> Int? {
    let estimator = try CMAESEstimator(dimension: d, sigma: sigma, snapshots: cmaSnapshots)
    return estimator.work(evaluations: 2 * estimator.parameters.population).bytes
  }

  /// What the adaptive route's memory is for, in a refusal.
  static func cmaStateText(_ d: Int) -> String {
    "the \(d)×\(d) CMA-ES covariance of the cma route, its eigenbasis and \(cmaSnapshots) snapshots"
  }
}
