import Foundation

/// The result of ``RankAnalysis``: the ``RankResult`` with the input it came
/// from, the input's precision and the wall time. `hessian-lab rank` prints its
/// ``text`` or its JSON (the layout of `docs/schema/rank.schema.json`).
///
/// The JSON holds every field of the result flat, plus `precision`, `seconds`
/// and `gapRatioLowerBound`; ``landscape`` is not part of it (a decoded report
/// has none, and its text then has no name prefix).
public struct RankReport: Sendable, Codable, Equatable {
  /// The rank, the evidence around τ, the cost and the warnings.
  public var result: RankResult
  /// The input's name, prefixed to the first line of the text; not encoded.
  public var landscape: String?
  /// The precision the Hessian is known to (ε of the default threshold).
  public var precision: Precision
  /// Wall time of the method, in seconds.
  public var seconds: Double
  /// The oracle and its trust checks when the subject is one (JSON `oracle`, `trustChecks`);
  /// `nil` for a landscape and in decoded reports.
  public var oracle: OracleSummary? = nil
  /// The HVP error model and its accuracy when it is not exact (JSON `hvpModel`); `nil` otherwise.
  public var hvpModel: HVPErrorSummary? = nil
  /// How the landscape's reference point was trained (`mlp:…:train=STEPS`; JSON `training`); `nil` otherwise.
  public var training: TrainingSummary? = nil

  /// A report of `result` for the input named `landscape`.
  public init(result: RankResult, landscape: String?, precision: Precision, seconds: Double) {
    self.result = result
    self.landscape = landscape
    self.precision = precision
    self.seconds = seconds
  }

  /// smallestCounted / max(largestUncounted, uncountedBound) (``RankResult/gapRatioLowerBound``),
  /// `nil` when it is unbounded or absent.
  public var gapRatioLowerBound: Double? { result.gapRatioLowerBound.flatMap { $0.isFinite ? $0 : nil } }

  private enum Key: String, CodingKey {
    case rank, dimension, method, threshold, thresholdPolicy, precision, eigenvalues, smallestCounted
    case largestUncounted, gapRatio, hessianVectorProducts, converged, warnings, seed, seconds, estimate
    case standardError, unresolvedCount, uncountedBound, gapRatioLowerBound, countedBound, normBounds, fallback, oracle, trustChecks, hvpModel, training
  }

  /// The flat JSON layout (absent optionals are omitted).
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Key.self)
    let r = result
    try c.encode(r.rank, forKey: .rank)
    try c.encode(r.dimension, forKey: .dimension)
    try c.encode(r.method, forKey: .method)
    try c.encode(r.threshold, forKey: .threshold)
    try c.encode(r.thresholdPolicy, forKey: .thresholdPolicy)
    try c.encode(precision, forKey: .precision)
    try c.encode(r.eigenvalues, forKey: .eigenvalues)
    try c.encode(r.smallestCounted, forKey: .smallestCounted)
    try c.encode(r.largestUncounted, forKey: .largestUncounted)
    try c.encode(r.gapRatio, forKey: .gapRatio)
    try c.encode(r.hessianVectorProducts, forKey: .hessianVectorProducts)
    try c.encode(r.converged, forKey: .converged)
    try c.encode(r.warnings, forKey: .warnings)
    try c.encode(r.seed, forKey: .seed)
    try c.encode(seconds, forKey: .seconds)
    try c.encode(r.estimate, forKey: .estimate)
    try c.encode(r.standardError, forKey: .standardError)
    try c.encode(r.unresolvedCount, forKey: .unresolvedCount)
    try c.encode(r.uncountedBound, forKey: .uncountedBound)
    try c.encode(gapRatioLowerBound, forKey: .gapRatioLowerBound)
    try c.encodeIfPresent(r.countedBound, forKey: .countedBound)
    try c.encodeIfPresent(r.normBounds, forKey: .normBounds)
    try c.encodeIfPresent(r.fallback, forKey: .fallback)
    try c.encodeIfPresent(oracle, forKey: .oracle)
    try c.encodeIfPresent(oracle?.trust.checks, forKey: .trustChecks)
    try c.encodeIfPresent(hvpModel, forKey: .hvpModel)
    try c.encodeIfPresent(training, forKey: .training)
  }

  /// Reads the flat JSON layout back (``landscape`` is `nil`).
  public init(from decoder: any Decoder) throws {
    result = try RankResult(from: decoder)
    let c = try decoder.container(keyedBy: Key.self)
    precision = try c.decode(Precision.self, forKey: .precision)
    seconds = try c.decode(Double.self, forKey: .seconds)
    hvpModel = try c.decodeIfPresent(HVPErrorSummary.self, forKey: .hvpModel)
    training = try c.decodeIfPresent(TrainingSummary.self, forKey: .training)
    landscape = nil
  }
}
