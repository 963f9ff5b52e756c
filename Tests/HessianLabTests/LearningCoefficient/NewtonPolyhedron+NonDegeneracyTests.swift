import Foundation
import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("Newton face non-degeneracy")
struct NewtonFaceNonDegeneracyTests {
  /// The verdict on the polynomial's single compact edge (all its terms).
  func verdict(_ expr: String) throws -> NewtonFaceTest.Verdict {
    NewtonFaceTest.classify(try PolynomialParser.parse(expr).terms)
  }

  enum Kind: String, Sendable { case nonDegenerate, degenerate, negative, undecided }

  func kind(_ v: NewtonFaceTest.Verdict) -> Kind {
    switch v {
    case .nonDegenerate: .nonDegenerate
    case .degenerate: .degenerate
    case .takesNegativeValues: .negative
    case .undecided: .undecided
    }
  }

  func reason(_ v: NewtonFaceTest.Verdict) -> String {
    switch v {
    case let .nonDegenerate(r), let .degenerate(r), let .takesNegativeValues(r), let .undecided(r): r
    }
  }

  /// Edges whose one-variable reduction G is written down by hand: the verdict
  /// follows from G's real roots (none → non-degenerate; only even multiplicities →
  /// degenerate; an odd one → K < 0 somewhere), with s's range (ℝ∖{0} for odd k,
  /// s > 0 for even k).
  @Test(
    "edges with three or more terms",
    arguments: [
      // G = 1 + s + s², s = x1²/x0: complex roots only.
      ("x0^2 + x0*x1^2 + x1^4", Kind.nonDegenerate),
      // (x0 − x1²)²: G = (1 − s)², a double root.
      ("(x0 - x1^2)^2", .degenerate),
      // G = 1 − 3s + s²: simple irrational roots (3 ± √5)/2.
      ("x0^2 - 3*x0*x1^2 + x1^4", .negative),
      // (x0² − 3x0x1² + x1⁴)²: double irrational roots.
      ("(x0^2 - 3*x0*x1^2 + x1^4)^2", .degenerate),
      // (x0² − 2x1²)²: k = 2, G(s) = (1 − 2s)², s = x1²/x0² > 0: double root s = 1/2 (t = ±1/√2).
      ("(x0^2 - 2*x1^2)^2", .degenerate),
      // x0⁴ − x0²x1² + x1⁴: G = 1 − s + s², no real root.
      ("x0^4 - x0^2*x1^2 + x1^4", .nonDegenerate),
      // (x0² + x1²)²: G = (1 + s)², s = x1²/x0² > 0 never reaches −1 (complex-degenerate, real-non-degenerate).
      ("(x0^2 + x1^2)^2", .nonDegenerate),
      // k = 3 (odd): s = x1³/x0³ takes negative values too.
      ("x0^6 + x0^3*x1^3 + x1^6", .nonDegenerate),
      ("(x0^3 + x1^3)^2", .degenerate),
      ("x0^6 + 3*x0^3*x1^3 + x1^6", .negative),
      // Three variables: x0⁴ + x0²x1x2 + (x1x2)², s = x1x2/x0².
      ("x0^4 + x0^2*x1*x2 + x1^2*x2^2", .nonDegenerate),
      ("(x0^2 - x1*x2)^2", .degenerate),
      // Rational coefficients: (x0 − x1²/2)² + x1⁴/4 = x0² − x0x1² + x1⁴/2, G = 1 − s + s²/2 > 0.
      ("x0^2 - x0*x1^2 + 0.5*x1^4", .nonDegenerate),
    ])
  func edges(expr: String, expected: Kind) throws {
    let v = try verdict(expr)
    #expect(kind(v) == expected, "\(expr): \(reason(v))")
  }

  @Test("the reduction is named in the reason")
  func reasons() throws {
    let v = try verdict("x0^2 + x0*x1^2 + x1^4")
    #expect(reason(v).contains("G(s) = 1 + s + s^2"))
    #expect(reason(v).contains("s = x1^2/x0"))
    let w = try verdict("(x0^2 - 2*x1^2)^2")
    #expect(reason(w).contains("G(s) = 1 - 4*s + 4*s^2"))
    #expect(reason(w).contains("s > 0"))
    #expect(reason(w).contains("1 of multiplicity 2"))
  }

  @Test("vertices: a positive even monomial is fine, any other takes negative values")
  func vertices() throws {
    #expect(kind(try verdict("x0^2*x1^4")) == .nonDegenerate)
    #expect(kind(try verdict("-x0^2")) == .negative)
    #expect(kind(try verdict("x0^3*x1^2")) == .negative)
    // An edge whose endpoint has an odd exponent.
    #expect(kind(try verdict("x0^3 + x0^2*x1^2 + x0*x1^4")) == .negative)
  }

  /// Undecided only where the one-variable method does not apply: a face of
  /// dimension 2 with an odd exponent, and an edge whose G exceeds the degree limit.
  @Test("undecided: a two-dimensional face with odd exponents, and G of degree above the limit")
  func undecided() throws {
    let v = try verdict("x0^4 + x1^4 + x2^4 + x0^2*x1*x2")
    #expect(kind(v) == .undecided)
    #expect(reason(v).contains("dimension 2"))
    // Exponents (64 − j, j) at j = 0, 1, 64: k = 1, G = 1 − s + s⁶⁴ of degree 64 > 32,
    // with two sign changes (Descartes' rule does not settle it).
    let terms = [0, 1, 64].map { j in
      Polynomial.Term(exponents: [64 - j, j], coefficient: Rational(j == 1 ? -1 : 1))
    }
    let w = NewtonFaceTest.classify(terms)
    #expect(kind(w) == .undecided)
    #expect(reason(w).contains("degree 64"))
    // With j = 0, 2, 64: k = 2, G = 1 − s + s³² of degree 32, at the limit: decided
    // (its minimum over s > 0 is 1 − (31/32)·32^{−1/31} ≈ 0.134 > 0, so non-degenerate).
    let decided = NewtonFaceTest.classify([0, 2, 64].map { j in
      Polynomial.Term(exponents: [64 - j, j], coefficient: Rational(j == 2 ? -1 : 1))
    })
    #expect(kind(decided) == .nonDegenerate, "\(reason(decided))")
  }

  /// Random edge polynomials f(x, y) = Σ_j g_j x^{(J−j)p} y^{jq} = x^{Jp} g(y^q/x^p)
  /// with g built from factors whose real roots are known (a·t − b, t² − k,
  /// t² + a·t + b with a² < 4b) and random multiplicities. Expected verdict, from
  /// the construction: an endpoint monomial that is negative or has an odd exponent,
  /// or a real root of odd multiplicity → negative values; otherwise real roots →
  /// degenerate; none → non-degenerate. Each verdict is also checked numerically at
  /// torus points: f < 0 next to an odd root, f = ∇f = 0 (to rounding) at an even
  /// root, f > 0 on a grid otherwise; and NewtonLearningCoefficient gives the
  /// closed-form λ = (p + q)/(J·p·q) of the segment from (Jp, 0) to (0, Jq) exactly
  /// when the edge is non-degenerate.
  @Test("generated quasi-homogeneous edges against their construction and a numeric check")
  func generated() throws {
    var rng = SeededGenerator(seed: 13)
    var seen: [Kind: Int] = [:]
    for _ in 0..<160 {
      // g as integer coefficients from factors.
      var g = [1]
      var roots: [(value: Double, multiplicity: Int)] = []
      func times(_ f: [Int]) {
        var out = [Int](repeating: 0, count: g.count + f.count - 1)
        for (i, a) in g.enumerated() { for (j, b) in f.enumerated() { out[i + j] += a * b } }
        g = out
      }
      for _ in 0..<Int.random(in: 1...3, using: &rng) {
        let mu = Int.random(in: 1...3, using: &rng)
        switch Int.random(in: 0..<3, using: &rng) {
        case 0:
          let a = Int.random(in: 1...2, using: &rng), b = Int.random(in: -3...3, using: &rng)
          let r = Double(b) / Double(a)
          guard b != 0, !roots.contains(where: { abs($0.value - r) < 1e-9 }) else { continue }
          roots.append((r, mu))
          for _ in 0..<mu { times([-b, a]) }
        case 1:
          let k = [2, 3, 5].randomElement(using: &rng)!
          let r = Double(k).squareRoot()
          guard !roots.contains(where: { abs(abs($0.value) - r) < 1e-9 }) else { continue }
          roots += [(r, mu), (-r, mu)]
          for _ in 0..<mu { times([-k, 0, 1]) }
        default:
          let a = Int.random(in: -3...3, using: &rng)
          for _ in 0..<mu { times([a * a / 4 + 1, a, 1]) }
        }
      }
      if Int.random(in: 0..<4, using: &rng) == 0 { g = g.map { -$0 } }  // sometimes negative throughout
      let J = g.count - 1
      guard J >= 2 else { continue }
      let (p, q) = [(1, 1), (1, 2), (2, 1), (1, 3), (3, 2), (2, 3)].randomElement(using: &rng)!
      let terms = g.enumerated().filter { $0.element != 0 }.map { j, c in
        Polynomial.Term(exponents: [(J - j) * p, j * q], coefficient: Rational(c))
      }
      let poly = Polynomial(dimension: 2, terms: terms)
      func f(_ x: Double, _ y: Double) -> Double { poly.value(at: [x, y]) }
      func grad(_ x: Double, _ y: Double) -> [Double] {
        var out = [0.0, 0.0]
        poly.gradient(at: [x, y], into: &out)
        return out
      }
      // The torus point with y^q / x^p = t.
      func point(_ t: Double) -> (Double, Double) {
        if t > 0 { return (1, pow(t, 1 / Double(q))) }
        return q % 2 == 1 ? (1, -pow(-t, 1 / Double(q))) : (-1, pow(-t, 1 / Double(q)))  // q even ⇒ p odd
      }
      let endpointsPositiveEven = g[0] > 0 && g[J] > 0 && (J * p) % 2 == 0 && (J * q) % 2 == 0
      let expected: Kind =
        !endpointsPositiveEven || roots.contains(where: { $0.multiplicity % 2 == 1 }) ? .negative
        : roots.isEmpty ? .nonDegenerate : .degenerate
      let v = NewtonFaceTest.classify(terms)
      #expect(kind(v) == expected, "\(poly): \(reason(v))")
      seen[expected, default: 0] += 1

      let scale = g.map { Double(abs($0)) }.reduce(0, +) * pow(4, Double(J))
      switch expected {
      case .negative where endpointsPositiveEven:
        // Just beside a root of odd multiplicity g changes sign: one side is negative.
        let r = roots.first { $0.multiplicity % 2 == 1 }!.value
        let (x1, y1) = point(r - 0.005), (x2, y2) = point(r + 0.005)
        #expect(min(f(x1, y1), f(x2, y2)) < 0, "\(poly) at t = \(r) ± 0.005")
      case .degenerate:
        let (x, y) = point(roots[0].value)
        #expect(abs(f(x, y)) <= 1e-9 * scale, "\(poly) at t = \(roots[0].value)")
        #expect(grad(x, y).allSatisfy { abs($0) <= 1e-6 * scale }, "\(poly): ∇f at t = \(roots[0].value)")
      case .nonDegenerate:
        for k in -200...200 where k != 0 {
          let (x, y) = point(Double(k) / 20)
          #expect(f(x, y) > 0, "\(poly) at t = \(Double(k) / 20)")
        }
      default:
        break
      }
      let outcome = NewtonLearningCoefficient.compute(for: poly)
      switch (expected, outcome) {
      case (.nonDegenerate, _):
        #expect(outcome == .known(lambda: Rational(p + q, J * p * q), multiplicity: 1, source: sourceOf(outcome)), "\(poly)")
      case let (.degenerate, .unknown(why)):
        #expect(why.hasPrefix("degenerate"), "\(poly): \(why)")
      case (.negative, .notAMinimum):
        break
      default:
        Issue.record("\(poly): expected \(expected), NewtonLearningCoefficient gives \(outcome)")
      }
    }
    // Every class must be exercised, or the test could not catch a wrong verdict in it.
    #expect(seen[.nonDegenerate, default: 0] >= 15, "\(seen)")
    #expect(seen[.degenerate, default: 0] >= 15, "\(seen)")
    #expect(seen[.negative, default: 0] >= 15, "\(seen)")
  }

  func sourceOf(_ o: NewtonLearningCoefficient.Outcome) -> String {
    if case let .known(_, _, s) = o { return s }
    return ""
  }
}
