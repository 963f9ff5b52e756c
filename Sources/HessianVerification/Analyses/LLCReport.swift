import Foundation

/// The result of ``LLCAnalysis``: the bounds, the exact value, the estimates
/// and the warnings. Its `--json` form is ``encode(to:)`` (every key present,
/// nil as null; `docs/schema/llc.schema.json`), its human form ``text`` — both
/// from this one value.
public struct LLCReport: Sendable, Encodable {
  /// One estimate in the JSON: value, standard error, its cost and settings.
  public struct Entry: Sendable, Encodable {
    /// λ̂, nil when the estimator produced none.
    public var value: Double?
    /// The statistical standard error of λ̂.
    public var standardError: Double?
    /// Volume only: the systematic-error estimate from the drift of the local slope.
    public var systematicError: Double?
    /// Loss evaluations spent.
    public var lossEvaluations: Int
    /// Gradient evaluations spent.
    public var gradientEvaluations: Int
    /// The estimator's settings in one line.
    public var details: String
    /// SGLD only (volume: 0): HVPs of the curvature probes and the localisation diagnostic.
    public var hessianVectorProducts = 0
    /// SGLD only: the chain diagnostics.
    public var mixing: Mixing? = nil
    /// SGLD only: the expected shortfall (m − 1)/log(nβ) when m is known.
    public var multiplicityShortfall: Double? = nil

    /// SGLD's chain diagnostics (``ChainConvergence``) of the kept draws of nβ(L − L*).
    public struct Mixing: Sendable, Encodable {
      /// Rank-normalised split-R̂; nil when it is not finite.
      public var rHat: Double?
      /// Bulk effective sample size.
      public var effectiveSampleSize: Double
      /// Kept draws over all chains.
      public var draws: Int
      /// Mean of the second half minus mean of the first half.
      public var drift: Double
      /// Standard error of ``drift``.
      public var driftStandardError: Double?
      /// Whether R̂ and the drift test passed.
      public var converged: Bool

      /// The diagnostics of `c`.
      public init(_ c: ChainConvergence) {
        rHat = c.rHat.isFinite ? c.rHat : nil
        effectiveSampleSize = c.effectiveSampleSize
        draws = c.draws
        drift = c.drift
        driftStandardError = c.driftStandardError
        converged = c.converged
      }

      private enum CodingKeys: String, CodingKey { case rHat, effectiveSampleSize, draws, drift, driftStandardError, converged }

      /// Every key present (nil as null).
      public func encode(to encoder: any Encoder) throws {
        var k = encoder.container(keyedBy: CodingKeys.self)
        try k.encode(rHat, forKey: .rHat)
        try k.encode(effectiveSampleSize, forKey: .effectiveSampleSize)
        try k.encode(draws, forKey: .draws)
        try k.encode(drift, forKey: .drift)
        try k.encode(driftStandardError, forKey: .driftStandardError)
        try k.encode(converged, forKey: .converged)
      }
    }

    private enum CodingKeys: String, CodingKey {
      case value, standardError, systematicError, lossEvaluations, gradientEvaluations, details
      case hessianVectorProducts, mixing, multiplicityShortfall
    }

    /// Every key present (nil as null).
    public func encode(to encoder: any Encoder) throws {
      var k = encoder.container(keyedBy: CodingKeys.self)
      try k.encode(value, forKey: .value)
      try k.encode(standardError, forKey: .standardError)
      try k.encode(lossEvaluations, forKey: .lossEvaluations)
      try k.encode(gradientEvaluations, forKey: .gradientEvaluations)
      try k.encode(details, forKey: .details)
      try k.encode(systematicError, forKey: .systematicError)
      try k.encode(hessianVectorProducts, forKey: .hessianVectorProducts)
      try k.encode(mixing, forKey: .mixing)
      try k.encode(multiplicityShortfall, forKey: .multiplicityShortfall)
    }

    /// The volume estimate's entry.
    public init(_ v: VolumeScalingEstimate) {
      value = v.value
      standardError = v.standardError
      systematicError = v.systematicError
      lossEvaluations = v.lossEvaluations
      gradientEvaluations = v.gradientEvaluations
      details =
        String(
          format: "m = %d, ε ∈ [%.3g, %.3g], %d runs × %d particles, uncorrected slope ",
          v.multiplicity, v.epsilonMin, v.epsilonMax, v.replicates, v.particles) + LLCReport.fixed4(v.uncorrectedValue)
    }

    /// The SGLD estimate's entry.
    public init(_ s: SGLDEstimate) {
      value = s.value
      standardError = s.standardError
      lossEvaluations = s.lossEvaluations
      gradientEvaluations = s.gradientEvaluations
      hessianVectorProducts = s.hessianVectorProducts
      mixing = s.convergence.map(Mixing.init)
      multiplicityShortfall = s.expectedMultiplicityShortfall
      details = String(
        format: "nβ = %.4g, γ = %g, ε = %.3g, %d chains × %d steps (burn-in %d), localiser share %.3g",
        s.nBeta, s.localisation, s.stepSize, s.chains, s.steps, s.burnIn, s.localiserShare)
    }
  }

  /// The landscape's name.
  public var landscape: String
  /// The rank bounds (d, r and its source, r/2, r/2 + (d − r)/4, the assumption).
  public var bounds: LearningCoefficientBounds
  /// The exact λ, its multiplicity and provenance, where known.
  public var exact: ExactLearningCoefficient
  /// Whom `exact` and `multiplicity` describe (``AnswerScope``): `landscape`, or `hessianQuadratic`
  /// for a `.npy` Hessian (the quadratic ½wᵀHw, not the model H came from).
  public var exactScope: AnswerScope
  /// The volume-scaling estimate, when it ran.
  public var volume: VolumeScalingEstimate?
  /// The SGLD estimate, when it ran.
  public var sgld: SGLDEstimate?
  /// The root seed.
  public var seed: UInt64
  /// Every caveat, in order: rank, bounds, exact value, volume, SGLD.
  public var warnings: [Warning]
  /// The rank's HVP error model and its accuracy when it is not exact (JSON `hvpModel`; absent otherwise).
  public var hvpModel: HVPErrorSummary? = nil

  /// A report from its parts.
  public init(
    landscape: String, bounds: LearningCoefficientBounds, exact: ExactLearningCoefficient, exactScope: AnswerScope,
    volume: VolumeScalingEstimate?, sgld: SGLDEstimate?, seed: UInt64, warnings: [Warning]
  ) {
    self.landscape = landscape
    self.bounds = bounds
    self.exact = exact
    self.exactScope = exactScope
    self.volume = volume
    self.sgld = sgld
    self.seed = seed
    self.warnings = warnings
  }

  /// The bounds as exact rationals, "[lower, upper]".
  public var boundsText: String { "[\(bounds.lower), \(bounds.upper)]" }

  private enum CodingKeys: String, CodingKey {
    case landscape, dimension, hessianRank, rankSource, lowerBound, upperBound, boundsText, assumption
    case exact, exactText, exactProvenance, exactSource, exactScope, multiplicity, estimates, seed, warnings, hvpModel
  }

  private enum EstimateKeys: String, CodingKey { case volume, sgld }

  /// Every key always present (nil as null); `estimates` holds `volume` and `sgld`
  /// (null when not run); each warning is `{code, message}`.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(landscape, forKey: .landscape)
    try c.encode(bounds.dimension, forKey: .dimension)
    try c.encode(bounds.rank, forKey: .hessianRank)
    try c.encode(bounds.rankSource.rawValue, forKey: .rankSource)
    try c.encode(bounds.lower.doubleValue, forKey: .lowerBound)
    try c.encode(bounds.upper.doubleValue, forKey: .upperBound)
    try c.encode(boundsText, forKey: .boundsText)
    try c.encode(bounds.assumption, forKey: .assumption)
    try c.encode(exact.value?.doubleValue, forKey: .exact)
    try c.encode(exact.value?.description, forKey: .exactText)
    try c.encode(exact.provenance.rawValue, forKey: .exactProvenance)
    try c.encode(exact.source, forKey: .exactSource)
    try c.encode(exactScope, forKey: .exactScope)
    try c.encode(exact.multiplicity, forKey: .multiplicity)
    var e = c.nestedContainer(keyedBy: EstimateKeys.self, forKey: .estimates)
    try e.encode(volume.map(Entry.init), forKey: .volume)
    try e.encode(sgld.map(Entry.init), forKey: .sgld)
    try c.encode(seed, forKey: .seed)
    try c.encode(warnings, forKey: .warnings)
    try c.encodeIfPresent(hvpModel, forKey: .hvpModel)
  }

  /// x with four decimals, "—" for nil.
  static func fixed4(_ x: Double?) -> String {
    guard let x else { return "—" }
    return String(format: "%.4f", x)
  }
}
