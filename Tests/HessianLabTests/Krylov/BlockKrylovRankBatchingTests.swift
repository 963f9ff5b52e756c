import Foundation
import Testing

import HessianLab
@testable import HessianCore
@testable import HessianZoo

/// An operator that prefers blocks of `preferred` vectors (as an external process does) and
/// records the column count of each call.
struct BlockPreferringOperator: SymmetricOperator {
  let matrix: Matrix
  let preferredBlockSize: Int
  let calls = Locked<[Int]>([])
  var dimension: Int { matrix.rows }
  var precision: Precision { .float64 }

  func apply(_ block: Matrix) throws -> Matrix {
    calls.withLock { $0.append(block.columns) }
    return BLAS.multiply(matrix, .none, block, .none)
  }
}

@Suite("Block Krylov rank: a source that prefers blocks gets the same test vectors in fewer calls")
struct BlockKrylovRankBatchingTests {
  /// A rank-12 Hessian of d = 60 with eigenvalues 1…12 in a random basis (dense, so the
  /// products are exact to rounding either way).
  static func hessian() throws -> Matrix {
    let landscape = try KrylovFixtures.quadratic("rank-12", (1...12).map(Double.init), d: 60)
    return try #require(landscape.knownAnswers.hessian?.dense(dimension: 60))
  }

  @Test("same rank and Ritz values as one vector per call; at most 15 more HVPs; a third of the calls or fewer")
  func batchedMatchesUnbatched() throws {
    let h = try Self.hessian()
    func run(_ preferred: Int) throws -> (RankResult, [Int]) {
      let source = BlockPreferringOperator(matrix: h, preferredBlockSize: preferred)
      var rng = SeededGenerator(seed: 5)
      let result = try BlockKrylovRank.rank(of: HessianOperator(source), using: &rng)
      return (result, source.calls.withLock { $0 })
    }
    let (single, singleCalls) = try run(1)
    let (batched, batchedCalls) = try run(16)
    #expect(single.rank == 12 && batched.rank == 12)
    // The same ω_i in the same order: the Ritz values agree to rounding (block and vector
    // products may round differently: 1e-10 relative is 10⁵ ε, far below any eigenvalue gap here).
    #expect(single.eigenvalues.count == batched.eigenvalues.count)
    for (a, b) in zip(single.eigenvalues, batched.eigenvalues) {
      #expect(abs(a - b) <= 1e-10 * 12, "\(a) vs \(b)")
    }
    #expect(batched.hessianVectorProducts >= single.hessianVectorProducts)
    #expect(batched.hessianVectorProducts <= single.hessianVectorProducts + 15)
    #expect(batchedCalls.count * 3 <= singleCalls.count, "\(batchedCalls) vs \(singleCalls.count) calls")
    #expect(batchedCalls.allSatisfy { $0 <= 16 } && batchedCalls.reduce(0, +) == batched.hessianVectorProducts)
  }

  @Test("a source with preferred block size 1 is called one vector at a time, as before")
  func unbatchedIsOneByOne() throws {
    let source = BlockPreferringOperator(matrix: try Self.hessian(), preferredBlockSize: 1)
    var rng = SeededGenerator(seed: 5)
    let result = try BlockKrylovRank.rank(of: HessianOperator(source), using: &rng)
    let calls = source.calls.withLock { $0 }
    // Range finding one vector per call, then Rayleigh–Ritz as one block of p ≥ rank vectors.
    #expect(calls.dropLast().allSatisfy { $0 == 1 } && (calls.last ?? 0) >= result.rank)
    #expect(calls.reduce(0, +) == result.hessianVectorProducts)
  }

  @Test("the preference passes through the counting and scaling wrappers")
  func wrappersForward() throws {
    let source = BlockPreferringOperator(matrix: try Self.hessian(), preferredBlockSize: 16)
    #expect(HessianOperator(source).preferredBlockSize == 16)
    #expect(PowerOfTwoScaledOperator(HessianOperator(source)).preferredBlockSize == 16)
    #expect(HessianOperator(ClosureOperator(dimension: 2) { $0 }).preferredBlockSize == 1)
  }
}
