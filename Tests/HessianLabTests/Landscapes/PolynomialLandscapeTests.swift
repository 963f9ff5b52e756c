import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("PolynomialLandscape")
struct PolynomialLandscapeTests {
  @Test("derivatives of x0² + x1⁴ + (x2·x3)² − x0·x1²·x2 + 0.5·x3⁶ are exact")
  func derivatives() throws {
    let l = try PolynomialLandscape(expression: "x0^2 + x1^4 + (x2*x3)^2 + 0.5*x3^6 + x0^2*x1^2*x2^2")
    // |w_i| ≤ 0.3 at the test points; every k-th directional derivative of a monomial
    // c·x^α along a unit vector is at most |c|·deg^k·(#vars)^{k/2} ≤ |c|·6^4·4^2 there.
    // Σ|c| ≤ 4.5, so 4.5·6⁴·16 ≈ 9.3e4 bounds both M₃ and M₄.
    LandscapeChecks.checkAll(l, thirdDerivativeBound: 1e5, fourthDerivativeBound: 1e5, hessianScale: 10)
  }

  @Test("flat dimensions are unused and keep λ")
  func flat() throws {
    let l = try PolynomialLandscape(expression: "x0^2 + x1^4", flatDimensions: 3)
    #expect(l.dimension == 5)
    #expect(l.loss(at: [0, 0, 1, 2, 3]) == 0)
    #expect(l.knownAnswers.learningCoefficient.value == Rational(3, 4))
    #expect(l.knownAnswers.rank.value == 1)
    // Counted from the expression by exact rational elimination: computed, not constructed.
    #expect(l.knownAnswers.rank.provenance == .computed)
  }

  @Test("Hessian at 0 of the quadratic part: x0² + 3·x0·x1 + 4·x1² gives [[2,3],[3,8]]")
  func quadraticPart() throws {
    let l = try PolynomialLandscape(expression: "x0^2 + 3*x0*x1 + 4*x1^2")
    #expect(l.knownAnswers.hessian == .dense(Matrix(rowArrays: [[2, 3], [3, 8]])))
    // Positive definite in both used variables: Morse, λ = 2/2.
    #expect(l.knownAnswers.learningCoefficient.value == Rational(1))
  }

  @Test(
    "the origin must be a minimum",
    arguments: [
      ("x0^2 + 1", "value there is 1"),
      ("x0^2 + x1", "gradient there is not 0"),
      ("x0^2 - x1^2", "negative eigenvalue"),
      ("x0^3", "takes negative values"),
      ("x0^2 - x1^4", "takes negative values"),
    ])
  func refusesNonMinima(expression: String, fragment: String) {
    #expect {
      _ = try PolynomialLandscape(expression: expression)
    } throws: { error in
      (error as? InputError)?.description.contains(fragment) == true
    }
  }
}
