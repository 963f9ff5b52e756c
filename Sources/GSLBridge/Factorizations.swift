import CGSL

/// Householder QR and singular values through LAPACK (OpenBLAS), on
/// ``BLASThreads/largeOperationThreads`` when large (``BLASThreads/run(flops:_:)``).
public enum Factorizations {
  /// The Q factor of A = QR for an m×n matrix with n ≤ m: an m×n matrix with
  /// orthonormal columns spanning the columns of A (LAPACK `dgeqrf` + `dorgqr`).
  /// Rank deficiency is not detected here; use ``singularValues(of:)`` for that.
  /// Cost: O(mn²) flops.
  public static func orthonormalColumns(of a: Matrix) throws(LinearAlgebraError) -> Matrix {
    let m = a.rows, n = a.columns
    precondition(n <= m, "orthonormalColumns needs at most as many columns as rows")
    guard a.isFinite else { throw .notFinite }
    GSLRuntime.ensureConfigured()
    if n == 0 { return Matrix(rows: m, columns: 0) }
    var buf = [Double](repeating: 0, count: m * n)  // column-major copy
    for i in 0..<m { for j in 0..<n { buf[j * m + i] = a[i, j] } }
    var mm = Int32(m), nn = Int32(n), lda = Int32(m), info: Int32 = 0
    var tau = [Double](repeating: 0, count: n)
    var query = 0.0
    var lwork: Int32 = -1
    dgeqrf_(&mm, &nn, &buf, &lda, &tau, &query, &lwork, &info)
    guard info == 0 else { throw .lapack(routine: "dgeqrf", info: Int(info)) }
    lwork = max(Int32(query.rounded(.up)), 1)
    var work = [Double](repeating: 0, count: Int(lwork))
    let qrFlops = 4 * Double(m) * Double(n) * Double(n)
    BLASThreads.run(flops: qrFlops) { dgeqrf_(&mm, &nn, &buf, &lda, &tau, &work, &lwork, &info) }
    guard info == 0 else { throw .lapack(routine: "dgeqrf", info: Int(info)) }
    var kk = Int32(n)
    lwork = -1
    dorgqr_(&mm, &nn, &kk, &buf, &lda, &tau, &query, &lwork, &info)
    guard info == 0 else { throw .lapack(routine: "dorgqr", info: Int(info)) }
    lwork = max(Int32(query.rounded(.up)), 1)
    work = [Double](repeating: 0, count: Int(lwork))
    BLASThreads.run(flops: qrFlops) { dorgqr_(&mm, &nn, &kk, &buf, &lda, &tau, &work, &lwork, &info) }
    guard info == 0 else { throw .lapack(routine: "dorgqr", info: Int(info)) }
    var q = Matrix(rows: m, columns: n)
    for j in 0..<n { for i in 0..<m { q[i, j] = buf[j * m + i] } }
    return q
  }

  /// The singular values of A in descending order (LAPACK `dgesdd`, values only).
  /// Cost: O(mn·min(m, n)) flops.
  public static func singularValues(of a: Matrix) throws(LinearAlgebraError) -> [Double] {
    guard a.isFinite else { throw .notFinite }
    GSLRuntime.ensureConfigured()
    // Row-major A (m×n) is column-major Aᵀ (n×m), which has the same singular values.
    let m = a.columns, n = a.rows
    let k = min(m, n)
    if k == 0 { return [] }
    var buf = a.elements
    var jobz: CChar = 78  // "N"
    var mm = Int32(m), nn = Int32(n), lda = Int32(max(m, 1)), ldu: Int32 = 1, ldvt: Int32 = 1, info: Int32 = 0
    var s = [Double](repeating: 0, count: k)
    var u = [Double](repeating: 0, count: 1), vt = [Double](repeating: 0, count: 1)
    var iwork = [Int32](repeating: 0, count: 8 * k)
    var query = 0.0
    var lwork: Int32 = -1
    dgesdd_(&jobz, &mm, &nn, &buf, &lda, &s, &u, &ldu, &vt, &ldvt, &query, &lwork, &iwork, &info)
    guard info == 0 else { throw .lapack(routine: "dgesdd", info: Int(info)) }
    lwork = max(Int32(query.rounded(.up)), 1)
    var work = [Double](repeating: 0, count: Int(lwork))
    BLASThreads.run(flops: 4 * Double(m) * Double(n) * Double(k)) {
      dgesdd_(&jobz, &mm, &nn, &buf, &lda, &s, &u, &ldu, &vt, &ldvt, &work, &lwork, &iwork, &info)
    }
    guard info == 0 else { throw .lapack(routine: "dgesdd", info: Int(info)) }
    return s
  }
}
