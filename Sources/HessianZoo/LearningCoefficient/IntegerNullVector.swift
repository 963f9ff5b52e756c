/// The null vector of an integer d×(d+1) matrix, exactly, in machine integers.
///
/// For A ∈ ℤ^{d×(d+1)} the signed maximal minors
///
///     v_j = (−1)^j · det(A with column j deleted),   j = 0 … d,
///
/// satisfy A·v = 0 (expand det([a_i; A]) = 0 along its repeated row a_i), and v ≠ 0 exactly
/// when rank A = d; then the null space is the line through v. Each minor is computed by
/// Bareiss' fraction-free elimination, whose every intermediate value is itself a minor of A
/// and whose divisions are exact. All arithmetic reports overflow instead of trapping, so
/// a caller can fall back to rational elimination (`RationalElimination`).
///
/// This is the fast path of the Newton-polyhedron facet enumeration, which solves one such
/// system per d-subset of generators: no allocation per rational operation, no gcd per step.
///
/// Computed without forming the minors: one fraction-free elimination and a back substitution
/// scaled by the last pivot (``of(flat:rows:)``), whose every value is again a minor or a minor
/// times an integer solution component, so the result is the same line.
///
/// Cost: O(d³) integer operations (d(d+1) per elimination step), no allocation but the result.
///
/// Reference: E. H. Bareiss, "Sylvester's identity and multistep integer-preserving Gaussian
/// elimination", Math. Comp. 22 (1968) 565–578, doi:10.1090/S0025-5718-1968-0226829-0.
enum IntegerNullVector {
  /// What the exact computation found.
  enum Outcome: Sendable, Equatable {
    /// rank A = d: the primitive integer vector spanning the null space (its sign is not normalised).
    case line([Int])
    /// rank A < d: the null space has dimension ≥ 2.
    case rankDeficient
    /// An intermediate value left the range of `Int`: use exact rational arithmetic instead.
    case overflow
  }

  /// The null space of `rows` (d rows of d + 1 integers each, d ≥ 1).
  static func of(_ rows: [[Int]]) -> Outcome {
    let d = rows.count
    precondition(d >= 1 && rows.allSatisfy { $0.count == d + 1 }, "d rows of d + 1 entries")
    var m = rows.flatMap { $0 }
    return of(flat: &m, rows: d)
  }

  /// The null space of the d×(d+1) row-major matrix in `m` (overwritten), in O(d³) operations:
  /// one fraction-free (Bareiss) elimination with column skipping finds the pivot columns; with
  /// f the column without a pivot, the system A_{−f}·y = −a_f is solved by fraction-free back
  /// substitution scaled by the last pivot D = ±det(A_{−f}), so that z = D·y is integral by
  /// Cramer's rule and every division is exact; v = (z, D at f) / gcd.
  static func of(flat m: inout [Int], rows d: Int) -> Outcome {
    let n = d + 1
    var pivotColumns: [Int] = []
    pivotColumns.reserveCapacity(d)
    var free = -1
    var previous = 1
    var k = 0
    for col in 0..<n {
      guard k < d else {
        if free < 0 { free = col }
        continue
      }
      guard let p = (k..<d).first(where: { m[$0 * n + col] != 0 }) else {
        if free >= 0 { return .rankDeficient }  // a second column without a pivot
        free = col
        continue
      }
      if p != k { for c in 0..<n { m.swapAt(k * n + c, p * n + c) } }
      let pivot = m[k * n + col]
      guard eliminate(&m, columns: n, pivotRow: k, pivotColumn: col, below: d, previous: previous) else { return .overflow }
      previous = pivot
      pivotColumns.append(col)
      k += 1
    }
    guard k == d, free >= 0 else { return .rankDeficient }
    let D = m[(d - 1) * n + pivotColumns[d - 1]]
    var v = [Int](repeating: 0, count: n)
    v[free] = D
    for i in stride(from: d - 1, through: 0, by: -1) {
      // z_i = (−D·u_{i,f} − Σ_{k>i} u_{i,p_k} z_k) / u_{i,p_i}.
      var (acc, o) = D.multipliedReportingOverflow(by: m[i * n + free])
      if o || acc == .min { return .overflow }
      acc = -acc
      for kk in (i + 1)..<d {
        let (t, o1) = m[i * n + pivotColumns[kk]].multipliedReportingOverflow(by: v[pivotColumns[kk]])
        let (s, o2) = acc.subtractingReportingOverflow(t)
        if o1 || o2 { return .overflow }
        acc = s
      }
      v[pivotColumns[i]] = acc / m[i * n + pivotColumns[i]]
    }
    return primitiveLine(v)
  }

  /// One fraction-free (Bareiss) step on the row-major matrix `m` with `n` columns: every row from
  /// `pivotRow + 1` up to `below` becomes r_j ← (r_j·p − r_c·u_j) / p_prev with pivot p = m[pivotRow][c]
  /// and the previous pivot p_prev, exact by Sylvester's identity (with the columns permuted so that
  /// skipped ones come last); column c becomes 0. Returns false on `Int` overflow. Cost: O(rows·n).
  static func eliminate(
    _ m: inout [Int], columns n: Int, pivotRow k: Int, pivotColumn col: Int, below rows: Int, previous: Int
  ) -> Bool {
    let pivot = m[k * n + col]
    for i in (k + 1)..<max(k + 1, rows) {
      let factor = m[i * n + col]
      for j in 0..<n where j != col {
        let (a, o1) = m[i * n + j].multipliedReportingOverflow(by: pivot)
        let (b, o2) = factor.multipliedReportingOverflow(by: m[k * n + j])
        let (diff, o3) = a.subtractingReportingOverflow(b)
        if o1 || o2 || o3 { return false }
        m[i * n + j] = diff / previous
      }
      m[i * n + col] = 0
    }
    return true
  }

  /// v divided by the gcd of its entries: the primitive vector of its line, `.rankDeficient` for
  /// v = 0, `.overflow` when the gcd is not an `Int`.
  static func primitiveLine(_ v: [Int]) -> Outcome {
    var g: UInt = 0
    for x in v { g = gcd(g, x.magnitude) }
    if g == 0 { return .rankDeficient }
    guard let divisor = Int(exactly: g) else { return .overflow }
    return .line(v.map { $0 / divisor })
  }

  /// det of the n×n row-major matrix in `m` (overwritten), or nil on overflow.
  static func determinant(_ m: inout [Int], order n: Int) -> Int? {
    var sign = 1
    var previous = 1
    for k in 0..<n {
      if m[k * n + k] == 0 {
        guard let p = ((k + 1)..<n).first(where: { m[$0 * n + k] != 0 }) else { return 0 }
        for c in 0..<n { m.swapAt(k * n + c, p * n + c) }
        sign = -sign
      }
      let pivot = m[k * n + k]
      for i in (k + 1)..<n {
        for j in (k + 1)..<n {
          let (a, o1) = m[i * n + j].multipliedReportingOverflow(by: pivot)
          let (b, o2) = m[i * n + k].multipliedReportingOverflow(by: m[k * n + j])
          let (diff, o3) = a.subtractingReportingOverflow(b)
          if o1 || o2 || o3 { return nil }
          // Exact by Sylvester's identity (previous ≠ 0: it is the last pivot).
          m[i * n + j] = diff / previous
        }
      }
      previous = pivot
    }
    let det = m[(n - 1) * n + (n - 1)]
    return sign == 1 ? det : (det == .min ? nil : -det)
  }

  static func gcd(_ a: UInt, _ b: UInt) -> UInt { b == 0 ? a : gcd(b, a % b) }
}
