/// The multiplicity m used by the volume estimator's correction
/// P(K < ε) ≈ c ε^λ (−log ε)^{m−1} (``VolumeScalingEstimator``).
public enum VolumeMultiplicity: Sendable, Hashable {
  /// The landscape's known m; m = 1 with a warning (``WarningCode/multiplicityUnknown``)
  /// when it is not known.
  case known
  /// This m (≥ 1 for the estimator to accept it).
  case fixed(Int)
}
