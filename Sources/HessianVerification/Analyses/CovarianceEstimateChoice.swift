/// Which covariance estimate a covariance analysis reads the rank from, with an
/// `auto` choice resolved from where sampling is centred.
///
/// The raw value is the spelling of the choice on the command line
/// (`--estimate second-moment`); the resolved ``CovarianceEstimateKind`` is what
/// a report names.
public enum CovarianceEstimateChoice: String, Sendable, Codable, CaseIterable {
  /// The second moment about w* when sampling is centred at the minimum, the
  /// mean-centred covariance otherwise (``resolved(isCentred:)``).
  case auto
  /// Always ``CovarianceEstimateKind/secondMoment``.
  case secondMoment = "second-moment"
  /// Always ``CovarianceEstimateKind/meanCentred``.
  case meanCentred = "mean-centred"

  /// The estimate to compute: `auto` gives the second moment (n degrees of freedom,
  /// null block σ²I) when `isCentred`, the mean-centred covariance otherwise.
  public func resolved(isCentred: Bool) -> CovarianceEstimateKind {
    switch self {
    case .auto: isCentred ? .secondMoment : .meanCentred
    case .secondMoment: .secondMoment
    case .meanCentred: .meanCentred
    }
  }
}
