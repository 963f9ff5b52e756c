/// A polynomial potential L(w) = p(w) with a minimum at the origin, from an
/// exact expression such as `x0^2 + x1^4 + (x2*x3)^2`.
///
/// The gradient, Hessian and HVP are exact (symbolic differentiation of the
/// sparse monomials, ``Polynomial``). Construction refuses a polynomial whose
/// origin is not a minimum: value ≠ 0, gradient ≠ 0, an indefinite quadratic
/// part, or a Newton-polyhedron vertex monomial or edge polynomial that takes
/// negative values on the real torus (`NewtonFaceTest`).
///
/// Known answers:
/// - Hessian at 0 = the quadratic part's matrix (exact), rank by exact rational elimination;
/// - λ, m: if the quadratic part is positive definite in the used variables,
///   λ = (#used)/2, m = 1 (Morse lemma); otherwise the Newton polyhedron
///   (``NewtonLearningCoefficient``), or unknown with the reason when p is
///   degenerate for it or its non-degeneracy is undecided. Unused (flat) variables add 0.
///
/// Cost: one loss evaluation per ``loss(at:)``; an HVP costs O(k·s²) for k
/// terms of s variables. Reference: Watanabe, *Algebraic Geometry and
/// Statistical Learning Theory*, CUP (2009).
public struct PolynomialLandscape: Landscape {
  /// The label: the `name` given, otherwise `poly:<expression>`.
  public let name: String
  /// p, including any unused (flat) variables it was padded with.
  public let polynomial: Polynomial
  /// The dense Hessian at 0 (the quadratic part), its exact rank (`.computed`), and λ, m from the Morse lemma
  /// or the Newton polyhedron, or unknown with the reason.
  public let knownAnswers: KnownAnswers
  /// float64: the coefficients are exact rationals and every product is computed in double precision.
  public var precision: Precision { .float64 }
  /// d, the number of variables of ``polynomial``, flat ones included.
  public var dimension: Int { polynomial.dimension }
  /// The origin; construction refuses p when the checks above show the origin is not a minimum.
  public var minimum: [Double] { [Double](repeating: 0, count: polynomial.dimension) }

  /// Parses `expression` (see ``PolynomialParser``) and pads it with
  /// `flatDimensions` unused coordinates.
  ///
  /// - Throws: ``InputError`` for a parse error or when the origin is not a minimum.
  public init(expression: String, dimension: Int? = nil, flatDimensions: Int = 0, name: String? = nil)
    throws(InputError)
  {
    let label = name ?? "poly:\(expression)"
    let p = try PolynomialParser.parse(expression, dimension: dimension, inputName: label)
    try self.init(name: label, polynomial: p.padded(to: p.dimension + flatDimensions))
  }

  /// A landscape from an already expanded polynomial.
  ///
  /// - Throws: ``InputError`` naming `name` when the origin is not a minimum.
  public init(name: String, polynomial p: Polynomial) throws(InputError) {
    self.name = name
    self.polynomial = p
    let d = p.dimension
    if let c = p.terms.first(where: { $0.degree == 0 }) {
      throw InputError.spec(name, problem: "the origin is not a minimum: the value there is \(c.coefficient), not 0")
    }
    if let t = p.terms.first(where: { $0.degree == 1 }) {
      let i = t.exponents.firstIndex(of: 1) ?? 0
      throw InputError.spec(name, problem: "the origin is not a minimum: the gradient there is not 0 (∂/∂x\(i) = \(t.coefficient))")
    }
    // Quadratic part: H_ij = ∂²p/∂x_i∂x_j(0), exact.
    var exact = [[Rational]](repeating: [Rational](repeating: Rational(0), count: d), count: d)
    for t in p.terms where t.degree == 2 {
      let s = t.exponents.indices.filter { t.exponents[$0] > 0 }
      if s.count == 1 {
        exact[s[0]][s[0]] = t.coefficient * Rational(2)
      } else {
        exact[s[0]][s[1]] = t.coefficient
        exact[s[1]][s[0]] = t.coefficient
      }
    }
    let h = Matrix(rows: d, columns: d, elements: exact.flatMap { $0.map(\.doubleValue) })
    let rank = RationalElimination.rank(exact, columns: d)
    if rank > 0, let values = try? SymmetricEigen.values(of: h),
      let lowest = values.first, lowest < -Double(d) * 64 * Double.ulpOfOne * (values.last ?? 1)
    {
      throw InputError.spec(
        name, problem: "the origin is not a minimum: the Hessian there has the negative eigenvalue \(lowest)")
    }
    let used = p.usedVariables
    let lambda: Known<Rational>
    let multiplicity: Known<Int>
    if !used.isEmpty, rank == used.count, used.allSatisfy({ i in exact[i][i].numerator > 0 }) {
      let src = "Morse lemma: positive-definite Hessian in the \(used.count) used variables, λ = \(used.count)/2, m = 1"
      lambda = Known(Rational(used.count, 2), provenance: .theorem, source: src)
      multiplicity = Known(1, provenance: .theorem, source: src)
    } else {
      switch NewtonLearningCoefficient.compute(for: p) {
      case let .known(l, m, source):
        lambda = Known(l, provenance: .theorem, source: source)
        multiplicity = Known(m, provenance: .theorem, source: source)
      case let .unknown(reason):
        lambda = .unknown(reason)
        multiplicity = .unknown(reason)
      case let .notAMinimum(reason):
        throw InputError.spec(name, problem: "the origin is not a minimum: \(reason)")
      }
    }
    knownAnswers = KnownAnswers(
      rank: Known(rank, provenance: .computed, source: "exact rank of the quadratic part (rational elimination)"),
      learningCoefficient: lambda, multiplicity: multiplicity, hessian: .dense(h))
  }

  /// p(w). Cost: one loss evaluation, O(Σ_k |supp α_k|) multiplications.
  public func loss(at w: [Double]) -> Double { polynomial.value(at: w) }

  /// Writes ∇p(w) into `g` (length d) by symbolic differentiation of each monomial.
  public func gradient(at w: [Double], into g: inout [Double]) { polynomial.gradient(at: w, into: &g) }

  /// Writes ∇²p(w)·v into `out` (length d), exactly. Cost: one HVP, O(k·s²) for k terms of s variables.
  public func hessianVectorProduct(at w: [Double], _ v: [Double], into out: inout [Double]) {
    polynomial.hessianVectorProduct(at: w, v, into: &out)
  }
}
