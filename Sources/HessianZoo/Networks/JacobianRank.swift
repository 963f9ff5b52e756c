/// The numerical rank of a Jacobian by its singular values: the "computed" known rank of an `mlp:`
/// landscape, on a path independent of the Hessian-vector products the estimators use.
///
/// rank J = #{σ_i > τ_J} with τ_J = σ_max · max(m, n) · ε (ε = 2⁻⁵² for float64): the NumPy
/// `matrix_rank` / Numerical Recipes convention for an m×n matrix known to working precision
/// (theory §2.2). Singular values come from LAPACK `dgesdd` (backward stable: each computed
/// σ_i is within about σ_max·ε·p(m, n) of an exact one of J), so a σ_i far above τ_J is a true
/// nonzero one and a σ_i far below is rounding. The Hessian eigenvalues are σ_i²/N, so the gap
/// ``gapRatio`` in σ is the square root of the gap in the Hessian spectrum.
public struct JacobianRank: Sendable, Equatable {
  /// #{σ_i > τ_J}.
  public let rank: Int
  /// τ_J = σ_max · max(m, n) · ε.
  public let threshold: Double
  /// σ_1 ≥ σ_2 ≥ …, min(m, n) of them.
  public let singularValues: [Double]

  /// Decides the rank of `jacobian`.
  ///
  /// - Throws: ``LinearAlgebraError`` when J has non-finite entries or LAPACK fails.
  public init(of jacobian: Matrix) throws(LinearAlgebraError) {
    let s = try Factorizations.singularValues(of: jacobian)
    let tau = (s.first ?? 0) * Double(max(jacobian.rows, jacobian.columns)) * Precision.float64.epsilon
    singularValues = s
    threshold = tau
    rank = s.filter { $0 > tau }.count
  }

  /// σ_r / σ_{r+1}, the gap at the threshold (nil when there is no σ_{r+1} or it is 0, or r = 0).
  public var gapRatio: Double? {
    guard rank > 0, rank < singularValues.count, singularValues[rank] > 0 else { return nil }
    return singularValues[rank - 1] / singularValues[rank]
  }
}
