/// A quantity an external estimator estimates and `hessian-lab check` judges against a
/// landscape's known value (``KnownQuantityLookup``).
public enum EstimatedQuantity: String, Sendable, Codable, CaseIterable {
  /// The local learning coefficient λ_LLC at w*.
  case llc
  /// The rank of the Hessian ∇²L(w*).
  case rank
  /// The k largest eigenvalues of ∇²L(w*), in descending order.
  case topEigenvalues = "top-eigenvalues"
  /// The scale c of the (1,λ)-selection covariance C ≈ c·H⁻¹ (H⁺ on the range of a singular
  /// H): c = σ²κ(λ, r) (theory §4.2, §4.4 item 4).
  case covarianceScale = "covariance-scale"

  /// A short phrase naming the quantity in reports (`the learning coefficient λ`).
  public var phrase: String {
    switch self {
    case .llc: "the learning coefficient λ"
    case .rank: "the Hessian rank r"
    case .topEigenvalues: "the largest Hessian eigenvalues"
    case .covarianceScale: "the covariance scale c in C ≈ c·H⁻¹"
    }
  }

  /// Whether the quantity is a list (one estimate per eigenvalue) rather than one number.
  public var isList: Bool { self == .topEigenvalues }
}
