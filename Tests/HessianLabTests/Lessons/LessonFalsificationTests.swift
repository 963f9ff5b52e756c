import Foundation
import HessianLab
import Testing
import TestSupport

/// Each lesson's claim, falsified: with a wrong landscape or estimator injected,
/// the lesson's own check must fail (a check that cannot fail checks nothing).
@Suite("Lessons fail when their claim is falsified")
struct LessonFalsificationTests {
  @Test("Lesson 1: counting every nonzero eigenvalue (τ = 0) miscounts the rank")
  func lesson1() async throws {
    var p = Lesson01HessianRank()
    p.policy = .absolute(0)
    #expect(try await LessonCurriculumTests.fails(1, p, check: "rank-matches-construction"))
  }

  @Test("Lesson 2: a forward difference with a coarse step is not an exact HVP")
  func lesson2() async throws {
    var p = Lesson02HessianVectorProducts()
    p.product = { land, w, v in
      let h = 0.1
      let g0 = land.gradient(at: w), g1 = land.gradient(at: zip(w, v).map { $0 + h * $1 })
      return zip(g1, g0).map { ($0 - $1) / h }
    }
    #expect(try await LessonCurriculumTests.fails(2, p, check: "hvp-exact"))
  }

  @Test("Lesson 3: with all nonzero eigenvalues distinct, Lanczos no longer under-counts")
  func lesson3() async throws {
    var p = Lesson03LanczosMultiplicity()
    p.landscape = "quad:1,2,3,4,5,6,7,8,9,10,11,12,13,14,15:d=30:seed=3"
    #expect(try await LessonCurriculumTests.fails(3, p, check: "lanczos-counts-distinct"))
    // …and it no longer warns about a multiplicity it does not have.
    #expect(try await LessonCurriculumTests.fails(3, p, check: "lanczos-names-multiplicity"))
  }

  @Test("Lesson 4: judging the float32 matrix with float64's ε does not recover the rank")
  func lesson4() async throws {
    var p = Lesson04NumericalRank()
    p.roundedPrecision = .float64
    #expect(try await LessonCurriculumTests.fails(4, p, check: "own-precision-recovers"))
  }

  @Test("Lesson 5: a biased trace estimator (×1.1) is caught")
  func lesson5() async throws {
    var p = Lesson05StochasticSpectra()
    p.traceEstimator = { op, probes, rng in
      var g = rng
      let scaled = HessianOperator(dimension: op.dimension, name: "1.1·H") { x, y in
        try op.apply(x, into: &y)
        for i in y.indices { y[i] *= 1.1 }
      }
      return try TraceEstimators.hutchinson(of: scaled, probes: probes, using: &g)
    }
    #expect(try await LessonCurriculumTests.fails(5, p, check: "hutchinson-unbiased"))
  }

  @Test("Lesson 6: (μ,λ) truncation with μ/λ = 1/2 does not follow κ(λ, d)")
  func lesson6() async throws {
    var p = Lesson06CovarianceQuadratic()
    p.scheme = .truncation(mu: 50)
    p.kept = 2000
    #expect(try await LessonCurriculumTests.fails(6, p, check: "kappa-formula"))
  }

  @Test("Lesson 7: the d = 2 law κ = 1/λ applied in every dimension is refuted by the measurement")
  func lesson7() async throws {
    var p = Lesson07DimensionCost()
    p.theory = { lambda, _ in 1 / Double(lambda) }
    p.populations = [10, 100]
    #expect(try await LessonCurriculumTests.fails(7, p, check: "monte-carlo-matches-kappa"))
  }

  @Test("Lesson 8: sampling off the minimum breaks the σ² null block")
  func lesson8() async throws {
    var p = Lesson08DegenerateReadout()
    p.centerOffset = [Double](repeating: 1, count: 20)
    p.keptCounts = [30, 300]
    #expect(try await LessonCurriculumTests.fails(8, p, check: "null-block-is-sigma2"))
  }

  @Test("Lesson 9: x² + x³/2 is not a monotone transform of x²: the winners differ")
  func lesson9() async throws {
    var p = Lesson09NonQuadraticSelection()
    p.quarticLandscape = "poly:x0^2 + 0.5*x0^3"
    #expect(try await LessonCurriculumTests.fails(9, p, check: "identical-winners"))
  }

  @Test("Lesson 10: a rank estimator that over-counts by one breaks the bounds")
  func lesson10() async throws {
    var p = Lesson10RankBoundsLLC()
    p.rankEstimator = { land, seed in min(land.dimension, try LessonSupportForTests.rank(land, seed) + 1) }
    #expect(try await LessonCurriculumTests.fails(10, p, check: "all-inside"))
  }
}

extension LessonFalsificationTests {
  @Test("Lesson 11: estimating on x² + y² while claiming x² + y⁴ is caught")
  func lesson11() async throws {
    var p = Lesson11MeasuringLLC()
    p.estimatedLandscape = "poly:x0^2 + x1^2"
    #expect(try await LessonCurriculumTests.fails(11, p, check: "volume-recovers"))
  }

  @Test("Lesson 12: a read-out with n barely above d does not return the rank")
  func lesson12() async throws {
    var p = Lesson12WhichRoute()
    p.keptOverride = 22
    #expect(try await LessonCurriculumTests.fails(12, p, check: "both-correct"))
  }

  /// At E = 2·λd = 480 loss evaluations every CMA-ES run in `compare`'s budget history is warned
  /// (its flat block not yet resolved), so the adaptive route's check must fail.
  @Test("Lesson 12: the adaptive route at 2·λd loss evaluations does not read the rank")
  func lesson12CMA() async throws {
    var p = Lesson12WhichRoute()
    p.cmaBudgetFactor = 2
    #expect(try await LessonCurriculumTests.fails(12, p, check: "cma-correct"))
  }
}

extension LessonFalsificationTests {
  @Test("Lesson 13: counting every nonzero eigenvalue (τ = 0) no longer matches the Jacobian's rank")
  func lesson13() async throws {
    var p = Lesson13NetworkSymmetries()
    p.policy = .absolute(0)
    #expect(try await LessonCurriculumTests.fails(13, p, check: "hvp-matches-jacobian"))
  }

  @Test("Lesson 13: with tanh in place of ReLU the rescaling tangents are not null")
  func lesson13Tanh() async throws {
    var p = Lesson13NetworkSymmetries()
    p.symmetricActivation = .tanh
    #expect(try await LessonCurriculumTests.fails(13, p, check: "rescalings-are-null"))
  }

  @Test("Lesson 14: judging every route with float64's ε counts float32 and difference rounding as curvature")
  func lesson14() async throws {
    var p = Lesson14NumericalError()
    p.accuracyOverride = Double.ulpOfOne
    #expect(try await LessonCurriculumTests.fails(14, p, check: "threshold-follows-model"))
  }

  @Test("Lesson 14: noise far below the losses' spread does not break the read-out")
  func lesson14Noise() async throws {
    var p = Lesson14NumericalError()
    p.noiseFactors = [1e-6, 1e-3]
    #expect(try await LessonCurriculumTests.fails(14, p, check: "losses-float32-survive-noise-breaks"))
  }
}

/// The dense rank, for injected estimators.
enum LessonSupportForTests {
  static func rank(_ land: any Landscape, _ seed: UInt64) throws -> Int {
    var rng = SeededGenerator(seed: seed)
    return try RankComputation.rank(
      of: HessianOperator(landscape: land), method: land.dimension <= 2000 ? .dense : .block, using: &rng
    ).rank
  }
}
