/// The result of a read-out plan (``CovarianceAnalysis/plan(_:options:)``): the pilot
/// run's ``ReadoutPlan`` with the run it describes; its typed warnings are the plan's.
///
/// ``encode(to:)`` writes the plan's numbers flat; ``humanText()`` renders the same value.
public struct CovariancePlanReport: Sendable, Encodable {
  /// The landscape's name.
  public var landscape: String
  /// The dimension d.
  public var dimension: Int
  /// The sampler the plan is for (λ, σ, scheme, centre offset).
  public var sampler: SelectionSampler
  /// The plan.
  public var plan: ReadoutPlan
  /// The plan's typed warnings (``ReadoutPlan/warnings``): ``WarningCode/samplingOffCentre``
  /// and ``WarningCode/pilotCannotSeparate``.
  public var warnings: [Warning] { (oracle?.warnings ?? []) + plan.warnings }
  /// The oracle and its trust checks when the subject is one (JSON `oracle`, `trustChecks`).
  public var oracle: OracleSummary? = nil
  /// The root seed.
  public var seed: UInt64
  /// Wall-clock seconds of the pilot stages.
  public var seconds: Double

  /// A report from its parts.
  public init(
    landscape: String, dimension: Int, sampler: SelectionSampler, plan: ReadoutPlan, seed: UInt64, seconds: Double
  ) {
    self.landscape = landscape
    self.dimension = dimension
    self.sampler = sampler
    self.plan = plan
    self.seed = seed
    self.seconds = seconds
  }

  private enum Keys: String, CodingKey {
    case pilotKept, pilotLossEvaluations, pilotRank, largestRangeVariance, recommendedKept
    case recommendedLossEvaluations, resolvableVarianceRatio, lossEvaluations, warnings, seed, seconds, oracle, trustChecks
  }

  /// The flat JSON form; `lossEvaluations` repeats `pilotLossEvaluations` (what the plan spent).
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Keys.self)
    try c.encode(plan.pilotKept, forKey: .pilotKept)
    try c.encode(plan.pilotLossEvaluations, forKey: .pilotLossEvaluations)
    try c.encode(plan.pilotLossEvaluations, forKey: .lossEvaluations)
    try c.encode(plan.pilotRank, forKey: .pilotRank)
    try c.encode(plan.largestRangeVariance, forKey: .largestRangeVariance)
    try c.encode(plan.recommendedKept, forKey: .recommendedKept)
    try c.encode(plan.recommendedLossEvaluations, forKey: .recommendedLossEvaluations)
    try c.encode(plan.resolvableVarianceRatio, forKey: .resolvableVarianceRatio)
    try c.encode(warnings, forKey: .warnings)
    try c.encode(seed, forKey: .seed)
    try c.encode(seconds, forKey: .seconds)
    try c.encodeIfPresent(oracle, forKey: .oracle)
    try c.encodeIfPresent(oracle?.trust.checks, forKey: .trustChecks)
  }
}
