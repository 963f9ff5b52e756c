import CGSL

/// Single-precision products through CBLAS (OpenBLAS `sgemm`): operands stored as `Float` and
/// every inner product accumulated in `Float`, for the float32 error model of Hessian-vector
/// products. The computed C satisfies |C − A·B| ≤ γ_k·|A|·|B| entrywise with k the inner
/// dimension and γ_k = k·u/(1 − k·u), u = 2⁻²⁴ (Higham, *Accuracy and Stability of Numerical
/// Algorithms*, 2nd ed., §3.5, eq. 3.13).
public enum SinglePrecisionBLAS {
  /// C = A·B for a row-major m×k matrix `a` and a row-major k×n matrix `b`, both `Float`; the
  /// result is m×n, row-major. Cost: 2·m·n·k single-precision flops.
  ///
  /// - Precondition: `a.count == m·k` and `b.count == k·n`.
  public static func multiply(_ a: [Float], rows m: Int, inner k: Int, _ b: [Float], columns n: Int) -> [Float] {
    precondition(m >= 0 && k >= 0 && n >= 0 && a.count == m * k && b.count == k * n, "sgemm: shape mismatch")
    var c = [Float](repeating: 0, count: m * n)
    if m == 0 || n == 0 || k == 0 { return c }
    GSLRuntime.ensureConfigured()
    cblas_sgemm(
      CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k), 1,
      a, Int32(k), b, Int32(n), 0, &c, Int32(n))
    return c
  }
}
