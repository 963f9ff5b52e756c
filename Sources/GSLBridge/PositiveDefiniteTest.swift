import CGSL

/// Whether a symmetric matrix shifted by s·I is numerically positive definite, by a Cholesky
/// factorization (LAPACK `dpotrf`): the cheapest exact-arithmetic test of λ_min(A) > −s.
///
/// Success means A + s·I has a Cholesky factor in floating point, so λ_min(A) > −s up to the
/// factorization's backward error (a perturbation of order n·ε·‖A‖, Higham 2002, Thm. 10.3);
/// failure means an eigenvalue of A lies at or below about −s. Cost: n³/3 flops (a 27th of the
/// 9n³ of a dense eigendecomposition), O(n²) memory; threads as ``BLASThreads``.
public enum PositiveDefiniteTest {
  /// True when A + `shift`·I factors as LLᵀ (A symmetric; its lower triangle is read).
  ///
  /// - Throws: ``LinearAlgebraError`` when A is not square or not finite.
  public static func holds(for a: Matrix, shift: Double) throws(LinearAlgebraError) -> Bool {
    guard a.isSquare else { throw .notSquare(rows: a.rows, columns: a.columns) }
    guard a.isFinite, shift.isFinite else { throw .notFinite }
    let n = a.rows
    if n == 0 { return true }
    var buf = a.elements  // symmetric: row-major reads as column-major
    for i in 0..<n { buf[i * n + i] += shift }
    let cube = Double(n) * Double(n) * Double(n)
    return try BLASThreads.run(flops: cube / 3) { () throws(LinearAlgebraError) -> Bool in
      try CholeskyFactor.factorInPlace(&buf, order: n, uplo: 76)  // 76: "L"
    }
  }
}
