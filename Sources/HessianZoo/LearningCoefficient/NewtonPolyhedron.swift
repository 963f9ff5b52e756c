/// The Newton polyhedron of a polynomial and the learning coefficient it gives.
///
/// For f = Σ_k c_k x^{α_k} with f(0) = 0, the Newton polyhedron is
///
///     Γ₊(f) = conv{α_k} + ℝ₊^d.
///
/// Its Newton distance t* is the t where (t, …, t) meets the boundary of Γ₊.
/// When f ≥ 0 near 0 and f is non-degenerate for Γ₊ (for every compact face τ,
/// f_τ = Σ_{α_k ∈ τ} c_k x^{α_k} has no singular point in the real torus
/// (ℝ∖{0})^d: Lin's real condition; Varchenko's asks it on (ℂ∖{0})^d, which is
/// stronger, see `NewtonFaceTest`), the real log canonical threshold of f at 0 is
///
///     λ = 1/t*,   m = codimension of the face of Γ₊ whose relative interior contains (t*, …, t*).
///
/// Everything is exact: the facets are enumerated from d-subsets of the
/// generators (the exponents α_k and the rays e_i), each hyperplane found by
/// `IntegerNullVector` (rational elimination when machine integers would overflow),
/// t* = max over facets ⟨w, x⟩ ≥ c of c / Σw, and m = rank of the normals of
/// the facets through (t*, …, t*).
///
/// Non-degeneracy is decided face by face by `NewtonFaceTest`, exactly where
/// it can be: vertices, faces of positive monomials with even exponents, and every
/// edge (a face of dimension 1, any number of terms), whose polynomial reduces to
/// one variable, G(s), whose real roots are counted with their multiplicities by
/// Sturm sequences over the integers. x² + xy² + y⁴ (G = 1 + s + s², no real
/// root) is non-degenerate with λ = 3/4; `(x0 − x1²)²` has the compact edge
/// {x0², −2x0x1², x1⁴} with G = (1 − s)², a double root, so it is degenerate and
/// its true λ = 1/2 differs from the Newton value 3/4. A face of dimension ≥ 2 with
/// a negative coefficient or an odd exponent stays undecided, and λ is then
/// unknown with the face named in the reason.
///
/// Cost: O(C(n + d, d)) small exact eliminations for n monomials in d used
/// variables, each candidate plane tested against the n points in O(n·d) only when it is new and
/// the point that refuted the previous candidate does not refute it; no loss evaluations.
///
/// References: A. N. Varchenko, "Newton polyhedra and estimation of oscillating
/// integrals", Funct. Anal. Appl. 10 (1976) 175–196, doi:10.1007/BF01075524;
/// S. Lin, *Algebraic methods for evaluating integrals in Bayesian statistics*,
/// PhD thesis, UC Berkeley (2011), ch. 4 (real non-degeneracy, RLCT = 1/t*);
/// S. Watanabe, *Algebraic Geometry and Statistical Learning Theory*, CUP (2009), §7.
public struct NewtonPolyhedron: Sendable, Equatable {
  /// A facet {x : ⟨normal, x⟩ = offset} with Γ₊ ⊂ {⟨normal, x⟩ ≥ offset}; normal ≥ 0, primitive.
  public struct Facet: Sendable, Equatable, Hashable {
    /// w, non-negative integers, not all zero, one per used variable; (w, offset) has no common factor.
    public var normal: [Int]
    /// c = min ⟨w, α_k⟩ over the exponents; the facet gives the candidate Newton distance c/Σw.
    public var offset: Int
  }

  /// The exponent vectors (only the used variables).
  public let exponents: [[Int]]
  /// The facets of Γ₊.
  public let facets: [Facet]
  /// The Newton distance t*.
  public let distance: Rational
  /// The codimension of the face met by the diagonal.
  public let diagonalFaceCodimension: Int
  /// The monomial index sets of the compact faces (vertices, edges, …).
  public let compactFaces: [[Int]]

  /// The largest facet enumeration attempted (number of generator subsets).
  public static let maximumSubsetCount = 400_000

  /// Builds Γ₊ for the given exponent vectors (all of length d ≥ 1, none zero);
  /// `nil` when the exact enumeration would be larger than ``maximumSubsetCount``, or a facet normal
  /// does not fit in `Int`.
  public init?(exponents: [[Int]]) {
    guard let d = exponents.first?.count, d > 0 else { return nil }
    precondition(exponents.allSatisfy { $0.count == d && $0.contains { $0 > 0 } }, "nonzero exponents of length d")
    self.exponents = exponents
    guard let minimal = Self.minimalPoints(of: exponents, dimension: d) else { return nil }
    let n = minimal.count
    guard Self.binomial(n + d, d) <= Self.maximumSubsetCount else { return nil }

    var found = Set<Facet>()
    // Generators 0..<n are points, n..<n+d are rays e_i.
    // Subsets in lexicographic order share their first d − 1 generators: those rows are eliminated
    // once per prefix (IntegerPrefixElimination), each last generator costs O(d²), and a prefix of
    // rank < d − 1 skips every subset that starts with it.
    func row(_ g: Int) -> [Int] {
      g < n ? minimal[g] + [-1] : (0...d).map { $0 == g - n ? 1 : 0 }
    }
    let generatorRows = (0..<(n + d)).map(row)
    var v = [Int](repeating: 0, count: d + 1)
    var foundPlanes = Set<[Int]>(), witness = 0
    var unrepresentable = false
    Self.forEachSubset(of: n + d, size: d - 1) { prefix in
      var elimination = IntegerPrefixElimination(sharedRows: prefix.flatMap { generatorRows[$0] }, rows: d)
      if !elimination.overflowed && !elimination.sharedRowsHaveFullRank { return }
      let prefixHasPoint = prefix.contains { $0 < n }
      for g in ((prefix.last ?? -1) + 1)..<(n + d) where prefixHasPoint || g < n {
        switch elimination.nullVector(lastRow: generatorRows[g], into: &v) {
        case .rankDeficient: continue
        case .line: break
        case .overflow:
          // Rare: solve exactly in rationals.
          let rows: [[Rational]] = (prefix + [g]).map { generatorRows[$0].map { Rational($0) } }
          let null = RationalElimination.nullspace(rows, columns: d + 1)
          guard null.count == 1 else { continue }
          v = RationalElimination.primitiveInteger(null[0])
        }
        // The normal w = v[0..<d] must be ≥ 0 and nonzero (after the sign is chosen), and every
        // point on or above the plane w·x = c = v[d]; checked in place, no allocation per subset.
        var anyNegative = false
        for i in 0..<d where v[i] < 0 { anyNegative = true }
        if anyNegative {
          // −Int.min is not an Int: such a facet cannot be represented (then no exact answer).
          if v.contains(.min) {
            unrepresentable = true
            continue
          }
          for i in 0...d { v[i] = -v[i] }
        }
        var valid = true, anyPositive = false
        for i in 0..<d {
          if v[i] < 0 { valid = false }
          if v[i] > 0 { anyPositive = true }
        }
        guard valid, anyPositive else { continue }
        // A plane already accepted needs no second O(n·d) test: when many points are coplanar
        // (a power of a sum, `(x0 + x1 + x2²)^14`), almost every subset gives the same facet.
        if foundPlanes.contains(v) { continue }
        // The point that refuted the last candidate is tried first: neighbouring subsets span
        // neighbouring planes, so one point usually refutes a run of them in O(d).
        let c = Int128(v[d])
        if Self.dot(v, minimal[witness]) < c { continue }
        if let refuting = minimal.firstIndex(where: { Self.dot(v, $0) < c }) {
          witness = refuting
          continue
        }
        foundPlanes.insert(v)
        found.insert(Facet(normal: Array(v[0..<d]), offset: v[d]))
      }
    }
    if unrepresentable { return nil }
    facets = found.sorted {
      $0.offset != $1.offset ? $0.offset < $1.offset : $0.normal.lexicographicallyPrecedes($1.normal)
    }
    // t* = max c/Σw.
    var best = Rational(0)
    for f in facets {
      let t = Rational(f.offset, f.normal.reduce(0, +))
      if best < t { best = t }
    }
    distance = best
    let through = facets.filter { Rational($0.offset, $0.normal.reduce(0, +)) == best }
    diagonalFaceCodimension = RationalElimination.rank(
      through.map { $0.normal.map { Rational($0) } }, columns: d)

    // Compact faces: closure of facet monomial sets under intersection, kept
    // when the sum of the normals of all facets containing them is positive.
    let facetList = facets
    let facetSets = facetList.map { f in Set(exponents.indices.filter { Self.dot(f.normal, exponents[$0]) == Int128(f.offset) }) }
    var family = Set(facetSets.filter { !$0.isEmpty })
    var frontier = Array(family)
    while let s = frontier.popLast() {
      for t in facetSets {
        let i = s.intersection(t)
        if !i.isEmpty, family.insert(i).inserted { frontier.append(i) }
      }
    }
    compactFaces = family.filter { s in
      var sum = [Int](repeating: 0, count: d)
      for (f, fs) in zip(facetList, facetSets) where s.isSubset(of: fs) {
        for i in 0..<d { sum[i] += f.normal[i] }
      }
      return sum.allSatisfy { $0 > 0 }
    }.map { $0.sorted() }.sorted { $0.lexicographicallyPrecedes($1) }
  }

  /// The minimal points of `exponents` (no other point is ≤ them in every coordinate), which
  /// generate the same Γ₊, sorted lexicographically; `nil` as soon as there are more than the facet
  /// enumeration's budget allows in dimension d.
  ///
  /// A point b ≤ a with b ≠ a has a smaller coordinate sum, and then some minimal point lies below
  /// it too: so, in order of increasing sum, a point is minimal exactly when no minimal point kept so
  /// far lies below it. Cost: O(n·m·d) for n points and m ≤ the budget's largest m minimal ones.
  static func minimalPoints(of exponents: [[Int]], dimension d: Int) -> [[Int]]? {
    var largest = 0
    while binomial(largest + 1 + d, d) <= maximumSubsetCount { largest += 1 }
    func sum(_ a: [Int]) -> Int128 { a.reduce(Int128(0)) { $0 + Int128($1) } }
    let distinct = Array(Set(exponents)).map { (point: $0, sum: sum($0)) }
      .sorted { $0.sum != $1.sum ? $0.sum < $1.sum : $0.point.lexicographicallyPrecedes($1.point) }
    var minimal: [[Int]] = []
    for (a, _) in distinct {
      let dominated = minimal.contains { b in
        for i in 0..<d where b[i] > a[i] { return false }
        return true
      }
      if dominated { continue }
      minimal.append(a)
      if minimal.count > largest { return nil }
    }
    return minimal.sorted { $0.lexicographicallyPrecedes($1) }
  }

  /// Σ_{i < b.count} a_i·b_i exactly, in 128-bit integers (a facet normal from the rational fallback
  /// can have entries near Int.max, whose products with exponents would trap in Int), by an index
  /// loop: the facet test runs it for every point of every candidate facet. `a` may be longer than
  /// `b` (a null vector (w, c) against a point x gives w·x).
  static func dot(_ a: [Int], _ b: [Int]) -> Int128 {
    var s = 0
    for i in b.indices {
      let (p, o1) = a[i].multipliedReportingOverflow(by: b[i])
      let (t, o2) = s.addingReportingOverflow(p)
      if o1 || o2 {
        var wide: Int128 = 0
        for j in b.indices { wide += Int128(a[j]) * Int128(b[j]) }
        return wide
      }
      s = t
    }
    return Int128(s)
  }

  static func binomial(_ n: Int, _ k: Int) -> Int {
    var r = 1
    for i in 0..<min(k, n - k) {
      r = r * (n - i) / (i + 1)
      if r > Int(Int32.max) { return r }
    }
    return r
  }

  static func forEachSubset(of n: Int, size k: Int, _ body: ([Int]) -> Void) {
    guard k <= n else { return }
    var idx = Array(0..<k)
    while true {
      body(idx)
      var i = k - 1
      while i >= 0 && idx[i] == n - k + i { i -= 1 }
      if i < 0 { return }
      idx[i] += 1
      for j in (i + 1)..<k { idx[j] = idx[j - 1] + 1 }
    }
  }
}

/// The exact learning coefficient of a polynomial potential, or why it is unknown.
public enum NewtonLearningCoefficient {
  /// The outcome of the Newton-polyhedron computation.
  public enum Outcome: Sendable, Equatable {
    /// λ and m are known exactly; `source` explains how.
    case known(lambda: Rational, multiplicity: Int, source: String)
    /// The polynomial is degenerate, its non-degeneracy is undecided, or it is too large: λ is not given.
    case unknown(reason: String)
    /// K takes negative values arbitrarily close to 0 (a vertex monomial, or an edge polynomial,
    /// that is negative somewhere on the real torus): the origin is not a minimum.
    case notAMinimum(reason: String)
  }

  /// λ and m of K = p at the origin via the Newton polyhedron of p (flat,
  /// unused variables contribute 0 to λ and nothing to m). Every compact face is
  /// classified by `NewtonFaceTest`: a face negative somewhere on the torus gives
  /// `.notAMinimum`; otherwise a degenerate face, then an undecided one, gives
  /// `.unknown` naming it; otherwise λ = 1/t* is known.
  ///
  /// Cost: see ``NewtonPolyhedron``; no loss evaluations.
  public static func compute(for p: Polynomial) -> Outcome {
    let used = p.usedVariables
    if p.terms.isEmpty { return .unknown(reason: "K ≡ 0: every point is a minimum") }
    if p.terms.contains(where: { $0.degree == 0 }) {
      return .notAMinimum(reason: "the value at the origin is \(p.terms[0].coefficient), not 0")
    }
    let exps = p.terms.map { t in used.map { t.exponents[$0] } }
    guard let poly = NewtonPolyhedron(exponents: exps) else {
      return .unknown(reason: "the Newton polyhedron is too large for the exact facet enumeration")
    }
    // Every compact face first (a face where K takes negative values settles it), then the verdict.
    var degenerate: [String] = [], undecided: [String] = []
    for face in poly.compactFaces.sorted(by: { $0.count < $1.count }) {
      switch NewtonFaceTest.classify(face.map { p.terms[$0] }) {
      case .nonDegenerate: continue
      case let .takesNegativeValues(reason): return .notAMinimum(reason: reason)
      case let .degenerate(reason): degenerate.append(reason)
      case let .undecided(reason): undecided.append(reason)
      }
    }
    let newtonValue = "1/t* = \(Rational(1) / poly.distance)"
    if let reason = degenerate.first {
      return .unknown(reason: "degenerate for its Newton polyhedron: \(reason); so \(newtonValue) need not be λ")
    }
    if let reason = undecided.first {
      return .unknown(reason: "non-degeneracy not decided: \(reason); so \(newtonValue) need not be λ")
    }
    let lambda = Rational(1) / poly.distance
    return .known(
      lambda: lambda, multiplicity: poly.diagonalFaceCodimension,
      source: "Newton polyhedron (non-degenerate): λ = 1/t* with t* = \(poly.distance), m = codimension \(poly.diagonalFaceCodimension) of the face met by the diagonal (Varchenko 1976; Lin 2011)")
  }
}
