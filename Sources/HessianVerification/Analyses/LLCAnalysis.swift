/// The whole `llc` question for one landscape, in one call: the Hessian rank and
/// the bounds r/2 ≤ λ ≤ r/2 + (d − r)/4 (``LearningCoefficientBounds``), the exact
/// λ where the landscape knows it (``ExactLearningCoefficient``), and the
/// volume-scaling and SGLD estimates (``VolumeScalingEstimator``, ``SGLDEstimator``),
/// with every caveat as a typed ``Warning``.
///
/// Cost: the rank method's HVPs (none with a stated rank), plus each chosen
/// estimator's own loss, gradient and HVP evaluations, all reported in the result.
///
/// Randomness: one ``SeededGenerator`` from ``Options/seed``, split into child
/// streams (rank 1000, volume 1, SGLD 2), so each part is reproducible on its own.
public enum LLCAnalysis {
  /// What to compute and how; the defaults are those of `hessian-lab llc`.
  public struct Options: Sendable {
    /// Which estimators run besides the bounds and the exact value.
    public var method: LLCMethod = .all
    /// The root seed of every random draw.
    public var seed: UInt64
    /// How the Hessian rank is computed when ``rank`` is nil.
    public var rankMethod: RankMethodChoice = .auto
    /// A rank to use for the bounds instead of computing one (0 ≤ r ≤ d).
    public var rank: Int?
    /// Where ``rank`` came from (``RankSource/covarianceReadout`` warns that the lower bound may break).
    public var rankSource: RankSource = .stated
    /// The multiplicity in the volume estimator's correction.
    public var multiplicity: VolumeMultiplicity = .known
    /// The volume estimator's fit window, particles, runs and moves.
    public var volume = VolumeScalingEstimator.Configuration()
    /// The SGLD estimator's n, γ, step size, chains, steps and burn-in.
    public var sgld = SGLDEstimator.Configuration()
    /// How the rank's Hessian-vector products are computed (``HVPErrorModel``; default exact).
    /// Only the rank (and so the bounds) follows it; the estimators' own products stay exact.
    public var hvp: HVPErrorModel = .exact

    /// The options with root seed `seed` and every other setting at its default.
    public init(seed: UInt64) { self.seed = seed }
  }

  /// Runs the analysis on `landscape`; `progress(done, total)` is called after
  /// each of the three stages (rank, volume, SGLD).
  ///
  /// - Throws: ``LLCAnalysisError/rankFailed(method:underlying:)`` when the rank
  ///   method fails; ``InputError`` for a stated rank outside 0…d (naming `.rank`)
  ///   or an invalid estimator configuration.
  public static func run(
    _ landscape: some Landscape, options: Options, progress: ((Int, Int) -> Void)? = nil
  ) throws -> LLCReport {
    let d = landscape.dimension
    // Every estimator's budget is checked before any work (the rank included) is done.
    if options.method.runs(.volume) { try options.volume.checkBudgets(dimension: d) }
    if options.method.runs(.sgld) { try options.sgld.checkBudgets(dimension: d) }
    let rng = SeededGenerator(seed: options.seed)
    // A trained reference point that is not a minimum (trainingNotConverged) is said first.
    var warnings: [Warning] = landscape.referencePointWarnings
    var hvpModel: HVPErrorSummary? = nil
    let bounds: LearningCoefficientBounds
    if let r = options.rank {
      guard r >= 0, r <= d else { throw InputError.parameter(.rank, value: "\(r)", problem: "\(r) is not between 0 and d = \(d)") }
      bounds = LearningCoefficientBounds(rank: r, dimension: d, source: options.rankSource)
    } else {
      let method = options.rankMethod.resolved(for: landscape)
      try RankWork.check(method: method, dimension: d, steps: nil, probes: 100, name: landscape.name)
      var rankRng = rng.child(1000)
      let result: RankResult
      do {
        let op = try HessianOperator(landscape: landscape, model: options.hvp)
        result = try RankComputation.rank(of: op, method: method, using: &rankRng)
        hvpModel = HVPErrorSummary(of: op.source)
      } catch let error as InputError {
        throw error
      } catch {
        throw LLCAnalysisError.rankFailed(method: method, underlying: error)
      }
      bounds = LearningCoefficientBounds(rank: result.rank, dimension: d, source: .hessian)
      warnings += result.warnings.map { Warning($0.code, "rank: \($0.message)") }
      if let known = landscape.knownAnswers.rank.value, known != result.rank {
        warnings.append(Warning(.rankDiffersFromKnown, "the computed rank \(result.rank) differs from the known rank \(known)"))
      }
    }
    warnings += bounds.warnings
    progress?(1, 3)

    let exact = ExactLearningCoefficient(of: landscape)
    if let v = exact.value, !bounds.contains(v) {
      warnings.append(
        Warning(
          .exactOutsideBounds,
          "the exact λ = \(v) lies outside the bounds [\(bounds.lower), \(bounds.upper)]: the rank is not the true Hessian rank"))
    }

    var volume: VolumeScalingEstimate? = nil
    if options.method.runs(.volume) {
      let m: Int
      switch options.multiplicity {
      case .known:
        m = exact.multiplicity ?? 1
        if exact.multiplicity == nil {
          warnings.append(Warning(.multiplicityUnknown, "volume: multiplicity unknown, m = 1 used (biased down if m > 1)"))
        }
      case let .fixed(value):
        m = value
      }
      var child = rng.child(1)
      volume = try VolumeScalingEstimator.estimate(on: landscape, multiplicity: m, configuration: options.volume, using: &child)
    }
    progress?(2, 3)

    var sgld: SGLDEstimate? = nil
    if options.method.runs(.sgld) {
      var child = rng.child(2)
      sgld = try SGLDEstimator.estimate(on: landscape, configuration: options.sgld, using: &child)
    }
    progress?(3, 3)
    warnings += volume?.warnings.map { Warning($0.code, "volume: \($0.message)") } ?? []
    warnings += sgld?.warnings.map { Warning($0.code, "sgld: \($0.message)") } ?? []
    var report = LLCReport(
      landscape: landscape.name, bounds: bounds, exact: exact, exactScope: landscape.knownAnswers.scope,
      volume: volume, sgld: sgld, seed: options.seed, warnings: warnings)
    report.hvpModel = hvpModel
    return report
  }
}

/// Why ``LLCAnalysis/run(_:options:progress:)`` failed, beyond bad options.
public enum LLCAnalysisError: Error, CustomStringConvertible {
  /// The Hessian rank by `method` threw `underlying`.
  case rankFailed(method: RankMethod, underlying: any Error)

  /// "the Hessian rank (METHOD) failed: UNDERLYING".
  public var description: String {
    switch self {
    case let .rankFailed(method, underlying): "the Hessian rank (\(method.rawValue)) failed: \(underlying)"
    }
  }
}
