import Foundation

/// A generated landscape with the answers it was built to have, printable as a
/// spec that ``LandscapeSpec/resolve(_:name:hessianCheck:)`` accepts.
public enum GeneratedCase: Sendable, Equatable, CustomStringConvertible {
  /// `quad:EIGS:d=D[:seed=S]`: nonzero eigenvalues with exact multiplicities,
  /// axis-aligned or in a seeded random orthonormal basis. Constructed rank =
  /// the number of nonzero eigenvalues; λ_LLC = r/2.
  case quadratic(dimension: Int, groups: [EigenGroup], rotationSeed: UInt64?)
  /// `poly:TERMS:d=D`: a sum of positive even monomials c·∏x_i^{2k_i}.
  /// Constructed rank = the number of variables with a pure x_i² term.
  case polynomial(dimension: Int, terms: [Monomial])

  /// An eigenvalue and its exact multiplicity.
  public struct EigenGroup: Sendable, Equatable {
    /// The eigenvalue (nonzero; the generator draws positive values).
    public var value: Double
    /// Its multiplicity: how many eigenvalues equal `value`.
    public var count: Int
    /// A group of `count` eigenvalues equal to `value`.
    public init(value: Double, count: Int) {
      self.value = value
      self.count = count
    }
  }

  /// c·∏ x_i^{e_i} with c ≥ 1 and every e_i even (0 = absent).
  public struct Monomial: Sendable, Equatable {
    /// The integer coefficient c (≥ 1).
    public var coefficient: Int
    /// The exponent e_i of each variable index i (0-based: `x0` is the first); every e_i even, 0 or absent = variable absent.
    public var exponents: [Int: Int]
    /// The monomial `coefficient`·∏ x_i^{exponents[i]}.
    public init(coefficient: Int, exponents: [Int: Int]) {
      self.coefficient = coefficient
      self.exponents = exponents
    }
    /// The total degree Σ e_i.
    public var degree: Int { exponents.values.reduce(0, +) }
    var text: String {
      let factors = exponents.keys.sorted().compactMap { k in exponents[k].flatMap { $0 > 0 ? "x\(k)^\($0)" : nil } }
      let parts = (coefficient == 1 ? [] : ["\(coefficient)"]) + factors
      return parts.isEmpty ? "\(coefficient)" : parts.joined(separator: "*")
    }
  }

  /// The number of parameters d.
  public var dimension: Int {
    switch self {
    case let .quadratic(d, _, _), let .polynomial(d, _): d
    }
  }

  /// The spec text.
  public var spec: String {
    switch self {
    case let .quadratic(d, groups, seed):
      let eigs = groups.map { g in
        let v = String(format: "%.6g", g.value)
        return g.count == 1 ? v : "\(v)*\(g.count)"
      }.joined(separator: ",")
      return "quad:\(eigs):d=\(d)" + (seed.map { ":seed=\($0)" } ?? "")
    case let .polynomial(d, terms):
      return "poly:" + terms.map(\.text).joined(separator: " + ") + ":d=\(d)"
    }
  }

  public var description: String { spec }

  /// The rank it was built to have.
  public var constructedRank: Int {
    switch self {
    case let .quadratic(_, groups, _): groups.reduce(0) { $0 + $1.count }
    case let .polynomial(_, terms):
      Set(terms.filter { $0.degree == 2 }.flatMap { $0.exponents.filter { $0.value > 0 }.map(\.key) }).count
    }
  }

  /// The learning coefficient when the construction fixes it: r/2 for a
  /// quadratic (Morse lemma); for a polynomial, the Newton-polyhedron value the
  /// landscape certifies, if any (the independent claim there is only the rank).
  public var constructedLearningCoefficient: Rational? {
    switch self {
    case .quadratic: Rational(constructedRank, 2)
    case .polynomial: nil
    }
  }

  /// The landscape and its claims as a ``VerificationCase``.
  ///
  /// - Throws: ``InputError`` if the spec does not resolve (a generator bug).
  public func verificationCase() throws(InputError) -> VerificationCase {
    let land = try LandscapeSpec.resolve(spec)
    let lambda = constructedLearningCoefficient ?? land.knownAnswers.learningCoefficient.value
    return VerificationCase(
      id: spec, landscape: land, claimedDimension: dimension, claimedRank: constructedRank,
      claimedLearningCoefficient: lambda, origin: "generated")
  }
}

/// Random landscapes for property checks: quadratics (dimension, rank,
/// spectrum shape, exact multiplicities, rotation) and degenerate polynomials
/// (sums of positive even monomials). Deterministic in the seed.
public enum LandscapeGenerator {
  /// The spectrum shapes drawn for quadratics.
  public enum SpectrumShape: CaseIterable, Sendable {
    /// The eigenvalue of group k = 0, 1, …: `flat` 1 + k; `linear` 1 + 2k; `logSpread` (k + 1)·10ʲ with
    /// j drawn from −2…2 per group; `clustered` 1 + 10⁻³·k (nearly equal).
    case flat, linear, logSpread, clustered
  }

  /// One generated case from `seed`: a quadratic or a polynomial with equal odds.
  public static func generate(seed: UInt64, maxDimension: Int = 10) -> GeneratedCase {
    var rng = SeededGenerator(seed: seed)
    return rng.nextUniform() < 0.5
      ? quadratic(using: &rng, maxDimension: maxDimension) : polynomial(using: &rng, maxDimension: maxDimension)
  }

  static func int(_ range: ClosedRange<Int>, _ rng: inout SeededGenerator) -> Int {
    range.lowerBound + Int(rng.next() % UInt64(range.count))
  }

  /// A random quadratic: d ∈ 1…maxDimension, r ∈ 0…d, groups with exact multiplicities.
  public static func quadratic(using rng: inout SeededGenerator, maxDimension: Int = 10) -> GeneratedCase {
    let d = int(1...max(1, maxDimension), &rng)
    let r = int(0...d, &rng)
    let shape = SpectrumShape.allCases[int(0...3, &rng)]
    var groups: [GeneratedCase.EigenGroup] = []
    var left = r
    var k = 0
    while left > 0 {
      let count = rng.nextUniform() < 0.3 ? int(1...left, &rng) : 1
      let value: Double
      switch shape {
      case .flat: value = 1 + Double(k)  // distinct groups, multiplicities exact
      case .linear: value = 1 + 2 * Double(k)
      case .logSpread: value = pow(10, Double(int(-2...2, &rng))) * Double(k + 1)
      case .clustered: value = 1 + 1e-3 * Double(k)
      }
      groups.append(.init(value: value, count: count))
      left -= count
      k += 1
    }
    let rotation: UInt64? = rng.nextUniform() < 0.5 ? UInt64(int(1...999, &rng)) : nil
    return .quadratic(dimension: d, groups: groups, rotationSeed: rotation)
  }

  /// A random sum of 1…4 positive even monomials in d ∈ 1…maxDimension variables
  /// (each of degree 2…8, exponents 2, 4 or 6, coefficient 1…3).
  public static func polynomial(using rng: inout SeededGenerator, maxDimension: Int = 10) -> GeneratedCase {
    let d = int(1...max(1, maxDimension), &rng)
    let termCount = int(1...4, &rng)
    var terms: [GeneratedCase.Monomial] = []
    for _ in 0..<termCount {
      let vars = int(1...min(2, d), &rng)
      var exps: [Int: Int] = [:]
      for _ in 0..<vars { exps[int(0...(d - 1), &rng)] = 2 * int(1...3, &rng) }
      let m = GeneratedCase.Monomial(coefficient: int(1...3, &rng), exponents: exps)
      if !terms.contains(where: { $0.exponents == m.exponents }) { terms.append(m) }
    }
    return .polynomial(dimension: d, terms: terms)
  }
}
