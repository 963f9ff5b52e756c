/// The result of an adaptive covariance analysis (``CMAAnalysis``): the CMA-ES run, its rank
/// read-out, and the relation of C to H (final C, averaged shape, trajectory) where H was available.
///
/// Its JSON form (``encode(to:)``, `docs/schema/covariance-cma.schema.json`) has every key present,
/// `null` for what was not computed; ``humanText()`` renders the same value for people.
public struct CMAReport: Sendable, Encodable {
  /// One point of the trajectory: the snapshot's position in the run and its relation to H.
  public struct TrajectoryPoint: Sendable, Equatable, Encodable {
    /// Generations completed.
    public let generation: Int
    /// Loss evaluations spent so far.
    public let lossEvaluations: Int
    /// The step size σ.
    public let sigma: Double
    /// C at this generation against H (nil without H).
    public let relation: CovarianceHessianRelation?

    private enum Keys: String, CodingKey { case generation, lossEvaluations, sigma, relativeError, spread, measureID, measureCE }

    /// `{generation, lossEvaluations, sigma, relativeError, spread, measureID, measureCE}`, metrics `null` without H.
    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: Keys.self)
      try c.encode(generation, forKey: .generation)
      try c.encode(lossEvaluations, forKey: .lossEvaluations)
      try c.encode(sigma, forKey: .sigma)
      try c.encode(relation?.relativeError, forKey: .relativeError)
      try c.encode(relation?.spread, forKey: .spread)
      try c.encode(relation?.measureID, forKey: .measureID)
      try c.encode(relation?.measureCE, forKey: .measureCE)
    }
  }

  /// The landscape's name.
  public var landscape: String
  /// The dimension d.
  public var dimension: Int
  /// The strategy parameters (λ, μ, μ_eff, learning rates).
  public var parameters: CMAESParameters
  /// σ₀.
  public var initialSigma: Double
  /// The starting mean's offset from w* (nil: w*).
  public var startOffset: [Double]?
  /// The loss-evaluation budget E.
  public var evaluationBudget: Int
  /// The run (C, σ, snapshots, counts, stop reason).
  public var run: CMAESRun
  /// ‖m − w*‖: how far the final mean has moved from w* (along flat directions, a random walk);
  /// the read-out describes the landscape around m, which differs from w*'s where the minimum set
  /// is curved (docs/theory.md, "The adaptive route").
  public var meanDisplacement: Double
  /// Whether the curvature along C's eigenvectors is the same at m as at w* (``CMAESDriftCheck``).
  public var drift: CMAESDriftCheck
  /// The rank read-out.
  public var readout: CMAESRankReadout
  /// rank ∇²L(w*) when the landscape knows it.
  public var knownRank: Int?
  /// The final C against H (nil without H or without a range).
  public var relation: CovarianceHessianRelation?
  /// The averaged shape against H (nil without H or without an averaged shape).
  public var averagedRelation: CovarianceHessianRelation?
  /// The snapshots' relations to H, in order.
  public var trajectory: [TrajectoryPoint]
  /// Every warning, in the order the steps raised them.
  public var warnings: [Warning]
  /// The root seed.
  public var seed: UInt64
  /// Wall-clock seconds.
  public var seconds: Double
  /// The oracle and its trust checks when the subject is one.
  public var oracle: OracleSummary? = nil
  /// On an oracle: the HVPs spent building H for the comparison, nil when none was built.
  public var comparisonHessianVectorProducts: Int? = nil

  private enum Keys: String, CodingKey {
    case landscape, dimension, route, population, parents, effectiveMass, sigma, startOffset, evaluationBudget
    case lossEvaluations, generations, stop, finalSigma, bestLoss, meanDisplacement, curvatureChange, driftCheckEvaluations
    case rank, resolved, separation, separationThreshold
    case logGap, logGapAtMidpoint, flatSpread, eigenvalues, knownRank, relativeError, spread, measureID, measureCE
    case averagedShapeTerms, averagedRelativeError, averagedSpread, averagedMeasureID, averagedMeasureCE
    case trajectory, warnings, seed, seconds, oracle, trustChecks, comparisonHessianVectorProducts
  }

  /// The JSON form: flat keys for the run, the read-out and the relation of the final C and of the
  /// averaged shape; `trajectory` an array of ``TrajectoryPoint``; warnings `{code, message}`.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Keys.self)
    try c.encode(landscape, forKey: .landscape)
    try c.encode(dimension, forKey: .dimension)
    try c.encode(CovarianceRoute.cma.rawValue, forKey: .route)
    try c.encode(parameters.population, forKey: .population)
    try c.encode(parameters.parents, forKey: .parents)
    try c.encode(parameters.effectiveMass, forKey: .effectiveMass)
    try c.encode(initialSigma, forKey: .sigma)
    try c.encode(startOffset, forKey: .startOffset)
    try c.encode(evaluationBudget, forKey: .evaluationBudget)
    try c.encode(run.lossEvaluations, forKey: .lossEvaluations)
    try c.encode(run.generations, forKey: .generations)
    try c.encode(run.stop.rawValue, forKey: .stop)
    try c.encode(run.sigma, forKey: .finalSigma)
    try c.encode(run.bestLoss, forKey: .bestLoss)
    try c.encode(meanDisplacement, forKey: .meanDisplacement)
    try c.encode(drift.curvatureChange, forKey: .curvatureChange)
    try c.encode(drift.lossEvaluations, forKey: .driftCheckEvaluations)
    try c.encode(readout.rank, forKey: .rank)
    try c.encode(readout.resolved, forKey: .resolved)
    try c.encode(readout.statistic, forKey: .separation)
    try c.encode(readout.threshold, forKey: .separationThreshold)
    try c.encode(readout.logGap, forKey: .logGap)
    try c.encode(readout.logGapAtMidpoint, forKey: .logGapAtMidpoint)
    try c.encode(readout.flatSpread, forKey: .flatSpread)
    try c.encode(readout.eigenvalues, forKey: .eigenvalues)
    try c.encode(knownRank, forKey: .knownRank)
    try c.encode(relation?.relativeError, forKey: .relativeError)
    try c.encode(relation?.spread, forKey: .spread)
    try c.encode(relation?.measureID, forKey: .measureID)
    try c.encode(relation?.measureCE, forKey: .measureCE)
    try c.encode(run.averagedShapeTerms, forKey: .averagedShapeTerms)
    try c.encode(averagedRelation?.relativeError, forKey: .averagedRelativeError)
    try c.encode(averagedRelation?.spread, forKey: .averagedSpread)
    try c.encode(averagedRelation?.measureID, forKey: .averagedMeasureID)
    try c.encode(averagedRelation?.measureCE, forKey: .averagedMeasureCE)
    try c.encode(trajectory, forKey: .trajectory)
    try c.encode(warnings, forKey: .warnings)
    try c.encode(seed, forKey: .seed)
    try c.encode(seconds, forKey: .seconds)
    if let oracle {
      try c.encode(oracle, forKey: .oracle)
      try c.encode(oracle.trust.checks, forKey: .trustChecks)
      try c.encode(comparisonHessianVectorProducts, forKey: .comparisonHessianVectorProducts)
    }
  }
}
