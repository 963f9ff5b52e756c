/// The exact real non-degeneracy test of one compact face of a Newton polyhedron.
///
/// The condition (S. Lin, PhD thesis, UC Berkeley 2011, ch. 4, for real analytic
/// K and its real log canonical threshold): for every compact face γ, the face
/// polynomial f_γ = Σ_{α_k ∈ γ} c_k x^{α_k} has no *singular point* in the real
/// torus (ℝ∖{0})^d, i.e. no x there with ∇f_γ(x) = 0. (Varchenko's 1976
/// condition asks the same on the complex torus (ℂ∖{0})^d; it implies the real one
/// and is not used here: (x² + y²)² is complex-degenerate, real-non-degenerate,
/// and its real λ = 1/2 is the Newton value.) A compact face has a weight
/// w > 0 with ⟨w, α⟩ = c > 0 on it, so f_γ is quasi-homogeneous and Euler's
/// relation Σ w_i x_i ∂_i f_γ = c·f_γ makes every singular point a zero of f_γ.
///
/// Besides degeneracy the test decides the sign: if f_γ(x) < 0 at a torus point
/// then K(t^{w₁}x₁, …, t^{w_d}x_d) = t^c f_γ(x) + O(t^{c+1}) < 0 for small t > 0,
/// so the origin is not a minimum.
///
/// Decided exactly:
/// - a vertex c·x^α: > 0 on the torus iff c > 0 and every α_i is even, otherwise it
///   takes negative values;
/// - a face whose monomials all have even exponents and positive coefficients:
///   f_γ > 0 on the torus, so no zero and no singular point;
/// - an edge (a face of dimension 1), any number of terms: its exponents are
///   α₀ + j·v (v primitive, j = 0 … J), so f_γ = x^{α₀}·g(t) with t = x^v and
///   g(t) = Σ c_j t^j, g(0) ≠ 0. Because α₀ and v are linearly independent,
///   x_i∂_i f_γ = x^{α₀}(α₀ᵢ g(t) + vᵢ t g′(t)) = 0 for all i iff g(t) = g′(t) = 0:
///   the singular points are the multiple roots of g; and because v is primitive
///   (some vᵢ odd), t = x^v takes every nonzero real value. With k = gcd of the j's,
///   g(t) = G(s), s = t^k, which ranges over ℝ∖{0} (k odd) or (0, ∞) (k even) with
///   the same multiplicities. The endpoint monomials being positive with even
///   exponents (checked as vertices), x^{α₀} > 0, and so: no real root of G in the
///   range → non-degenerate and f_γ > 0; a real root of odd multiplicity → f_γ
///   changes sign (not a minimum); only roots of even multiplicity → each is a
///   singular zero on the torus (degenerate). The roots are counted exactly by
///   ``IntegerPolynomial`` (Sturm sequences over the integers; irrational roots
///   are no harder than rational ones).
///
/// Undecided: a face of dimension ≥ 2 with a negative coefficient or an odd
/// exponent (its reduction has two or more variables, a polynomial system this
/// test does not solve), and an edge whose reduced G has degree above
/// ``maximumReducedDegree`` unless Descartes' rule of signs settles it (no sign
/// change: no root; one: a single simple root).
///
/// Examples: x² + xy² + y⁴ → G(s) = 1 + s + s², s = y²/x, no real root:
/// non-degenerate (λ = 3/4); (x − y²)² → G(s) = (1 − s)²: degenerate (true λ = 1/2,
/// the Newton value 3/4 is wrong); x² − 3xy² + y⁴ → G has the simple roots
/// (3 ± √5)/2: not a minimum.
///
/// Cost: one exact rank of at most (terms − 1) exponent differences, then for an edge
/// the Sturm sequences of ``IntegerPolynomial/realRootMultiplicities(in:)`` on a
/// polynomial of degree ≤ J/k; no loss evaluations.
///
/// References: A. N. Varchenko, Funct. Anal. Appl. 10 (1976) 175–196,
/// doi:10.1007/BF01075524; A. G. Kushnirenko, "Polyèdres de Newton et nombres de
/// Milnor", Invent. Math. 32 (1976) 1–31; S. Lin (2011), ch. 4.
enum NewtonFaceTest {
  /// The verdict on one compact face.
  enum Verdict: Sendable, Equatable {
    /// f_γ has no singular point on the real torus (and is > 0 there); `reason` says why.
    case nonDegenerate(reason: String)
    /// f_γ ≥ 0 on the real torus but has a singular zero there: the Newton value 1/t* is not certified.
    case degenerate(reason: String)
    /// f_γ < 0 somewhere on the real torus: K takes negative values arbitrarily close to the origin.
    case takesNegativeValues(reason: String)
    /// The test cannot decide this face; `reason` says why.
    case undecided(reason: String)
  }

  /// The largest degree of the one-variable reduction G that is decided by Sturm
  /// sequences (refused above it to bound the run time: a dense G of degree 32 with
  /// 30-bit coefficients takes about 2 s in a debug build). Descartes' rule of signs
  /// decides some G of any degree first.
  static let maximumReducedDegree = 32

  /// Classifies the compact face with the given terms (exponent vectors of equal
  /// length; the caller guarantees they form a compact face of Γ₊, so they lie on
  /// a hyperplane ⟨w, α⟩ = c with w > 0, c > 0).
  static func classify(_ terms: [Polynomial.Term]) -> Verdict {
    guard let first = terms.first else { return .undecided(reason: "empty face") }
    let d = first.exponents.count
    let face = Polynomial(dimension: d, terms: terms)
    func positiveEven(_ t: Polynomial.Term) -> Bool {
      t.coefficient.numerator > 0 && t.exponents.allSatisfy { $0 % 2 == 0 }
    }
    func vertexNegative(_ t: Polynomial.Term) -> Verdict {
      .takesNegativeValues(
        reason: "the vertex monomial \(Polynomial(dimension: d, terms: [t])) of the Newton polyhedron takes negative values arbitrarily close to the origin")
    }
    if terms.count == 1 {
      return positiveEven(first)
        ? .nonDegenerate(reason: "a positive monomial with even exponents is > 0 on the real torus")
        : vertexNegative(first)
    }
    if terms.allSatisfy(positiveEven) {
      return .nonDegenerate(reason: "f_γ = \(face) has positive coefficients and even exponents, so f_γ > 0 on the real torus")
    }
    let differences = terms.dropFirst().map { t in zip(t.exponents, first.exponents).map { Rational($0 - $1) } }
    let dimension = RationalElimination.rank(differences, columns: d)
    guard dimension == 1 else {
      return .undecided(
        reason: "the compact face polynomial \(face) spans a face of dimension \(dimension) and has a negative coefficient or an odd exponent; the exact test reduces edges (dimension 1) to one variable and does not decide higher faces")
    }

    // Edge: α = base + j·v, v primitive, j = 0 … J.
    let u = differences.first { $0.contains { $0.numerator != 0 } }!.map(\.numerator)
    let g = u.reduce(0) { Rational.gcd(abs($0), abs($1)) }
    let v = u.map { $0 / g }
    let pivot = v.firstIndex { $0 != 0 }!
    var steps: [Int] = []
    for t in terms {
      let j = (t.exponents[pivot] - first.exponents[pivot]) / v[pivot]
      guard (0..<d).allSatisfy({ t.exponents[$0] == first.exponents[$0] + j * v[$0] }) else {
        return .undecided(reason: "the exponents of \(face) are not collinear lattice points")
      }
      steps.append(j)
    }
    let jMin = steps.min()!
    let powers = steps.map { $0 - jMin }
    let base = (0..<d).map { first.exponents[$0] + jMin * v[$0] }
    guard RationalElimination.rank([base.map { Rational($0) }, v.map { Rational($0) }], columns: d) == 2 else {
      return .undecided(reason: "the edge \(face) lies on a line through the origin, so it is not a compact face")
    }
    let top = powers.max()!
    for (t, e) in zip(terms, powers) where (e == 0 || e == top) && !positiveEven(t) { return vertexNegative(t) }

    let k = powers.reduce(0) { Rational.gcd($0, $1) }
    let degree = top / k
    let sMonomial = monomialText(v.map { $0 * k })
    let coefficients = Dictionary(uniqueKeysWithValues: zip(powers.map { $0 / k }, terms.map(\.coefficient)))
    let gText = univariateText(coefficients, variable: "s")
    let domain: IntegerPolynomial.Domain = k % 2 == 0 ? .positive : .realLine
    let domainText = domain == .positive ? "s > 0" : "s ≠ 0"
    let reduction = "f_γ = \(face) = \(monomialText(base))·G(s) with G(s) = \(gText), s = \(sMonomial), which takes every real value \(domainText) on the real torus"
    // Descartes' rule of signs: the number of positive roots, with multiplicity, is the
    // number of sign changes of G's coefficients minus an even number (of G(−s)'s for
    // negative roots). 0 changes: no root on that side; 1 change: exactly one, simple.
    let ascending = coefficients.sorted { $0.key < $1.key }
    func signChanges(_ signs: [Int]) -> Int { zip(signs, signs.dropFirst()).filter { $0 != $1 }.count }
    let positiveChanges = signChanges(ascending.map { $0.value.numerator > 0 ? 1 : -1 })
    let negativeChanges = signChanges(ascending.map { ($0.value.numerator > 0) == ($0.key % 2 == 0) ? 1 : -1 })
    if positiveChanges == 1 || (domain == .realLine && negativeChanges == 1) {
      return .takesNegativeValues(
        reason: "\(reduction); by Descartes' rule of signs G has exactly one root with s \(positiveChanges == 1 ? "> 0" : "< 0"), a simple one, where it changes sign: f_γ, and K, take negative values arbitrarily close to the origin")
    }
    if positiveChanges == 0 && (domain == .positive || negativeChanges == 0) {
      return .nonDegenerate(
        reason: "\(reduction); by Descartes' rule of signs G has no root with \(domainText), so f_γ > 0 on the real torus (no singular point)")
    }
    guard degree <= maximumReducedDegree else {
      return .undecided(reason: "\(reduction): G has degree \(degree) > \(maximumReducedDegree), beyond the exact root count's limit")
    }
    // Clear denominators: G·L has integer coefficients, L > 0.
    var lcm = BigInteger.one
    for c in coefficients.values {
      let den = BigInteger(c.denominator)
      lcm = BigInteger.exactQuotient(lcm, BigInteger.gcd(lcm, den)) * den
    }
    var integer = [BigInteger](repeating: .zero, count: degree + 1)
    for (power, c) in coefficients {
      integer[power] = BigInteger(c.numerator) * BigInteger.exactQuotient(lcm, BigInteger(c.denominator))
    }
    let multiplicities = IntegerPolynomial(integer).realRootMultiplicities(in: domain)
    if multiplicities.isEmpty {
      return .nonDegenerate(
        reason: "\(reduction); G has no real root with \(domainText) (Sturm), so f_γ > 0 on the real torus (no singular point)")
    }
    let described = multiplicities.sorted { $0.key < $1.key }
      .map { "\($0.value) of multiplicity \($0.key)" }.joined(separator: ", ")
    if multiplicities.keys.contains(where: { $0 % 2 == 1 }) {
      return .takesNegativeValues(
        reason: "\(reduction); G has real roots with \(domainText) (\(described); Sturm) and changes sign at one of odd multiplicity: f_γ, and K, take negative values arbitrarily close to the origin")
    }
    return .degenerate(
      reason: "\(reduction); G ≥ 0 there, and its real roots with \(domainText) (\(described); Sturm) are multiple roots, so f_γ has a singular zero on the real torus")
  }

  /// x^a as text with negative exponents in a denominator, e.g. `x1^2/x0`.
  static func monomialText(_ a: [Int]) -> String {
    func part(_ pairs: [(Int, Int)]) -> String {
      pairs.map { $0.1 == 1 ? "x\($0.0)" : "x\($0.0)^\($0.1)" }.joined(separator: "*")
    }
    let up = a.enumerated().filter { $0.element > 0 }.map { ($0.offset, $0.element) }
    let down = a.enumerated().filter { $0.element < 0 }.map { ($0.offset, -$0.element) }
    let numerator = up.isEmpty ? "1" : part(up)
    if down.isEmpty { return numerator }
    let denominator = part(down)
    return numerator + "/" + (down.count > 1 ? "(\(denominator))" : denominator)
  }

  /// Σ c_i s^i as text, ascending powers, e.g. `1 - 2*s + s^2`.
  static func univariateText(_ coefficients: [Int: Rational], variable s: String) -> String {
    var out = ""
    for (k, (power, coefficient)) in coefficients.sorted(by: { $0.key < $1.key }).enumerated() {
      let negative = coefficient.numerator < 0
      let magnitude = Rational(abs(coefficient.numerator), coefficient.denominator)
      out += k == 0 ? (negative ? "-" : "") : (negative ? " - " : " + ")
      let unit = power == 0 ? "" : power == 1 ? s : "\(s)^\(power)"
      if unit.isEmpty {
        out += magnitude.description
      } else {
        out += (magnitude == Rational(1) ? "" : magnitude.description + "*") + unit
      }
    }
    return out
  }
}
