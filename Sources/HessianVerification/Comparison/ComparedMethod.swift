import Foundation

/// The rank routes `compare` puts head to head.
public enum ComparedMethod: String, Sendable, Codable, CaseIterable {
  /// `dense`: eigendecomposition of the Hessian built from d HVPs (``DenseRank``, no randomness);
  /// `lanczos`: single-vector Lanczos (``LanczosRank``); `block`: the randomized block range finder
  /// (``BlockKrylovRank``); `slq`: stochastic Lanczos quadrature of the rank as a trace
  /// (``StochasticLanczosQuadrature``); `covariance`: the second moment of selected samples around w*,
  /// read out by ``CovarianceRankReadout`` (loss evaluations only).
  case dense, lanczos, block, slq, covariance

  /// Which route the method belongs to.
  public var route: Route { self == .covariance ? .sampling : .hessianVectorProducts }

  /// What the budget ladder raises.
  public var budgetName: String {
    switch self {
    case .dense: "unit vectors (d HVPs, no randomness)"
    case .lanczos: "Lanczos steps"
    case .block: "range-finder test vectors r'"
    case .slq: "SLQ probes"
    case .covariance: "kept points n"
    }
  }

  /// The two routes of the question "which is easier".
  public enum Route: String, Sendable, Codable {
    /// The methods that query the Hessian through HVPs at w* (dense, lanczos, block, slq); raw value `HVP`.
    case hessianVectorProducts = "HVP"
    /// The covariance route: selected samples, paid for in loss evaluations only; raw value `covariance`.
    case sampling = "covariance"
  }
}

/// How an HVP is converted into loss evaluations (the common unit) for the headline costs,
/// factor and verdict. Whichever is chosen, the timed conversion is also reported beside it
/// (``LandscapeComparison/timingLossEvaluationsPerHVP``).
public enum CostConversion: String, Sendable, Codable, CaseIterable {
  /// Time both on the landscape at hand and take the ratio. The headline then depends on the
  /// machine and its load (two identical runs gave factors 372 and 207), so it is not reproducible.
  case measured
  /// Charge the stated constant ``MethodComparison/theoreticalHVPCost`` (10) loss evaluations per
  /// HVP: deterministic, the default.
  case theoretical
}
