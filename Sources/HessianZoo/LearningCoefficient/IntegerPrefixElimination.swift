/// The null vectors of many d×(d+1) integer matrices that share their first d − 1 rows, each in
/// O(d²) operations after one O(d³) elimination of the shared rows.
///
/// The shared rows are reduced once by fraction-free (Bareiss) elimination with column skipping;
/// each last row is then carried through the same steps (r_j ← (r_j·p_s − r_{c_s}·u_{s,j}) / p_{s−1},
/// exact by Sylvester's identity with the columns permuted so that skipped ones come last), takes its
/// pivot in one of the two columns left, and the null vector follows by the fraction-free back
/// substitution of ``IntegerNullVector/of(flat:rows:)``. When the shared rows have rank < d − 1, every
/// matrix with them is rank-deficient and no last row needs any work: the Newton-polyhedron facet
/// enumeration skips whole families of subsets this way.
///
/// Cost: O(d³) for the shared rows, then O(d²) per last row; no allocation per last row but the result.
///
/// Reference: E. H. Bareiss, "Sylvester's identity and multistep integer-preserving Gaussian
/// elimination", Math. Comp. 22 (1968) 565–578.
struct IntegerPrefixElimination {
  /// d, the number of rows of each full matrix.
  let rows: Int
  /// The eliminated shared rows, (d − 1) × (d + 1) row-major.
  private var u: [Int]
  /// The pivot column of each shared row.
  private var pivotColumns: [Int] = []
  /// The pivot of each shared row.
  private var pivots: [Int] = []
  /// Scratch for the last row and the solution.
  private var last: [Int]
  private var solution: [Int]

  /// Whether the shared rows have full rank d − 1 (otherwise every matrix is rank-deficient).
  private(set) var sharedRowsHaveFullRank = true
  /// Whether an intermediate value of the shared rows left `Int` (then use ``IntegerNullVector/of(_:)``'s fallback).
  private(set) var overflowed = false

  /// Eliminates the shared rows `flat` ((d − 1) × (d + 1), row-major; empty for d = 1).
  init(sharedRows flat: [Int], rows d: Int) {
    rows = d
    let n = d + 1
    let k = d - 1
    u = flat
    last = [Int](repeating: 0, count: n)
    solution = [Int](repeating: 0, count: n)
    var previous = 1
    var s = 0
    for col in 0..<n where s < k {
      guard let p = (s..<k).first(where: { u[$0 * n + col] != 0 }) else { continue }
      if p != s { for c in 0..<n { u.swapAt(s * n + c, p * n + c) } }
      let pivot = u[s * n + col]
      guard IntegerNullVector.eliminate(&u, columns: n, pivotRow: s, pivotColumn: col, below: k, previous: previous) else {
        overflowed = true
        return
      }
      previous = pivot
      pivotColumns.append(col)
      pivots.append(pivot)
      s += 1
    }
    sharedRowsHaveFullRank = s == k
  }

  /// What ``nullVector(lastRow:into:)`` found.
  enum Status { case line, rankDeficient, overflow }

  /// The null space of the shared rows with `lastRow` (d + 1 entries) appended.
  mutating func nullVector(lastRow: [Int]) -> IntegerNullVector.Outcome {
    var v = [Int](repeating: 0, count: rows + 1)
    switch nullVector(lastRow: lastRow, into: &v) {
    case .line: return .line(v)
    case .rankDeficient: return .rankDeficient
    case .overflow: return .overflow
    }
  }

  /// ``nullVector(lastRow:)`` without allocating: on `.line`, `v` (d + 1 entries) holds the
  /// primitive null vector (sign not normalised); otherwise its contents are unspecified.
  mutating func nullVector(lastRow: [Int], into v: inout [Int]) -> Status {
    guard !overflowed else { return .overflow }
    guard sharedRowsHaveFullRank else { return .rankDeficient }
    let d = rows, n = d + 1, k = d - 1
    for j in 0..<n { last[j] = lastRow[j] }
    var previous = 1
    for s in 0..<k {
      let col = pivotColumns[s], pivot = pivots[s], factor = last[col]
      if factor == 0 && pivot == previous {
        previous = pivot
        continue  // r_j·p/p: nothing changes
      }
      for j in 0..<n where j != col {
        let (a, o1) = last[j].multipliedReportingOverflow(by: pivot)
        let (b, o2) = factor.multipliedReportingOverflow(by: u[s * n + j])
        let (diff, o3) = a.subtractingReportingOverflow(b)
        if o1 || o2 || o3 { return .overflow }
        last[j] = diff / previous
      }
      last[col] = 0
      previous = pivot
    }
    // The two columns without a shared pivot: the last row's pivot goes in one, the other is free.
    var first = -1, second = -1
    for j in 0..<n where !pivotColumns.contains(j) {
      if first < 0 { first = j } else { second = j }
    }
    let lastPivotColumn: Int, free: Int
    if last[first] != 0 {
      (lastPivotColumn, free) = (first, second)
    } else if last[second] != 0 {
      (lastPivotColumn, free) = (second, first)
    } else {
      return .rankDeficient
    }
    let D = last[lastPivotColumn]
    for j in 0..<n { solution[j] = 0 }
    solution[free] = D
    // Row d − 1 (the last): z = −D·r_free / D = −r_free.
    solution[lastPivotColumn] = -last[free]
    if last[free] == .min { return .overflow }
    for i in stride(from: k - 1, through: 0, by: -1) {
      var (acc, o) = D.multipliedReportingOverflow(by: u[i * n + free])
      if o || acc == .min { return .overflow }
      acc = -acc
      for later in (i + 1)..<d {
        let column = later < k ? pivotColumns[later] : lastPivotColumn
        let (t, o1) = u[i * n + column].multipliedReportingOverflow(by: solution[column])
        let (s, o2) = acc.subtractingReportingOverflow(t)
        if o1 || o2 { return .overflow }
        acc = s
      }
      solution[pivotColumns[i]] = acc / u[i * n + pivotColumns[i]]
    }
    var g: UInt = 0
    for x in solution { g = IntegerNullVector.gcd(g, x.magnitude) }
    if g == 0 { return .rankDeficient }
    guard let divisor = Int(exactly: g) else { return .overflow }
    for j in 0..<n { v[j] = solution[j] / divisor }
    return .line
  }
}
