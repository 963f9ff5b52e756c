/// Exact Gaussian elimination over the rationals, for the small integer systems
/// of the Newton-polyhedron computation and exact ranks of quadratic forms.
///
/// Cost: O(r·c·min(r, c)) rational operations for an r×c matrix. Entries must
/// stay within 64-bit numerators and denominators (true for the small exponent
/// and coefficient ranges HessianLab uses; overflow traps rather than lies).
enum RationalElimination {
  /// Reduced row echelon form and the pivot columns.
  static func rowEchelon(_ rows: [[Rational]], columns: Int) -> (rows: [[Rational]], pivots: [Int]) {
    var m = rows
    var pivots: [Int] = []
    var r = 0
    for c in 0..<columns where r < m.count {
      guard let p = (r..<m.count).first(where: { m[$0][c].numerator != 0 }) else { continue }
      m.swapAt(r, p)
      let inv = Rational(1) / m[r][c]
      m[r] = m[r].map { $0 * inv }
      for i in 0..<m.count where i != r && m[i][c].numerator != 0 {
        let f = m[i][c]
        for j in 0..<columns { m[i][j] = m[i][j] - f * m[r][j] }
      }
      pivots.append(c)
      r += 1
    }
    return (Array(m.prefix(r)), pivots)
  }

  /// The rank of a rational matrix given by rows.
  static func rank(_ rows: [[Rational]], columns: Int) -> Int {
    rowEchelon(rows, columns: columns).pivots.count
  }

  /// A basis of the null space {x : A x = 0}.
  static func nullspace(_ rows: [[Rational]], columns: Int) -> [[Rational]] {
    let (reduced, pivots) = rowEchelon(rows, columns: columns)
    let free = (0..<columns).filter { !pivots.contains($0) }
    return free.map { f in
      var x = [Rational](repeating: Rational(0), count: columns)
      x[f] = Rational(1)
      for (i, p) in pivots.enumerated() { x[p] = Rational(0) - reduced[i][f] }
      return x
    }
  }

  /// The primitive integer vector on the ray of a rational vector.
  static func primitiveInteger(_ v: [Rational]) -> [Int] {
    let l = v.reduce(1) { lcm($0, $1.denominator) }
    let ints = v.map { $0.numerator * (l / $0.denominator) }
    let g = ints.reduce(0) { Rational.gcd(abs($0), abs($1)) }
    return g == 0 ? ints : ints.map { $0 / g }
  }

  static func lcm(_ a: Int, _ b: Int) -> Int { a / Rational.gcd(a, b) * b }
}
