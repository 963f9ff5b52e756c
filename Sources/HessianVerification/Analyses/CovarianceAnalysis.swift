/// The covariance workflow of `hessian-lab covariance` as one call: sample, estimate,
/// read the rank off the estimate, compare with the Hessian where that is asked for
/// and possible, run the σ-scaling diagnostic, and collect the warnings.
///
/// The sampling, the estimate and the read-out need only losses (Shir & Yehudayoff,
/// TCS 801, 2020; docs/theory.md §4). The comparison with H
/// (``CovarianceHessianComparison``) is a separate verification step, governed by
/// ``Options/hessianComparison``: with ``HessianComparisonPolicy/knownHessian`` a
/// landscape without a closed-form Hessian costs no dense H and no eigendecomposition
/// of one.
///
/// Cost: ⌈n/k⌉·λ + 1 loss evaluations for the run, plus 3·(⌈n_diag/k⌉·λ + 1) for the
/// σ-scaling diagnostic (n_diag = ``Options/diagnosticKeptResolved``, 0 skips it);
/// one d×d eigendecomposition of Ĉ; the comparison's cost when it is made.
public enum CovarianceAnalysis {
  /// Runs the analysis on `landscape`.
  ///
  /// - Parameters:
  ///   - landscape: the loss; its ``Landscape/minimum`` is w*.
  ///   - options: λ, n, σ, the scheme and the rest (``Options``).
  ///   - progress: called with (rounds done, rounds total) during the main sampling run.
  /// - Returns: the report; its warnings come in this order: the read-out's, the off-centre
  ///   and mean-centred ones, the comparison's, the honesty warnings
  ///   (``selectionHonestyWarnings(isKnownQuadratic:readoutRank:knownRank:diagnostic:)``).
  /// - Throws: ``InputError`` naming `.population` (the λ×d candidate matrix exceeds
  ///   ``MemoryBudget``), `.population`/`.sigma`/`.mu`/`.rankOf`/`.centerOffset` (from
  ///   ``SelectionSampler``), `.kept` (n ≤ d) or `.workers`; linear-algebra errors from the
  ///   eigendecomposition of Ĉ.
  public static func run(
    _ landscape: some Landscape, options: Options, progress: ((Int, Int) -> Void)? = nil
  ) async throws -> CovarianceReport {
    try await core(
      landscape, name: landscape.name, options: options, isKnownQuadratic: landscape is QuadraticLandscape,
      knownRank: landscape.knownAnswers.rank.value, progress: progress
    ) { c, sampler in
      try CovarianceHessianComparison.hessian(of: landscape, policy: options.hessianComparison).map {
        CovarianceHessianComparison.compare(covariance: c, hessian: $0, sampler: sampler, precision: landscape.precision)
      }
    }
  }

  /// The workflow on the loss `oracle` (centred at w*), named `name`; `compare` makes the
  /// comparison with H (nil: none) from Ĉ and the sampler.
  static func core(
    _ oracle: some LossOracle, name: String, options: Options, isKnownQuadratic: Bool, knownRank: Int?,
    progress: ((Int, Int) -> Void)?,
    compare: (Matrix, SelectionSampler) throws -> CovarianceHessianComparison?
  ) async throws -> CovarianceReport {
    let landscape = options.loss.oracle(oracle, seed: LossErrorModel.noiseSeed(forRun: options.seed))
    let clock = ContinuousClock()
    let start = clock.now
    let d = landscape.dimension
    let sampler = try makeSampler(options, dimension: d)
    guard options.kept > d else {
      throw InputError.parameter(
        .kept, value: "\(options.kept)",
        problem: "a rank read-out needs more kept points than dimensions (n = \(options.kept), d = \(d)); "
          + "try \(setting: .kept, 4 * d) or \(.plan)")
    }
    guard options.workers >= 1 else { throw InputError.parameter(.workers, value: "\(options.workers)", problem: "\(options.workers) must be at least 1") }
    if options.diagnosticKeptResolved > 0 {  // its counts must fit before the main run starts
      _ = try sampler.checkedRounds(forKept: options.diagnosticKeptResolved, dimension: d, naming: .diagnosticKept)
    }
    try sampler.checkBudgets(kept: options.kept, dimension: d, workers: options.workers, name: name)
    let sample = try await sampler.sample(
      landscape, kept: options.kept, seed: options.seed, workers: options.workers, progress: progress)
    let kind = options.estimate.resolved(isCentred: sampler.isCentred)
    let c = sample.moments.estimate(kind)
    // A non-finite moment comes from the sampling scale (σ², or an offset, overflowing):
    // say so, naming σ, instead of an eigensolver's "NaN or infinite entry".
    guard c.elements.allSatisfy(\.isFinite) else {
      throw InputError.parameter(
        .sigma, value: "\(options.sigma)",
        problem: "σ = \(options.sigma) makes the sampled covariance overflow (an entry is infinite or NaN); use a σ on the scale of the landscape")
    }
    let readout = try CovarianceRankReadout.read(
      eigenvalues: try SymmetricEigen.values(of: c), kept: options.kept, sigma: options.sigma)
    var warnings = readout.diagnostics.map(\.typed)
    if !sampler.isCentred {
      warnings.append(
        Warning(
          .samplingOffCentre,
          "the sampling centre is off the minimum: the null block is σ²I only when centred, so the read-out rule does not apply"))
    }
    if kind == .meanCentred {
      warnings.append(
        Warning(
          .meanCentredDegreesOfFreedom,
          "the read-out threshold assumes n degrees of freedom; the mean-centred estimate has n − 1"))
    }
    let comparison = try compare(c, sampler)
    warnings += comparison?.warnings ?? []
    let nDiag = options.diagnosticKeptResolved
    let diagnostic: SigmaScalingDiagnostic? =
      nDiag > 0
      ? try await SigmaScalingDiagnostic.run(
        landscape, sampler: sampler, kept: nDiag, seed: options.seed, workers: options.workers)
      : nil
    warnings += selectionHonestyWarnings(
      isKnownQuadratic: isKnownQuadratic, readoutRank: readout.rank, knownRank: knownRank, diagnostic: diagnostic)
    var report = CovarianceReport(
      landscape: name, dimension: d, selection: sampler.scheme, population: sampler.population,
      kept: options.kept, sigma: sampler.sigma, estimate: kind, covariance: c, readout: readout,
      lossEvaluations: sample.lossEvaluations + (diagnostic?.lossEvaluations ?? 0),
      samplingLossEvaluations: sample.lossEvaluations, comparison: comparison,
      knownRank: knownRank, sigmaScaling: diagnostic, warnings: warnings,
      seed: options.seed, seconds: seconds(since: start, clock))
    report.lossModel = options.loss.isExact ? nil : options.loss
    return report
  }

  /// Plans a read-out: a pilot run with ``Options/kept`` points (and up to two more stages),
  /// then the n an exact read-out needs (``ReadoutPlan``). Needs only losses.
  ///
  /// - Throws: ``InputError`` as ``run(_:options:progress:)`` for the sampler, and naming
  ///   `.kept` when the pilot has n₀ ≤ d.
  public static func plan(_ landscape: some Landscape, options: Options) async throws -> CovariancePlanReport {
    try await planCore(landscape, name: landscape.name, options: options)
  }

  /// The plan on the loss `landscape` (centred at w*), named `name`.
  static func planCore(_ landscape: some LossOracle, name: String, options: Options) async throws -> CovariancePlanReport {
    let clock = ContinuousClock()
    let start = clock.now
    let sampler = try makeSampler(options, dimension: landscape.dimension)
    guard options.workers >= 1 else { throw InputError.parameter(.workers, value: "\(options.workers)", problem: "\(options.workers) must be at least 1") }
    if options.kept > landscape.dimension {
      try sampler.checkBudgets(kept: options.kept, dimension: landscape.dimension, workers: options.workers, name: name)
    }
    let plan = try await ReadoutPlan.plan(
      landscape, sampler: sampler, pilotKept: options.kept, seed: options.seed, workers: options.workers)
    return CovariancePlanReport(
      landscape: name, dimension: landscape.dimension, sampler: sampler, plan: plan,
      seed: options.seed, seconds: seconds(since: start, clock))
  }

  /// The sampler of `options`, after checking that one round's λ×d candidate matrix fits
  /// the ``MemoryBudget``.
  static func makeSampler(_ options: Options, dimension d: Int) throws(InputError) -> SelectionSampler {
    try MemoryBudget.check(
      MemoryBudget.product(options.population, d, MemoryLayout<Double>.size),
      for: "the λ×d candidate matrix of one round (λ = \(options.population), d = \(d))",
      parameter: .population, value: "\(options.population)")
    return try SelectionSampler(
      population: options.population, sigma: options.sigma, scheme: options.scheme, centerOffset: options.centerOffset)
  }

  /// Seconds elapsed on `clock` since `start`.
  static func seconds(since start: ContinuousClock.Instant, _ clock: ContinuousClock) -> Double {
    let e = start.duration(to: clock.now).components
    return Double(e.seconds) + Double(e.attoseconds) * 1e-18
  }
}
