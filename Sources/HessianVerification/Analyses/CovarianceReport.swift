/// The result of a covariance analysis (``CovarianceAnalysis/run(_:options:progress:)``):
/// the rank read-out from the covariance of selected samples, the comparison with
/// the Hessian where one was made, the σ-scaling diagnostic and the warnings.
///
/// Its JSON form (``encode(to:)``) is flat, every key always present and unknown
/// values `null`; ``humanText()`` renders the same value for people.
public struct CovarianceReport: Sendable, Encodable {
  /// The landscape's name.
  public var landscape: String
  /// The dimension d.
  public var dimension: Int
  /// How candidates were kept.
  public var selection: SelectionScheme
  /// The population λ.
  public var population: Int
  /// Kept points n.
  public var kept: Int
  /// The sampling σ.
  public var sigma: Double
  /// The estimate the rank was read from.
  public var estimate: CovarianceEstimateKind
  /// The estimate Ĉ (d×d); not part of the JSON form.
  public var covariance: Matrix
  /// The rank read-out (threshold, gap and eigenvalues of Ĉ).
  public var readout: CovarianceRankReadout
  /// All loss evaluations: sampling plus the σ-scaling diagnostic.
  public var lossEvaluations: Int
  /// Loss evaluations of the sampling run alone.
  public var samplingLossEvaluations: Int
  /// The comparison with the Hessian; nil when none was made (``HessianComparisonPolicy``).
  public var comparison: CovarianceHessianComparison?
  /// rank ∇²L(w*) when the landscape knows it.
  public var knownRank: Int?
  /// The σ-scaling diagnostic; nil when skipped.
  public var sigmaScaling: SigmaScalingDiagnostic?
  /// Every warning, in the order the steps raised them.
  public var warnings: [Warning]
  /// The root seed.
  public var seed: UInt64
  /// Wall-clock seconds of the analysis.
  public var seconds: Double
  /// The oracle and its trust checks when the subject is one (JSON `oracle`, `trustChecks`).
  public var oracle: OracleSummary? = nil
  /// On an oracle: the HVPs spent building H for the comparison (d), nil when none was built
  /// (JSON `comparisonHessianVectorProducts`, present only for an oracle).
  public var comparisonHessianVectorProducts: Int? = nil
  /// The loss error model when it is not exact (JSON `lossModel`, its textual form; absent otherwise).
  public var lossModel: LossErrorModel? = nil

  /// The relation on the range of H, when a comparison was made and H has a range.
  public var relation: CovarianceHessianRelation? { comparison?.relation }
  /// The predicted fitted scale, when a comparison was made for (1,λ) selection.
  public var prediction: CovarianceHessianRelation.ScalePrediction? { comparison?.prediction }

  /// A report from its parts.
  public init(
    landscape: String, dimension: Int, selection: SelectionScheme, population: Int, kept: Int, sigma: Double,
    estimate: CovarianceEstimateKind, covariance: Matrix, readout: CovarianceRankReadout, lossEvaluations: Int,
    samplingLossEvaluations: Int, comparison: CovarianceHessianComparison?, knownRank: Int?,
    sigmaScaling: SigmaScalingDiagnostic?, warnings: [Warning], seed: UInt64, seconds: Double
  ) {
    self.landscape = landscape
    self.dimension = dimension
    self.selection = selection
    self.population = population
    self.kept = kept
    self.sigma = sigma
    self.estimate = estimate
    self.covariance = covariance
    self.readout = readout
    self.lossEvaluations = lossEvaluations
    self.samplingLossEvaluations = samplingLossEvaluations
    self.comparison = comparison
    self.knownRank = knownRank
    self.sigmaScaling = sigmaScaling
    self.warnings = warnings
    self.seed = seed
    self.seconds = seconds
  }

  private enum Keys: String, CodingKey {
    case landscape, dimension, selection, population, kept, sigma, estimate, rank, threshold
    case largestCounted, smallestUncounted, gapRatio, eigenvalues, lossEvaluations, samplingLossEvaluations
    case relativeError, spread, measureID, measureCE, fittedScale, predictedScale, knownRank
    case asymptoticScale, asymptoticScaleRelativeError, asymptoticScaleErrorScale
    case sigmaScalingSlope, sigmaScalingSlopeStandardError, sigmaScalingSigmas, sigmaScalingMeanLosses
    case warnings, seed, seconds, oracle, trustChecks, comparisonHessianVectorProducts, lossModel
  }

  /// The flat JSON form: every key present, `null` for what was not computed; `selection` is
  /// ``SelectionScheme/summary``, `estimate` the ``CovarianceEstimateKind`` raw value, warnings
  /// `{code, message}` objects.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Keys.self)
    try c.encode(landscape, forKey: .landscape)
    try c.encode(dimension, forKey: .dimension)
    try c.encode(selection.summary, forKey: .selection)
    try c.encode(population, forKey: .population)
    try c.encode(kept, forKey: .kept)
    try c.encode(sigma, forKey: .sigma)
    try c.encode(estimate.rawValue, forKey: .estimate)
    try c.encode(readout.rank, forKey: .rank)
    try c.encode(readout.threshold, forKey: .threshold)
    try c.encode(readout.largestCounted, forKey: .largestCounted)
    try c.encode(readout.smallestUncounted, forKey: .smallestUncounted)
    try c.encode(readout.gapRatio, forKey: .gapRatio)
    try c.encode(readout.eigenvalues, forKey: .eigenvalues)
    try c.encode(lossEvaluations, forKey: .lossEvaluations)
    try c.encode(samplingLossEvaluations, forKey: .samplingLossEvaluations)
    try c.encode(relation?.relativeError, forKey: .relativeError)
    try c.encode(relation?.spread, forKey: .spread)
    try c.encode(relation?.measureID, forKey: .measureID)
    try c.encode(relation?.measureCE, forKey: .measureCE)
    try c.encode(relation?.fittedScale, forKey: .fittedScale)
    try c.encode(prediction?.finite, forKey: .predictedScale)
    try c.encode(prediction?.asymptotic, forKey: .asymptoticScale)
    try c.encode(prediction?.asymptoticRelativeError, forKey: .asymptoticScaleRelativeError)
    try c.encode(prediction?.asymptoticErrorScale, forKey: .asymptoticScaleErrorScale)
    try c.encode(knownRank, forKey: .knownRank)
    try c.encode(sigmaScaling?.slope, forKey: .sigmaScalingSlope)
    try c.encode(sigmaScaling?.slopeStandardError, forKey: .sigmaScalingSlopeStandardError)
    try c.encode(sigmaScaling?.sigmas, forKey: .sigmaScalingSigmas)
    try c.encode(sigmaScaling?.meanExcessLosses, forKey: .sigmaScalingMeanLosses)
    try c.encode(warnings, forKey: .warnings)
    try c.encode(seed, forKey: .seed)
    try c.encode(seconds, forKey: .seconds)
    if let oracle {
      try c.encode(oracle, forKey: .oracle)
      try c.encode(oracle.trust.checks, forKey: .trustChecks)
      try c.encode(comparisonHessianVectorProducts, forKey: .comparisonHessianVectorProducts)
    }
    try c.encodeIfPresent(lossModel?.argument, forKey: .lossModel)
  }
}
