import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("DirectSumLandscape")
struct DirectSumLandscapeTests {
  @Test("derivatives of a polynomial ⊕ quadratic ⊕ DLN sum are exact")
  func derivatives() throws {
    let l = try LandscapeSpec.resolve("sum:poly:x0^2 + x1^4|quad:1,3:d=3:seed=2|dln:2-1-2:rank=1")
    // M₃, M₄ of the DLN block (degree 4, entries ≤ 1.3, widths ≤ 2) dominate:
    // ≤ 4!·1.3⁴·4 ≈ 300 along a unit direction, so 1e3 is safe (tolerance ~2e-5).
    LandscapeChecks.checkAll(l, thirdDerivativeBound: 1e3, fourthDerivativeBound: 1e3, hessianScale: 20)
  }

  @Test("λ adds and m = Σm − (k − 1)")
  func additivity() throws {
    // (3/4, 1) ⊕ (1/2, 2) ⊕ (1/4, 2): λ = 3/2, m = 1 + 2 + 2 − 2 = 3 (theory §5.2).
    let l = try LandscapeSpec.resolve("sum:poly:x0^2 + x1^4|poly:(x0*x1)^2|poly:x0^4*x1^4")
    #expect(l.knownAnswers.learningCoefficient.value == Rational(3, 2))
    #expect(l.knownAnswers.multiplicity.value == 3)
    #expect(l.knownAnswers.rank.value == 1)
    #expect(l.dimension == 6)
  }

  @Test("an unknown block makes the sum unknown")
  func unknownBlock() throws {
    let l = try LandscapeSpec.resolve("sum:poly:x0^2|poly:(x0 - x1^2)^2")
    #expect(l.knownAnswers.learningCoefficient.value == nil)
    #expect(l.knownAnswers.learningCoefficient.provenance == .unknown)
  }

  @Test("a sum's provenance is its weakest block's: unknown, then computed, then theorem, then construction")
  func weakestProvenance() {
    #expect(DirectSumLandscape.weakest([.construction, .construction]) == .construction)
    #expect(DirectSumLandscape.weakest([.construction, .theorem]) == .theorem)
    #expect(DirectSumLandscape.weakest([.theorem, .computed, .construction]) == .computed)
    #expect(DirectSumLandscape.weakest([.computed, .unknown]) == .unknown)
  }
}
