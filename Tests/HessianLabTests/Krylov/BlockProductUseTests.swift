import Testing
import TestSupport

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

/// The block estimators issue whole blocks, not loops of single vectors, and their results
/// and counts equal a column-by-column source's.
@Suite("Block products are used")
struct BlockProductUseTests {
  /// H = diag(1…6) ⊕ 0₄ in a random basis (d = 10, rank 6).
  static func matrix() throws -> Matrix {
    let l = try QuadraticLandscape.withSpectrum(
      name: "m", nonzeroEigenvalues: [1, 2, 3, 4, 5, 6], dimension: 10, basis: .randomOrthonormal(seed: 3))
    return try l.denseHessianAtMinimum()
  }

  @Test("Hutchinson makes one block product of ℓ columns")
  func hutchinson() throws {
    let recorder = BlockCallRecorder(try Self.matrix())
    var rng = SeededGenerator(seed: 1)
    let est = try TraceEstimators.hutchinson(of: recorder.counted(), probes: 7, using: &rng)
    #expect(recorder.columnsPerCall == [7])
    #expect(est.hessianVectorProducts == 7)
  }

  @Test("Hutch++ makes three block products (sketch, exact part, residual probes) and is exact once the sketch holds the range")
  func hutchPlusPlus() throws {
    let recorder = BlockCallRecorder(try Self.matrix())
    var rng = SeededGenerator(seed: 1)
    let est = try TraceEstimators.hutchPlusPlus(of: recorder.counted(), matvecs: 24, using: &rng)
    // s = min(8, d) sketch columns, then Q (rank 6 of the sketch, plus any rounding column
    // the sketch kept), then 8 residual probes.
    let calls = recorder.columnsPerCall
    #expect(calls.count == 3)
    #expect(calls[0] == 8 && calls[2] == 8)
    #expect(est.hessianVectorProducts == calls.reduce(0, +))
    // tr H = 21; the sketch holds the range, so only rounding remains (bound c·d·ε·‖H‖·d).
    #expect(abs(est.value - 21) <= Tolerance.dense(n: 10, scale: 6) * 10)
  }

  @Test("The range finder's Rayleigh–Ritz step is one block product of p columns, with the same count as before")
  func rayleighRitz() throws {
    let recorder = BlockCallRecorder(try Self.matrix())
    let op = recorder.counted()
    var rng = SeededGenerator(seed: 5)
    let result = try BlockKrylovRank.rank(of: op, using: &rng)
    #expect(result.rank == 6)
    let calls = recorder.columnsPerCall
    let p = calls.last!
    // Range: r' = 10 test vectors plus one per accepted direction (p < d), one column each
    // (adaptive: each depends on Q so far); then H·Q in one call. HMT's count 2p + r'.
    #expect(p >= 6 && p < 10)
    #expect(calls.dropLast().allSatisfy { $0 == 1 })
    #expect(calls.count - 1 == p + 10)
    #expect(result.hessianVectorProducts == 2 * p + 10)
  }
}
