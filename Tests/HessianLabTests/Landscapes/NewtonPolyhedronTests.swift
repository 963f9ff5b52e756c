import Testing

@testable import HessianLab

@Suite("NewtonPolyhedron")
struct NewtonPolyhedronTests {
  func outcome(_ expr: String) throws -> NewtonLearningCoefficient.Outcome {
    NewtonLearningCoefficient.compute(for: try PolynomialParser.parse(expr))
  }

  /// The normal-crossing table of the math notes §3.3 (λ = min 1/(2k_i),
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
    #expect(reason.contains("non-degeneracy"))
  }

  @Test("a three-term mixed-sign compact face is not certified")
  func binomialFace() throws {
    // x0⁴ − x0²x1² + x1⁴ has the edge {x0⁴, x0²x1², x1⁴} (three terms, mixed signs): uncertified.
    guard case .unknown = try outcome("x0^4 - x0^2*x1^2 + x1^4") else {
      Issue.record("three-term mixed-sign face must be uncertified")
      return
    }
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
}
