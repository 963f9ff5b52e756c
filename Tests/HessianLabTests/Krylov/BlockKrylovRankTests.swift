import Foundation
import GSLBridge
import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("Block Krylov rank: the bound on what was not computed")
struct BlockKrylovRankTests {
  /// Exactly rank r: with this seed the block stops at p = r (23 of seeds 1–30 do; the others
  /// keep one more Ritz value at rounding level, ~10⁻³⁰, and take the gap-ratio path tested below),
  /// so no Ritz value is uncounted and
  /// the plain gap ratio is absent; the HMT bound still bounds the rest, and the
  /// dense reference (all d eigenvalues, an independent computation) confirms it.
  @Test("p = r: the bound covers the true uncounted spectrum and gives a gap ratio")
  func exactRank() throws {
    let spectrum = (1...8).map(Double.init)
    let landscape = try KrylovFixtures.quadratic("rank-8", spectrum, d: 80)
    var rng = SeededGenerator(seed: 1)
    let result = try BlockKrylovRank.rank(of: HessianOperator(landscape: landscape), using: &rng)
    #expect(result.rank == 8)
    #expect(result.gapRatio == nil && result.largestUncounted == nil)
    let bound = try #require(result.uncountedBound)
    let dense = try SymmetricEigen.values(of: landscape.knownAnswers.hessian!.dense(dimension: 80))
    let trueUncounted = dense.map(abs).sorted(by: >)[8]
    #expect(trueUncounted <= bound)
    #expect(bound <= result.threshold, "bound \(bound) above τ = \(result.threshold)")
    let gap = try #require(result.gapRatioLowerBound)
    #expect(gap > 1e6, "an exactly rank-8 H leaves only rounding outside the range: gap ratio bound \(gap)")
    #expect(result.uncountedBoundLine?.contains("gap ratio") == true)
  }

  /// A tail of small nonzero eigenvalues below a relative threshold: the block
  /// stops before capturing it. The bound must stay above the largest tail
  /// eigenvalue (else the reported gap ratio would overstate the evidence) and
  /// the lower bound on the gap must not exceed the true gap.
  @Test("a tail below τ: bound ≥ the largest uncomputed eigenvalue, gap bound ≤ the true gap")
  func tailBelowThreshold() throws {
    let head: [Double] = [10, 9, 8]
    let tail = [Double](repeating: 1e-3, count: 37)
    let landscape = try KrylovFixtures.quadratic("head-tail", head + tail, d: 60)
    var rng = SeededGenerator(seed: 5)
    let result = try BlockKrylovRank.rank(
      of: HessianOperator(landscape: landscape), policy: .relative(1e-2), using: &rng)
    #expect(result.rank == 3)
    let bound = try #require(result.uncountedBound)
    #expect(bound >= 1e-3)
    let gap = try #require(result.gapRatioLowerBound)
    #expect(gap <= 8 / 1e-3)
    #expect(gap > 10, "the evidence still separates 8 from the tail: \(gap)")
  }

  @Test("methods without a bound report none")
  func othersHaveNone() throws {
    let landscape = try KrylovFixtures.quadratic("rank-3", [1, 2, 3], d: 10)
    var rng = SeededGenerator(seed: 1)
    let lanczos = try LanczosRank.rank(of: HessianOperator(landscape: landscape), using: &rng)
    #expect(lanczos.uncountedBound == nil && lanczos.gapRatioLowerBound == nil)
  }
}
