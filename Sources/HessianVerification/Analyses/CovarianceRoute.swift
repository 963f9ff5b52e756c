/// Which sampling route `covariance` takes to the inverse-Hessian shape and the rank.
///
/// The raw value is the spelling on the command line (`--route cma`).
public enum CovarianceRoute: String, Sendable, Codable, CaseIterable {
  /// (1,λ) (or (μ,λ), rank-ℓ) selection from a fixed isotropic N(m, σ²I): the kept points'
  /// covariance (``CovarianceAnalysis``; Shir & Yehudayoff 2020).
  case selection
  /// The covariance adapted by CMA-ES (``CMAAnalysis``; Hansen, arXiv:1604.00772).
  case cma
}
