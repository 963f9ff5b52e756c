/// A polynomial in d variables as exact sparse monomials: Σ_k c_k x^{α_k}.
///
/// Coefficients are exact rationals (decimal literals such as `0.25` become
/// 1/4), exponents are non-negative integers. Evaluation, the gradient and the
/// Hessian-vector product are exact up to floating-point rounding: they
/// differentiate each monomial symbolically,
///
///     ∂/∂x_i x^α = α_i x^{α − e_i},   ∂²/∂x_i∂x_j x^α = α_i (α_j − δ_ij) x^{α − e_i − e_j}.
///
/// Cost: one evaluation is O(Σ_k |supp α_k|) multiplications (powers by repeated
/// squaring); a gradient or an HVP is O(k·s²) for k monomials with s variables each.
public struct Polynomial: Sendable, Equatable, CustomStringConvertible {
  /// One term c·x^α.
  public struct Term: Sendable, Equatable, Hashable {
    /// The exponent vector α (length d).
    public var exponents: [Int]
    /// The exact coefficient c ≠ 0.
    public var coefficient: Rational

    /// The term c·x^α as given, unchecked: ``Polynomial/init(dimension:terms:)`` checks the exponents,
    /// merges like terms and drops zero ones.
    public init(exponents: [Int], coefficient: Rational) {
      self.exponents = exponents
      self.coefficient = coefficient
    }

    /// The total degree |α|.
    public var degree: Int { exponents.reduce(0, +) }
  }

  /// The number of variables d.
  public let dimension: Int
  /// The nonzero terms, sorted by exponent vector (graded lexicographic), no two alike.
  public let terms: [Term]

  /// A polynomial from terms; like terms are merged and zero terms dropped.
  ///
  /// - Precondition: every exponent vector has length `dimension`, exponents ≥ 0.
  public init(dimension: Int, terms: [Term]) {
    var merged: [[Int]: Rational] = [:]
    for t in terms {
      precondition(t.exponents.count == dimension, "exponent vector has the wrong length")
      precondition(t.exponents.allSatisfy { $0 >= 0 }, "negative exponent")
      merged[t.exponents, default: Rational(0)] = merged[t.exponents, default: Rational(0)] + t.coefficient
    }
    self.dimension = dimension
    // Degrees computed once per term (O(n·d)), not once per comparison (O(n·log n·d)).
    var keyed: [(degree: Int, term: Term)] = []
    for (exponents, coefficient) in merged where coefficient.numerator != 0 {
      keyed.append((exponents.reduce(0, +), Term(exponents: exponents, coefficient: coefficient)))
    }
    keyed.sort { (a: (degree: Int, term: Term), b: (degree: Int, term: Term)) -> Bool in
      if a.degree != b.degree { return a.degree < b.degree }
      return a.term.exponents.lexicographicallyPrecedes(b.term.exponents, by: >)
    }
    self.terms = keyed.map { $0.term }
  }

  /// The same polynomial seen in `newDimension ≥ dimension` variables (the new ones unused).
  public func padded(to newDimension: Int) -> Polynomial {
    precondition(newDimension >= dimension, "cannot drop variables")
    let extra = [Int](repeating: 0, count: newDimension - dimension)
    return Polynomial(
      dimension: newDimension,
      terms: terms.map { Term(exponents: $0.exponents + extra, coefficient: $0.coefficient) })
  }

  /// The indices of the variables that occur in some term.
  public var usedVariables: [Int] {
    (0..<dimension).filter { i in terms.contains { $0.exponents[i] > 0 } }
  }

  /// The value at `x`. Cost: one loss evaluation.
  public func value(at x: [Double]) -> Double {
    var s = 0.0
    for t in terms { s += t.coefficient.doubleValue * Self.monomial(t.exponents, x, skip1: -1, skip2: -1) }
    return s
  }

  /// Writes ∇p(x) into `g`.
  public func gradient(at x: [Double], into g: inout [Double]) {
    for i in 0..<dimension { g[i] = 0 }
    for t in terms {
      let c = t.coefficient.doubleValue
      for i in 0..<dimension where t.exponents[i] > 0 {
        g[i] += c * Double(t.exponents[i]) * Self.monomial(t.exponents, x, skip1: i, skip2: -1)
      }
    }
  }

  /// Writes ∇²p(x)·v into `out`, exactly.
  public func hessianVectorProduct(at x: [Double], _ v: [Double], into out: inout [Double]) {
    for i in 0..<dimension { out[i] = 0 }
    for t in terms {
      let c = t.coefficient.doubleValue
      let support = (0..<dimension).filter { t.exponents[$0] > 0 }
      for i in support {
        for j in support {
          let aij = Double(t.exponents[i]) * Double(t.exponents[j] - (i == j ? 1 : 0))
          if aij == 0 { continue }
          out[i] += c * aij * Self.monomial(t.exponents, x, skip1: i, skip2: j) * v[j]
        }
      }
    }
  }

  /// x^{α − e_{skip1} − e_{skip2}} (a skip of −1 means none).
  @inline(__always)
  static func monomial(_ a: [Int], _ x: [Double], skip1: Int, skip2: Int) -> Double {
    var p = 1.0
    for i in a.indices {
      var e = a[i]
      if i == skip1 { e -= 1 }
      if i == skip2 { e -= 1 }
      if e > 0 { p *= power(x[i], e) }
    }
    return p
  }

  @inline(__always)
  static func power(_ b: Double, _ e: Int) -> Double {
    var result = 1.0, base = b, k = e
    while k > 0 {
      if k & 1 == 1 { result *= base }
      base *= base
      k >>= 1
    }
    return result
  }

  /// A readable form such as `x0^2 + 1/2*x1^4 - 2*x0*x1^2`.
  public var description: String {
    if terms.isEmpty { return "0" }
    var out = ""
    for (k, t) in terms.enumerated() {
      var c = t.coefficient
      if k == 0 {
        if c.numerator < 0 { out += "-"; c = Rational(-c.numerator, c.denominator) }
      } else {
        out += c.numerator < 0 ? " - " : " + "
        if c.numerator < 0 { c = Rational(-c.numerator, c.denominator) }
      }
      let vars = t.exponents.enumerated().filter { $0.element > 0 }
        .map { $0.element == 1 ? "x\($0.offset)" : "x\($0.offset)^\($0.element)" }
      if vars.isEmpty {
        out += c.description
      } else {
        out += (c == Rational(1) ? "" : c.description + "*") + vars.joined(separator: "*")
      }
    }
    return out
  }
}
