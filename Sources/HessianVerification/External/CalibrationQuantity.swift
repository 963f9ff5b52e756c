/// The quantity an external estimator under calibration estimates (`verify --external
/// --quantity`), judged against a landscape's known answer (``CalibrationTruth``): the two of
/// ``EstimatedQuantity`` that a calibration judges.
public enum CalibrationQuantity: String, Sendable, Codable, CaseIterable {
  /// The local learning coefficient λ at w*: judged on bias (t-test) and on the coverage of its
  /// stated 95% intervals (Clopper–Pearson); every run must state a standard error.
  case llc
  /// The rank of ∇²L(w*): judged on its exactness rate (Clopper–Pearson); a standard error is optional.
  case rank

  /// `learning coefficient λ`, `Hessian rank`.
  public var phrase: String {
    switch self {
    case .llc: "learning coefficient λ"
    case .rank: "Hessian rank"
    }
  }

  /// The same quantity in the vocabulary of `check` (``KnownQuantityLookup``).
  public var estimated: EstimatedQuantity {
    switch self {
    case .llc: .llc
    case .rank: .rank
    }
  }
}
