import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

/// The one Marchenko–Pastur edge formula, at closed-form points.
@Suite("MarchenkoPastur")
struct MarchenkoPasturTests {
  @Test("p/n = 1/4: the edges are σ²/4 and 9σ²/4")
  func quarter() {
    let e = MarchenkoPastur.edges(dimension: 25, samples: 100, variance: 4)
    #expect(e.lower == 1)
    #expect(e.upper == 9)
    let unit = MarchenkoPastur.edges(dimension: 25, samples: 100)
    #expect(unit.lower == 0.25 && unit.upper == 2.25)
  }

  @Test("The null dimension is a parameter: p = 0 gives σ² at both edges, p = n gives 0 and 4σ²")
  func extremes() {
    let none = MarchenkoPastur.edges(dimension: 0, samples: 50, variance: 2)
    #expect(none.lower == 2 && none.upper == 2)
    let square = MarchenkoPastur.edges(dimension: 50, samples: 50)
    #expect(square.lower == 0 && square.upper == 4)
    // Can fail: p and n are not interchangeable (p/n = 4 has edges 1 and 9, not 1/4 and 9/4).
    #expect(MarchenkoPastur.edges(dimension: 100, samples: 25).lower == 1)
  }

  @Test("The covariance read-out's null-block edges are this formula with σ² = 1")
  func readoutUsesIt() {
    let a = CovarianceRankReadout.nullBlockEdges(dimension: 15, kept: 240)
    let b = MarchenkoPastur.edges(dimension: 15, samples: 240)
    #expect(a.lower == b.lower && a.upper == b.upper)
    #expect(abs(a.lower - 0.5625) <= 1e-15 && abs(a.upper - 1.5625) <= 1e-15)
  }
}
