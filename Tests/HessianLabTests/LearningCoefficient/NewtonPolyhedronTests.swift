import Foundation
import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("NewtonPolyhedron")
struct NewtonPolyhedronTests {
  func outcome(_ expr: String) throws -> NewtonLearningCoefficient.Outcome {
    NewtonLearningCoefficient.compute(for: try PolynomialParser.parse(expr))
  }

  /// The normal-crossing table of the theory §5.4 (λ = min 1/(2k_i),
  /// m = #argmin; blocks add), written down from the theory, not from the code.
  @Test(
    "normal-crossing table of the math notes",
    arguments: [
      ("x0^4", Rational(1, 4), 1),
      ("x0^2*x1^4", Rational(1, 4), 1),
      ("(x0*x1)^2", Rational(1, 2), 2),
      ("x0^4*x1^4", Rational(1, 4), 2),
      ("x0^2*x1^6", Rational(1, 6), 1),
      ("x0^2 + x1^4", Rational(3, 4), 1),
      ("x0^2 + (x1*x2)^2", Rational(1), 2),
      ("(x0^2 + x1^2)*(x2^2 + x3^2)", Rational(1), 2),
      ("x0^2*x1^2*x2^2", Rational(1, 2), 3),
      ("x0^6*x1^2*x2^6", Rational(1, 6), 2),
      ("x0^2*x1^2 + x0^6 + x1^6", Rational(1, 2), 2),
      ("x0^2 + x1^2 + x2^2", Rational(3, 2), 1),
    ])
  func normalCrossing(expr: String, lambda: Rational, m: Int) throws {
    guard case let .known(l, mult, _) = try outcome(expr) else {
      Issue.record("\(expr): expected a known λ")
      return
    }
    #expect(l == lambda, "\(expr)")
    #expect(mult == m, "\(expr)")
  }

  @Test("(x0 − x1²)² is degenerate: unknown, never 3/4")
  func degenerate() throws {
    guard case let .unknown(reason) = try outcome("(x0 - x1^2)^2") else {
      Issue.record("a degenerate polynomial must not get a Newton λ")
      return
    }
    // Decided, not merely uncertified: G(s) = (1 − s)² has a double root.
    #expect(reason.hasPrefix("degenerate for its Newton polyhedron"), "\(reason)")
    #expect(reason.contains("G(s) = 1 - 2*s + s^2"), "\(reason)")
  }

  /// x² + xy² + y⁴ = (x + y²/2)² + (3/4)y⁴: its three-term edge reduces to
  /// G(s) = 1 + s + s², s = y²/x, which has no real root, so the polynomial is
  /// non-degenerate and λ = 1/t* = 3/4 (t* = 4/3 on the facet 2x + y = 4), m = 1.
  /// Independent check: for fixed y, x² + xy² + y⁴ < ε is an x-interval of length
  /// √(4ε − 3y⁴), so V(ε) = ∫ √(max(0, 4ε − 3y⁴)) dy; its log-log slope is λ
  /// (SciPy's quad gives 0.7500000000000 between ε = 10⁻² … 10⁻⁸). Here a midpoint
  /// rule on a fixed grid over y ∈ [−1, 1] (not rescaled with ε), whose error is
  /// O(h^{3/2}) at the square-root endpoints: with h = 2·10⁻⁶ the slope between
  /// ε = 10⁻⁴ and 10⁻⁶ is within 10⁻³ of 3/4, and a slope of 1/2 (the Hessian's
  /// lower bound, what "unknown" users fell back to) or 1 would be far outside.
  @Test("x² + xy² + y⁴ is non-degenerate: λ = 3/4, m = 1, matching the volume slope by quadrature")
  func threeTermEdge() throws {
    guard case let .known(lambda, m, source) = try outcome("x0^2 + x0*x1^2 + x1^4") else {
      Issue.record("x² + xy² + y⁴ must be decided non-degenerate")
      return
    }
    #expect(lambda == Rational(3, 4))
    #expect(m == 1)
    #expect(source.contains("non-degenerate"))
    func volume(_ eps: Double) -> Double {
      let n = 1_000_000
      let h = 2.0 / Double(n)
      var s = 0.0
      for i in 0..<n {
        let y = -1 + (Double(i) + 0.5) * h
        s += (max(0, 4 * eps - 3 * y * y * y * y)).squareRoot()
      }
      return s * h
    }
    let slope = log(volume(1e-4) / volume(1e-6)) / log(1e-4 / 1e-6)
    #expect(abs(slope - lambda.doubleValue) < 1e-3, "quadrature slope \(slope)")
    #expect(abs(slope - 0.5) > 0.2 && abs(slope - 1) > 0.2)
    let landscape = try PolynomialLandscape(expression: "x0^2 + x0*x1^2 + x1^4")
    #expect(landscape.knownAnswers.learningCoefficient.value == Rational(3, 4))
  }

  @Test("a three-term edge with no real root: x0⁴ − x0²x1² + x1⁴ has λ = 1/2, m = 1")
  func threeTermHomogeneous() throws {
    // Positive-definite binary quartic q: V(ε) = ε^{2/4}·area{q < 1}, so λ = 1/2, m = 1 (theory §5.4 rule).
    guard case let .known(l, m, _) = try outcome("x0^4 - x0^2*x1^2 + x1^4") else {
      Issue.record("G(s) = 1 − s + s² has no real root: decided non-degenerate")
      return
    }
    #expect(l == Rational(1, 2))
    #expect(m == 1)
  }

  @Test("an edge that changes sign makes the origin not a minimum, and the landscape is refused")
  func edgeChangesSign() throws {
    // x0² − 3x0x1² + x1⁴ at x0 = 1.5·x1²: x1⁴(2.25 − 4.5 + 1) < 0.
    guard case let .notAMinimum(reason) = try outcome("x0^2 - 3*x0*x1^2 + x1^4") else {
      Issue.record("K < 0 arbitrarily close to 0 must be reported")
      return
    }
    #expect(reason.contains("negative values"))
    #expect(try PolynomialParser.parse("x0^2 - 3*x0*x1^2 + x1^4").value(at: [1.5e-4, 1e-2]) < 0)
    #expect {
      _ = try PolynomialLandscape(expression: "x0^2 - 3*x0*x1^2 + x1^4")
    } throws: { error in
      (error as? InputError)?.description.contains("the origin is not a minimum") == true
    }
  }

  @Test("a two-dimensional face with an odd exponent stays undecided, and the reason says so")
  func undecidedFace() throws {
    guard case let .unknown(reason) = try outcome("x0^4 + x1^4 + x2^4 + x0^2*x1*x2") else {
      Issue.record("the face x0⁴ + x1⁴ + x2⁴ + x0²x1x2 is beyond the one-variable test")
      return
    }
    #expect(reason.hasPrefix("non-degeneracy not decided"), "\(reason)")
    #expect(reason.contains("dimension 2"))
  }

  @Test("facets of x² + y⁴: x ≥ 0, y ≥ 0 and 2x + y ≥ 4; t* = 4/3")
  func facets() throws {
    let p = try #require(NewtonPolyhedron(exponents: [[2, 0], [0, 4]]))
    #expect(Set(p.facets) == [
      .init(normal: [1, 0], offset: 0), .init(normal: [0, 1], offset: 0), .init(normal: [2, 1], offset: 4),
    ])
    #expect(p.distance == Rational(4, 3))
    #expect(p.diagonalFaceCodimension == 1)
  }

  /// The definition, written out: a is minimal when no other point is ≤ it in every coordinate.
  static func bruteMinimal(_ points: [[Int]]) -> [[Int]] {
    Array(Set(points)).filter { a in !points.contains { b in b != a && zip(b, a).allSatisfy { $0 <= $1 } } }
      .sorted { $0.lexicographicallyPrecedes($1) }
  }

  @Test("minimal points (by increasing coordinate sum) agree with the definition on 200 generated point sets")
  func minimalPointsMatchDefinition() throws {
    var g = SeededGenerator(seed: 17)
    for _ in 0..<200 {
      let d = Int.random(in: 1...4, using: &g), n = Int.random(in: 1...40, using: &g)
      let points = (0..<n).map { _ in (0..<d).map { _ in Int.random(in: 0...5, using: &g) } }.filter { $0.contains { $0 > 0 } }
      guard !points.isEmpty else { continue }
      #expect(NewtonPolyhedron.minimalPoints(of: points, dimension: d) == Self.bruteMinimal(points), "\(points)")
    }
  }

  @Test("more minimal points than the facet budget allows: nil at once, not after an O(n²) filter")
  func tooManyMinimalPoints() throws {
    // The antichain {(i, 2000 − i)} has 2001 minimal points; C(2001 + 2, 2) > 400,000.
    let points = (0...2000).map { [$0, 2000 - $0] }
    #expect(NewtonPolyhedron.minimalPoints(of: points, dimension: 2) == nil)
    #expect(NewtonPolyhedron(exponents: points) == nil)
  }

  @Test("a power of a sum (120 coplanar minimal points) has the simplex's facets: (x0 + x1 + x2²)^14 + x0^23")
  func coplanarPowerOfSum() throws {
    // Independent answer: the exponents (a, b, 2c) with a + b + c = 14 span the plane 2x + 2y + z = 28;
    // with the three coordinate facets that is Γ₊, and t* = 28/5 where the diagonal meets that plane.
    let p = try PolynomialParser.parse("(x0 + x1 + x2^2)^14 + x0^23")
    let exps = p.terms.map { t in p.usedVariables.map { t.exponents[$0] } }
    let poly = try #require(NewtonPolyhedron(exponents: exps))
    #expect(Set(poly.facets) == [
      .init(normal: [1, 0, 0], offset: 0), .init(normal: [0, 1, 0], offset: 0), .init(normal: [0, 0, 1], offset: 0),
      .init(normal: [2, 2, 1], offset: 28),
    ])
    #expect(poly.distance == Rational(28, 5))
  }
}
