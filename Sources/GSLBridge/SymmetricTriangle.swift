import CGSL

/// The signs of a symmetric matrix's eigenvalues, counted without computing them.
public struct Inertia: Sendable, Equatable {
  /// The number of positive eigenvalues.
  public var positive: Int
  /// The number of negative eigenvalues.
  public var negative: Int
  /// The number of zero eigenvalues (an exactly zero pivot of D).
  public var zero: Int
  /// max |entry of D| / max |entry of the factored matrix|: the pivot growth of the factorization,
  /// an a-posteriori measure of its backward error (see ``SymmetricTriangle/inertia(shiftedBy:)``).
  public var pivotGrowth: Double
}

/// A dense symmetric matrix S = (A + Aᵀ)/2 held as the triangle LAPACK's `uplo = "L"` reads
/// (``SymmetricPart/lapackLowerTriangle(of:)``), for what needs no eigendecomposition:
///
/// ```
/// y = S·x                         BLAS dsymv                 2n² flops
/// inertia(S − s·I) = inertia(D)   LAPACK dsytrf_rook, S − sI = P·L·D·Lᵀ·Pᵀ   n³/3 flops
/// S + s·I positive definite?      LAPACK dpotrf              n³/3 flops
/// ```
///
/// Sylvester's law of inertia: a congruence L·D·Lᵀ keeps the numbers of positive, negative and
/// zero eigenvalues, and D is block diagonal with 1×1 and 2×2 blocks whose signs are read
/// directly. So #{λᵢ(S) > s} = positive(S − s·I) and #{λᵢ(S) < −s} = negative(S + s·I)
/// (Golub & Van Loan, *Matrix Computations*, 4th ed., §8.1.2 and §4.4; rook pivoting:
/// Ashcraft, Grimes & Lewis, SIAM J. Matrix Anal. Appl. 20 (1998), which bounds |L| by ≈ 2.78).
///
/// Accuracy: the computed factors are exact for S − s·I + ΔS with
/// |ΔS| ≤ p(n)·u·(|S − sI| + P|L||D||Lᵀ|Pᵀ) (Higham, *Accuracy and Stability of Numerical
/// Algorithms*, 2nd ed., Thm. 11.3), so the counts are exact for a matrix within a multiple of
/// n·u·(1 + growth)·‖S‖ of S; ``Inertia/pivotGrowth`` reports that growth.
///
/// Memory: the triangle (n² doubles) and one scratch copy that every factorization overwrites.
public struct SymmetricTriangle: Sendable {
  /// n.
  public let order: Int
  /// Row-major entries (i, j ≥ i) of S, which are column-major "L"; the rest is never read.
  let triangle: [Double]
  /// max |Sᵢⱼ| over the triangle.
  public let maxAbs: Double
  /// max |Sᵢⱼ| over i ≠ j (a shift does not move these).
  let offDiagonalMaxAbs: Double
  var scratch: [Double] = []

  /// The symmetric part of `a`. Cost: one pass over a's n² entries.
  ///
  /// - Throws: ``LinearAlgebraError`` when `a` is not square or not finite.
  public init(symmetricPartOf a: Matrix) throws(LinearAlgebraError) {
    guard a.isSquare else { throw .notSquare(rows: a.rows, columns: a.columns) }
    guard a.isFinite else { throw .notFinite }
    order = a.rows
    triangle = SymmetricPart.lapackLowerTriangle(of: a)
    var off = 0.0, diagonal = 0.0
    let n = a.rows
    triangle.withUnsafeBufferPointer { t in
      for i in 0..<n {
        off = max(off, MaxMagnitude.of(UnsafeBufferPointer(rebasing: t[(i * n + i + 1)..<(i * n + n)])))
        diagonal = max(diagonal, abs(t[i * n + i]))
      }
    }
    offDiagonalMaxAbs = off
    maxAbs = max(off, diagonal)
  }

  /// y = S·x (BLAS `dsymv`, lower triangle; one thread below ``BLASThreads/largeOperationFlops``).
  public func multiply(_ x: [Double]) -> [Double] {
    precondition(x.count == order, "multiply: x has \(x.count) entries, S is \(order)×\(order)")
    GSLRuntime.ensureConfigured()
    var y = [Double](repeating: 0, count: order)
    if order == 0 { return y }
    let n = Int32(order)
    // The triangle streams from memory (or the last-level cache) on every call: all cores from
    // 8 MiB on, as a large operation.
    let bytes = order * (order + 1) / 2 * MemoryLayout<Double>.size
    BLASThreads.run(flops: bytes >= 1 << 23 ? BLASThreads.largeOperationFlops : 2 * Double(order) * Double(order)) {
      cblas_dsymv(CblasColMajor, CblasLower, n, 1, triangle, n, x, 1, 0, &y, 1)
    }
    return y
  }

  /// The inertia of S − `shift`·I by an LDLᵀ factorization with rook pivoting. Cost: n³/3
  /// flops, threads as ``BLASThreads``; the scratch copy is overwritten.
  ///
  /// - Throws: ``LinearAlgebraError`` when the shift is not finite or LAPACK reports an illegal
  ///   argument (a singular D is not an error: its exact zero pivots are counted in `zero`).
  public mutating func inertia(shiftedBy shift: Double) throws(LinearAlgebraError) -> Inertia {
    guard shift.isFinite else { throw .notFinite }
    GSLRuntime.ensureConfigured()
    let n = order
    if n == 0 { return Inertia(positive: 0, negative: 0, zero: 0, pivotGrowth: 0) }
    let scale = shiftedMaxAbs(shift)
    prepareScratch(shift: -shift)
    var ipiv = [Int32](repeating: 0, count: n)
    var uplo: CChar = 76  // "L"
    var nn = Int32(n), lda = Int32(n), info: Int32 = 0, lwork: Int32 = -1
    var query = 0.0
    dsytrf_rook_(&uplo, &nn, &scratch, &lda, &ipiv, &query, &lwork, &info)
    guard info == 0 else { throw .lapack(routine: "dsytrf_rook", info: Int(info)) }
    lwork = max(1, Int32(query.rounded(.up)))
    var work = [Double](repeating: 0, count: Int(lwork))
    let cube = Double(n) * Double(n) * Double(n)
    BLASThreads.run(flops: cube / 3) {
      dsytrf_rook_(&uplo, &nn, &scratch, &lda, &ipiv, &work, &lwork, &info)
    }
    guard info >= 0 else { throw .lapack(routine: "dsytrf_rook", info: Int(info)) }
    return Self.inertiaOfD(scratch, pivots: ipiv, order: n, scale: scale)
  }

  /// Whether S + `shift`·I is numerically positive definite (a Cholesky factor exists,
  /// ``PositiveDefiniteTest``); the scratch copy is overwritten. Cost: n³/3 flops.
  public mutating func isPositiveDefinite(shiftedBy shift: Double) throws(LinearAlgebraError) -> Bool {
    guard shift.isFinite else { throw .notFinite }
    if order == 0 { return true }
    prepareScratch(shift: shift)
    let cube = Double(order) * Double(order) * Double(order)
    return try BLASThreads.run(flops: cube / 3) { () throws(LinearAlgebraError) -> Bool in
      try CholeskyFactor.factorInPlace(&scratch, order: order, uplo: 76)  // 76: "L"
    }
  }

  /// Frees the scratch copy (the next factorization makes it again).
  public mutating func releaseScratch() { scratch = [] }

  /// scratch ← the triangle with `shift` added to the diagonal (only the triangle is copied).
  mutating func prepareScratch(shift: Double) {
    let n = order
    if scratch.count != n * n { scratch = [Double](unsafeUninitializedCapacity: n * n) { _, c in c = n * n } }
    triangle.withUnsafeBufferPointer { t in
      scratch.withUnsafeMutableBufferPointer { s in
        for i in 0..<n {
          let row = i * n
          (s.baseAddress! + row + i).update(from: t.baseAddress! + row + i, count: n - i)
          s[row + i] += shift
        }
      }
    }
  }

  /// max |(S − s·I)ᵢⱼ|: the off-diagonal maximum is S's own, the diagonal moves by s.
  func shiftedMaxAbs(_ shift: Double) -> Double {
    var m = offDiagonalMaxAbs
    triangle.withUnsafeBufferPointer { t in
      for i in 0..<order { m = max(m, abs(t[i * order + i] - shift)) }
    }
    return m
  }

  /// The inertia of D from `dsytrf_rook`'s "L" output (column-major, 1-based pivots: a
  /// negative pair ipiv(k), ipiv(k+1) marks a 2×2 block). A 2×2 block [[a, b], [b, c]] has
  /// det = b²·((a/b)(c/b) − 1): negative ⇒ one eigenvalue of each sign; positive ⇒ both of
  /// the sign of a + c; zero ⇒ one zero and one of the sign of a + c.
  static func inertiaOfD(_ f: [Double], pivots: [Int32], order n: Int, scale: Double) -> Inertia {
    var inertia = Inertia(positive: 0, negative: 0, zero: 0, pivotGrowth: 0)
    var largest = 0.0
    func count(_ x: Double) {
      if x > 0 { inertia.positive += 1 } else if x < 0 { inertia.negative += 1 } else { inertia.zero += 1 }
    }
    var k = 0
    while k < n {
      if pivots[k] > 0 || k + 1 == n {
        let d = f[k * n + k]
        largest = max(largest, abs(d))
        count(d)
        k += 1
      } else {
        let a = f[k * n + k], b = f[k * n + k + 1], c = f[(k + 1) * n + k + 1]
        largest = max(largest, abs(a), abs(b), abs(c))
        let trace = a + c
        if b == 0 {
          count(a)
          count(c)
        } else {
          let det = (a / b) * (c / b) - 1
          if det < 0 {
            inertia.positive += 1
            inertia.negative += 1
          } else {
            count(trace)
            if det > 0 { count(trace) } else { inertia.zero += 1 }
          }
        }
        k += 2
      }
    }
    inertia.pivotGrowth = scale > 0 ? largest / scale : 0
    return inertia
  }
}
