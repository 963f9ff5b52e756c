import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("Learning-coefficient bounds from the Hessian rank")
struct LearningCoefficientBoundsTests {
  @Test("the bounds are r/2 and r/2 + (d − r)/4, exactly")
  func closedForm() {
    let b = LearningCoefficientBounds(rank: 1, dimension: 2, source: .hessian)
    #expect(b.lower == Rational(1, 2))
    #expect(b.upper == Rational(3, 4))
    #expect(b.warnings.isEmpty)
    let dln = LearningCoefficientBounds(rank: 39, dimension: 48, source: .hessian)
    #expect(dln.lower == Rational(39, 2) && dln.upper == Rational(87, 4))
  }

  /// Deterministic (no randomness): every zoo entry whose λ is known, with its
  /// known Hessian rank, must have λ inside [r/2, r/2 + (d − r)/4].
  @Test("on every zoo landscape with a known λ the bounds contain it", arguments: Zoo.all.map(\.id))
  func zooContainsExact(id: String) throws {
    let land = try #require(try Zoo.entry(id: id)?.make())
    let exact = ExactLearningCoefficient(of: land)
    guard let lambda = exact.value, let r = land.knownAnswers.rank.value else { return }
    let b = LearningCoefficientBounds(rank: r, dimension: land.dimension, source: .hessian)
    #expect(b.contains(lambda), "\(id): λ = \(lambda) outside [\(b.lower), \(b.upper)]")
    #expect(exact.provenance != .unknown)
  }

  /// The check can fail: a rank over-counted by one (what the covariance read-out
  /// can return on x² + y⁴) puts the lower bound 1 above λ = 3/4, and the
  /// covariance source carries the warning that says so.
  @Test("an over-counted rank breaks the lower bound and is flagged")
  func overCountFails() throws {
    let land = try LandscapeSpec.resolve("poly:x0^2 + x1^4")
    let lambda = try #require(ExactLearningCoefficient(of: land).value)
    let b = LearningCoefficientBounds(rank: 2, dimension: 2, source: .covarianceReadout)
    #expect(!b.contains(lambda))
    #expect(b.warnings.map(\.code) == [.covarianceRankOverCount], "\(b.warnings)")
    // The same rank from the Hessian or stated carries no such warning.
    #expect(LearningCoefficientBounds(rank: 2, dimension: 2, source: .hessian).warnings.isEmpty)
    #expect(LearningCoefficientBounds(rank: 2, dimension: 2, source: .stated).warnings.isEmpty)
    // and an under-counted rank cannot break the lower bound but can break the upper one:
    let quad = LearningCoefficientBounds(rank: 0, dimension: 1, source: .stated)
    #expect(!quad.contains(Rational(1, 2)))
  }
}
