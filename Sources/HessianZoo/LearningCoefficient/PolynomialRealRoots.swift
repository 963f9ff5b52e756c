/// A polynomial in one variable with integer coefficients, and the exact count
/// of its real roots by multiplicity (Sturm's theorem), for the Newton-polyhedron
/// non-degeneracy test of an edge (``NewtonFaceTest``).
///
/// Sturm's theorem: for the sequence p₀ = g, p₁ = g′, p_{i+1} = −rem(p_{i−1}, p_i),
/// ending at a constant multiple of gcd(g, g′), the number of *distinct* real
/// roots of g in (a, b] (a, b not roots) is V(a) − V(b), V(x) = the number of
/// sign changes of p₀(x), p₁(x), … (zeros skipped); this holds for g with
/// multiple roots too. Each p_i is kept as a positive multiple of the true
/// remainder (pseudo-division, then division by the content), so every sign is
/// exact and no coefficient is rounded.
///
/// Multiplicities: with g₀ = g and g_{k+1} = gcd(g_k, g_k′), a root of g of
/// multiplicity μ is a root of g_k of multiplicity μ − k for k < μ and no root of
/// g_μ, so N_k − N_{k+1} (N_k = distinct real roots of g_k) counts the real roots
/// of multiplicity exactly k + 1.
///
/// Cost: for degree n, O(n²) coefficient operations per Sturm sequence and per
/// gcd, on integers whose size grows at most linearly in n (primitive
/// pseudo-remainder sequences); the chain of gcds has at most max-multiplicity
/// terms. References: B. Sturm (1835); G. E. Collins, "Subresultants and reduced
/// polynomial remainder sequences", J. ACM 14 (1967) 128–142; S. Basu, R. Pollack,
/// M.-F. Roy, *Algorithms in Real Algebraic Geometry*, 2nd ed., Springer (2006), §2.2, §10.1.
struct IntegerPolynomial: Sendable, Equatable, CustomStringConvertible {
  /// c₀, c₁, …, c_n (ascending powers); no trailing zero, empty for the zero polynomial.
  private(set) var coefficients: [BigInteger]

  /// Σ cᵢ tⁱ from ascending coefficients (trailing zeros dropped).
  init(_ coefficients: [BigInteger]) {
    var c = coefficients
    while c.last?.isZero == true { c.removeLast() }
    self.coefficients = c
  }

  /// Σ cᵢ tⁱ from `Int` coefficients, ascending.
  init(_ coefficients: [Int]) { self.init(coefficients.map(BigInteger.init)) }

  /// The degree; −1 for the zero polynomial.
  var degree: Int { coefficients.count - 1 }

  /// True for the zero polynomial.
  var isZero: Bool { coefficients.isEmpty }

  /// The leading coefficient (0 for the zero polynomial).
  var leadingCoefficient: BigInteger { coefficients.last ?? .zero }

  /// "c0 + c1*t + c2*t^2 …" (for messages and test failures).
  var description: String {
    if isZero { return "0" }
    return coefficients.enumerated().filter { !$0.element.isZero }
      .map { $0.offset == 0 ? "\($0.element)" : "\($0.element)*t^\($0.offset)" }.joined(separator: " + ")
  }

  /// g′.
  var derivative: IntegerPolynomial {
    IntegerPolynomial(coefficients.enumerated().dropFirst().map { BigInteger($0.offset) * $0.element })
  }

  /// The gcd of the coefficients, ≥ 0.
  var content: BigInteger { coefficients.reduce(.zero) { BigInteger.gcd($0, $1) } }

  /// g divided by its (positive) content: the same roots, the same signs.
  var primitivePart: IntegerPolynomial {
    let c = content
    if c.isZero || c == .one { return self }
    return IntegerPolynomial(coefficients.map { BigInteger.exactQuotient($0, c) })
  }

  /// The value at 0, as a sign (−1, 0, 1).
  var signAtZero: Int { coefficients.first?.signum ?? 0 }
  /// The sign as t → +∞.
  var signAtPlusInfinity: Int { leadingCoefficient.signum }
  /// The sign as t → −∞.
  var signAtMinusInfinity: Int { degree % 2 == 0 ? leadingCoefficient.signum : -leadingCoefficient.signum }

  /// A positive multiple of the remainder of a by b: with δ = deg a − deg b,
  /// lc(b)^{δ+1}·a = q·b + r (pseudo-division), times the sign of lc(b)^{δ+1}.
  ///
  /// - Precondition: b ≠ 0.
  static func positiveRemainder(_ a: IntegerPolynomial, _ b: IntegerPolynomial) -> IntegerPolynomial {
    precondition(!b.isZero, "division by the zero polynomial")
    if a.degree < b.degree { return a }
    let lc = b.leadingCoefficient
    let delta = a.degree - b.degree
    var r = a.coefficients
    // Each step multiplies the running remainder by lc and cancels its leading term.
    for _ in 0...delta {
      guard r.count - 1 >= b.degree else {
        r = r.map { $0 * lc }
        continue
      }
      let top = r[r.count - 1]
      let shift = r.count - 1 - b.degree
      r = r.map { $0 * lc }
      for i in 0...b.degree { r[i + shift] = r[i + shift] - top * b.coefficients[i] }
      while r.last?.isZero == true { r.removeLast() }
    }
    var out = IntegerPolynomial(r)
    // r carries the factor lc^{δ+1}; make it a positive multiple of the true remainder.
    if lc.isNegative && (delta + 1) % 2 == 1 { out = IntegerPolynomial(out.coefficients.map { -$0 }) }
    return out
  }

  /// gcd(a, b), primitive with a positive leading coefficient (1 when coprime;
  /// 0 only for a = b = 0). Primitive pseudo-remainder sequence.
  static func gcd(_ a: IntegerPolynomial, _ b: IntegerPolynomial) -> IntegerPolynomial {
    var x = a.primitivePart, y = b.primitivePart
    if x.degree < y.degree { swap(&x, &y) }
    while !y.isZero {
      (x, y) = (y, positiveRemainder(x, y).primitivePart)
    }
    if x.leadingCoefficient.isNegative { x = IntegerPolynomial(x.coefficients.map { -$0 }) }
    return x
  }

  /// The Sturm sequence g, g′, −rem, … (each a positive multiple of the classical term).
  var sturmSequence: [IntegerPolynomial] {
    guard !isZero else { return [] }
    var seq = [primitivePart]
    var next = derivative.primitivePart
    while !next.isZero {
      seq.append(next)
      let r = Self.positiveRemainder(seq[seq.count - 2], next)
      next = IntegerPolynomial(r.coefficients.map { -$0 }).primitivePart
    }
    return seq
  }

  /// Where real roots are counted.
  enum Domain: Sendable, Equatable {
    /// The whole real line.
    case realLine
    /// t > 0.
    case positive
  }

  /// The number of distinct real roots in `domain`; 0 for a nonzero constant.
  ///
  /// - Precondition: the polynomial is not zero, and g(0) ≠ 0 when `domain` is `.positive`.
  func distinctRealRootCount(in domain: Domain) -> Int {
    precondition(!isZero, "the zero polynomial has every number as a root")
    if degree == 0 { return 0 }
    let seq = sturmSequence
    func variations(_ signs: [Int]) -> Int {
      let nonzero = signs.filter { $0 != 0 }
      return zip(nonzero, nonzero.dropFirst()).filter { $0 != $1 }.count
    }
    let upper = variations(seq.map(\.signAtPlusInfinity))
    switch domain {
    case .realLine:
      return variations(seq.map(\.signAtMinusInfinity)) - upper
    case .positive:
      precondition(signAtZero != 0, "0 must not be a root when counting positive roots")
      return variations(seq.map(\.signAtZero)) - upper
    }
  }

  /// For each multiplicity μ ≥ 1 with at least one real root of exactly that
  /// multiplicity in `domain`, the number of such distinct roots.
  ///
  /// - Precondition: as for ``distinctRealRootCount(in:)``.
  func realRootMultiplicities(in domain: Domain) -> [Int: Int] {
    var counts: [Int] = []
    var g = self.primitivePart
    while g.degree > 0 {
      counts.append(g.distinctRealRootCount(in: domain))
      g = Self.gcd(g, g.derivative)
    }
    counts.append(0)
    var out: [Int: Int] = [:]
    for k in 0..<(counts.count - 1) where counts[k] > counts[k + 1] { out[k + 1] = counts[k] - counts[k + 1] }
    return out
  }
}
