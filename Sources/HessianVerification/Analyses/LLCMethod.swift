/// What ``LLCAnalysis`` computes besides the bounds and the exact value, which
/// it always reports: one estimator, or every one.
public enum LLCMethod: String, Sendable, Codable, CaseIterable {
  /// Only the rank bounds r/2 ≤ λ ≤ r/2 + (d − r)/4 (and the exact λ when known).
  case bounds
  /// Only the exact λ where the landscape knows it (and the bounds).
  case exact
  /// The volume-scaling estimate (``VolumeScalingEstimator``) besides the bounds.
  case volume
  /// The SGLD estimate (``SGLDEstimator``) besides the bounds.
  case sgld
  /// Bounds, exact value and both estimates.
  case all

  /// Whether this choice runs the estimator `estimator` (``volume`` or ``sgld``).
  public func runs(_ estimator: LLCMethod) -> Bool { self == .all || self == estimator }
}
