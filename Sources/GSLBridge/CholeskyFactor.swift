import CGSL

/// The Cholesky factor of a symmetric positive-definite matrix, H = L·Lᵀ with L lower
/// triangular (LAPACK `dpotrf`), and the product X·L that turns a batch of quadratic forms
/// into sums of squares:
///
/// ```
/// xᵀ H x = xᵀ L Lᵀ x = ‖Lᵀx‖² = Σⱼ (xᵀL)ⱼ²,   one row of Y = X·L per point (BLAS dtrmm)
/// ```
///
/// Accuracy: the computed L satisfies L·Lᵀ = H + ΔH with |ΔH| ≤ γ_{d+1}·|L|·|Lᵀ| (Higham,
/// *Accuracy and Stability of Numerical Algorithms*, 2nd ed., Thm. 10.3), so
/// ‖ΔH‖₂ ≤ d·γ_{d+1}·‖H‖₂: the forms are those of a matrix within O(d·ε·‖H‖) of H, the same
/// order as the rounding of H·x in the direct product. A sum of squares is never negative.
///
/// Cost: d³/3 flops to factor (on one thread, so the factor is the same bits wherever it is
/// computed); n·d² flops for X·L, half of the 2·n·d² of X·H.
public struct CholeskyFactor: Sendable {
  /// L, lower triangular (zeros above the diagonal), row-major, with H = L·Lᵀ.
  public let lower: Matrix

  /// The factor of the symmetric matrix `h` (its upper triangle, in row-major order, is
  /// read), or nil when `h` is not numerically positive definite (a pivot ≤ 0).
  ///
  /// - Throws: ``LinearAlgebraError`` when `h` is not square or not finite.
  public init?(of h: Matrix) throws(LinearAlgebraError) {
    guard h.isSquare else { throw .notSquare(rows: h.rows, columns: h.columns) }
    guard h.isFinite else { throw .notFinite }
    let n = h.rows
    var buf = h.elements
    // Column-major "U" of the buffer is row-major "L": dpotrf's H = UᵀU is H = L·Lᵀ here.
    guard try Self.factorInPlace(&buf, order: n, uplo: 85) else { return nil }  // 85: "U"
    for i in 0..<n { for j in (i + 1)..<max(i + 1, n) { buf[i * n + j] = 0 } }  // the untouched triangle
    lower = Matrix(rows: n, columns: n, elements: buf)
  }

  /// LAPACK `dpotrf` on the n × n column-major buffer `buf` (a symmetric matrix reads the same
  /// either way), triangle `uplo` (`"U"` = 85 or `"L"` = 76), on the calling thread's OpenBLAS
  /// thread count: true when it factored (positive definite), false at a pivot ≤ 0.
  ///
  /// - Throws: ``LinearAlgebraError/lapack(routine:info:)`` for an illegal argument.
  static func factorInPlace(_ buf: inout [Double], order n: Int, uplo: CChar) throws(LinearAlgebraError) -> Bool {
    GSLRuntime.ensureConfigured()
    if n == 0 { return true }
    var u = uplo
    var nn = Int32(n), lda = Int32(n), info: Int32 = 0
    dpotrf_(&u, &nn, &buf, &lda, &info)
    guard info >= 0 else { throw .lapack(routine: "dpotrf", info: Int(info)) }
    return info == 0
  }

  /// X ← X·L for an n×d matrix X (BLAS `dtrmm`, right side, lower, no transpose). Cost: n·d²
  /// flops; threads as ``BLASThreads/run(flops:streaming:_:)``.
  public func multiplyOnRight(_ x: inout Matrix) {
    let d = lower.rows
    precondition(x.columns == d, "multiplyOnRight: X has \(x.columns) columns, L is \(d)×\(d)")
    if x.rows == 0 || d == 0 { return }
    let flops = Double(x.rows) * Double(d) * Double(d)
    BLASThreads.run(flops: flops, streaming: lower.elements.count &* MemoryLayout<Double>.size) {
      cblas_dtrmm(
        CblasRowMajor, CblasRight, CblasLower, CblasNoTrans, CblasNonUnit, Int32(x.rows), Int32(d), 1,
        lower.elements, Int32(d), &x.elements, Int32(d))
    }
  }
}
