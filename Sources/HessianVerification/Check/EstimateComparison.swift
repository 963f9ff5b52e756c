/// One estimate against its known value: the error, and the statistics of its test.
///
/// error = estimate − truth (for λ known only by bounds: the distance outside them, 0 inside);
/// relative error = error/|truth| (nil when the truth is 0 or unknown); with a standard error SE,
/// z = error/SE and the two-sided p-value 2Φ(−|z|).
public struct EstimateComparison: Sendable, Equatable, Codable {
  /// The estimate.
  public var estimate: Double
  /// The known value, nil when only bounds are known.
  public var truth: Double?
  /// estimate − truth, or the distance outside the bounds.
  public var error: Double
  /// error/|truth|, nil when the truth is 0 or unknown.
  public var relativeError: Double?
  /// The stated standard error, nil when none was given.
  public var standardError: Double?
  /// error/SE, nil without a standard error.
  public var z: Double?
  /// 2Φ(−|z|), nil without a standard error.
  public var pValue: Double?
  /// Whether the comparison passed its test; nil when there is no test (``CheckTest/none``).
  public var passed: Bool?

  /// A comparison as given.
  public init(
    estimate: Double, truth: Double?, error: Double, relativeError: Double?, standardError: Double?, z: Double?,
    pValue: Double?, passed: Bool?
  ) {
    self.estimate = estimate
    self.truth = truth
    self.error = error
    self.relativeError = relativeError
    self.standardError = standardError
    self.z = z
    self.pValue = pValue
    self.passed = passed
  }

  enum CodingKeys: String, CodingKey { case estimate, truth, error, relativeError, standardError, z, pValue, passed }

  /// Encodes missing statistics as explicit `null`.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(estimate, forKey: .estimate)
    try c.encode(truth, forKey: .truth)
    try c.encode(error, forKey: .error)
    try c.encode(relativeError, forKey: .relativeError)
    try c.encode(standardError, forKey: .standardError)
    try c.encode(z, forKey: .z)
    try c.encode(pValue, forKey: .pValue)
    try c.encode(passed, forKey: .passed)
  }
}
