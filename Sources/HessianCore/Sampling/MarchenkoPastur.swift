/// The Marchenko–Pastur edges: where the eigenvalues of the sample covariance of n isotropic
/// points in p dimensions (variance σ² each) lie for large p and n.
///
/// ```
/// λ₋ = σ²(1 − √(p/n))²,   λ₊ = σ²(1 + √(p/n))²        (p ≤ n)
/// ```
///
/// The one edge formula of HessianLab: the covariance read-out's threshold and diagnostics
/// (p = the dimension or the null dimension d − r), the planner, the degenerate reproduction
/// case and lesson 8 all call it with their own p. V. A. Marchenko and L. A. Pastur,
/// "Distribution of eigenvalues for some sets of random matrices", Mat. Sb. 72(114):507–536
/// (1967); Bai & Yin, Ann. Probab. 21(3):1275–1294 (1993) for the almost-sure limits of the
/// extreme eigenvalues.
///
/// - Complexity: O(1).
public enum MarchenkoPastur {
  /// The lower and upper edges σ²(1 ∓ √(p/n))².
  ///
  /// - Parameters:
  ///   - p: the dimension of the isotropic block (the null dimension d − r for a null block).
  ///   - n: the number of points averaged. Meant for n ≥ p.
  ///   - variance: σ², the variance of each coordinate (default 1: the edges over σ²).
  public static func edges(dimension p: Int, samples n: Int, variance: Double = 1) -> (lower: Double, upper: Double) {
    let ratio = (Double(p) / Double(n)).squareRoot()
    return (variance * ((1 - ratio) * (1 - ratio)), variance * ((1 + ratio) * (1 + ratio)))
  }
}
