import Foundation

/// The rank routes `compare` puts head to head.
public enum ComparedMethod: String, Sendable, Codable, CaseIterable {
  /// `dense`: eigendecomposition of the Hessian built from d HVPs (``DenseRank``, no randomness);
  /// `lanczos`: single-vector Lanczos (``LanczosRank``); `block`: the randomized block range finder
  /// (``BlockKrylovRank``); `slq`: stochastic Lanczos quadrature of the rank as a trace
  /// (``StochasticLanczosQuadrature``); `covariance`: the second moment of selected samples around w*,
  /// read out by ``CovarianceRankReadout`` (loss evaluations only); `cma`: the covariance adapted by
  /// CMA-ES (``CMAESEstimator``, the tutorial's default λ = 4 + ⌊3 ln d⌋, σ₀ = the configuration's σ),
  /// read out by ``CMAESRankReadout`` after its drift check (``CMAESDriftCheck``), loss evaluations only.
  case dense, lanczos, block, slq, covariance, cma

  /// Which route the method belongs to: `cma` is a family of its own (``Route/adaptive``), so that
  /// ``Route/sampling`` keeps meaning the (1,λ) covariance route.
  public var route: Route {
    switch self {
    case .covariance: .sampling
    case .cma: .adaptive
    default: .hessianVectorProducts
    }
  }

  /// The methods `compare` runs when none is named: every method but `cma` (see
  /// ``ComparisonConfiguration/methods`` for why).
  public static let defaultMethods: [ComparedMethod] = [.dense, .lanczos, .block, .slq, .covariance]

  /// What the budget ladder raises.
  public var budgetName: String {
    switch self {
    case .dense: "unit vectors (d HVPs, no randomness)"
    case .lanczos: "Lanczos steps"
    case .block: "range-finder test vectors r'"
    case .slq: "SLQ probes"
    case .covariance: "kept points n"
    case .cma: "loss evaluations E"
    }
  }

  /// The families of the question "which is easier": counting with HVPs, the (1,λ) covariance
  /// route and the adaptive (CMA-ES) covariance route.
  public enum Route: String, Sendable, Codable, CaseIterable {
    /// The methods that query the Hessian through HVPs at w* (dense, lanczos, block, slq); raw value `HVP`.
    case hessianVectorProducts = "HVP"
    /// The (1,λ) covariance route: selected samples, paid for in loss evaluations only; raw value `covariance`.
    case sampling = "covariance"
    /// The adaptive covariance route (CMA-ES), paid for in loss evaluations only; raw value `cma`.
    case adaptive = "cma"

    /// The family's name in the verdict: "HVP counting", "(1,λ)" or "CMA".
    public var familyName: String {
      switch self {
      case .hessianVectorProducts: "HVP counting"
      case .sampling: "(1,λ)"
      case .adaptive: "CMA"
      }
    }
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
