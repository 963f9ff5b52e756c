import Foundation
import GSLBridge
import Testing
import TestSupport

import HessianLab
@testable import HessianCore
@testable import HessianZoo

/// Block Lanczos against independent computations: the dense eigendecomposition of H (LAPACK on
/// the matrix the fixture builds from its spectrum and basis) and residuals ‖Hy − θy‖ formed with
/// that dense H, never the run's own formula.
@Suite("Block Lanczos: Ritz pairs, residuals, multiplicity, invariant spaces")
struct BlockLanczosTests {
  static func dense(_ q: QuadraticLandscape) throws -> Matrix {
    try #require(q.knownAnswers.hessian).dense(dimension: q.dimension)
  }

  static func start(_ b: Int, _ d: Int, seed: UInt64) -> [[Double]] {
    var g = SeededGenerator(seed: seed)
    return (0..<b).map { _ in g.normals(d) }
  }

  @Test("A run to the full dimension has T's eigenvalues equal to H's")
  func fullRun() throws {
    let spectrum = (1...40).map { Double($0) * 0.25 }
    let q = try KrylovFixtures.quadratic("spread", spectrum, d: 40)
    let run = try BlockLanczos.run(HessianOperator(landscape: q), start: Self.start(4, 40, seed: 3), maxDimension: 40, stopWhen: nil)
    let truth = try SymmetricEigen.values(of: Self.dense(q))
    #expect(run.dimension == 40 && run.hessianVectorProducts == 40 && run.blocks == 10)
    let err = zip(run.values, truth).map { abs($0 - $1) }.max() ?? .infinity
    #expect(err <= Tolerance.dense(n: 40, scale: 10), "max error \(err)")
  }

  @Test("Reported residuals equal ‖Hy − θy‖ computed with the dense H, on a partial run")
  func residualsExact() throws {
    let spectrum = (1...30).map { 1 + Double($0 * $0) / 30 }
    let q = try KrylovFixtures.quadratic("partial", spectrum, d: 60)
    let h = try Self.dense(q)
    let run = try BlockLanczos.run(HessianOperator(landscape: q), start: Self.start(3, 60, seed: 5), maxDimension: 15, stopWhen: nil)
    #expect(run.dimension == 15)
    for i in 0..<run.dimension {
      let y = run.ritzVector(index: i)
      var r = BLAS.multiply(h, .none, y)
      BLAS.axpy(-run.values[i], y, &r)
      let direct = BLAS.norm(r)
      #expect(abs(direct - run.residuals[i]) <= 1e-9 * 31 + 1e-6 * direct, "pair \(i): direct \(direct), reported \(run.residuals[i])")
    }
    // Power: the residuals are not all zero here (15 < 60), so the comparison tests the formula.
    #expect((run.residuals.max() ?? 0) > 1e-3)
  }

  @Test("A block of b vectors sees an eigenvalue of multiplicity 3 min(b, 3) times")
  func multiplicity() throws {
    let spectrum: [Double] = [5, 5, 5, 2, 1.5, 1, 0.5]
    let q = try KrylovFixtures.quadratic("triple", spectrum, d: 50)
    let op = HessianOperator(landscape: q)
    let run = try BlockLanczos.run(op, start: Self.start(4, 50, seed: 7), maxDimension: 24, stopWhen: nil)
    let near5 = zip(run.values, run.residuals).filter { abs($0.0 - 5) < 1e-8 && $0.1 < 1e-8 }.count
    #expect(near5 == 3, "\(run.values.suffix(5))")
    // A block of 2 sees at most 2 copies (the restarts of ExtremeEigenvalues find the third).
    let pair = try BlockLanczos.run(op, start: Self.start(2, 50, seed: 7), maxDimension: 24, stopWhen: nil)
    #expect(zip(pair.values, pair.residuals).filter { abs($0.0 - 5) < 1e-8 && $0.1 < 1e-8 }.count == 2, "\(pair.values.suffix(5))")
  }

  @Test("A rank-3 H with b = 4: the space is invariant after V and HV (dimension 7), and holds its eigenvalues")
  func invariant() throws {
    let q = try KrylovFixtures.quadratic("rank-3", [3, 2, 1], d: 30)
    let run = try BlockLanczos.run(HessianOperator(landscape: q), start: Self.start(4, 30, seed: 9), maxDimension: 30, stopWhen: nil)
    #expect(run.brokeDown && run.dimension == 7 && run.hessianVectorProducts == 7, "dimension \(run.dimension)")
    let top = Array(run.values.sorted(by: >).prefix(3))
    #expect(zip(top, [3.0, 2, 1]).allSatisfy { abs($0 - $1) < 1e-12 }, "\(top)")
  }

  @Test("Locked vectors are deflated: with the top eigenvector locked, the run finds the next ones")
  func locked() throws {
    let q = try KrylovFixtures.quadratic("locked", [9, 4, 3, 2, 1], d: 40)
    let full = try SymmetricEigen.decomposition(of: Self.dense(q))
    let top = (0..<40).map { full.vectors[$0, 39] }
    let run = try BlockLanczos.run(
      HessianOperator(landscape: q), start: Self.start(2, 40, seed: 4), maxDimension: 40, locked: [top], stopWhen: nil)
    #expect(abs((run.values.max() ?? 0) - 4) < 1e-10, "\(run.values.suffix(3))")
  }

  @Test("ExtremeEigenvalues in blocks: the top 8 with a 6-fold eigenvalue (more than b = 4) match the dense values")
  func extremesInBlocks() throws {
    let spectrum = [Double](repeating: 7, count: 6) + [9, 8, 6.5, 6, 5, 4, 3, 2, 1]
    let q = try KrylovFixtures.quadratic("six-fold", spectrum, d: 80)
    var rng = SeededGenerator(seed: 12)
    let r = try ExtremeEigenvalues.compute(of: HessianOperator(landscape: q), end: .top, count: 8, blockSize: 4, using: &rng)
    let truth = Array(try SymmetricEigen.values(of: Self.dense(q)).sorted(by: >).prefix(8))
    #expect(r.converged.allSatisfy { $0 } && r.warnings.isEmpty, "\(r.warnings)")
    let err = zip(r.values, truth).map { abs($0 - $1) }.max() ?? .infinity
    #expect(r.values.count == 8 && err < 1e-9, "\(r.values) vs \(truth)")
    // Four copies of 7 (= b) were seen in the first run: the restart looked for more.
    #expect(r.runs >= 2)
    // The bottom end in blocks, too.
    var rng2 = SeededGenerator(seed: 13)
    let b = try ExtremeEigenvalues.compute(of: HessianOperator(landscape: q), end: .bottom, count: 3, blockSize: 2, using: &rng2)
    #expect(b.values.allSatisfy { abs($0) < 1e-9 } && b.converged.allSatisfy { $0 })
  }

  @Test("Past 96 basis vectors T is eigensolved every ⌈m/32⌉ vectors, and the final Ritz pairs are still exact")
  func checkSchedule() throws {
    let spectrum = (1...300).map { 1 + 0.01 * Double($0) }
    let q = try KrylovFixtures.quadratic("long", spectrum, d: 300)
    let h = try Self.dense(q)
    var checked: [Int] = []
    let run = try BlockLanczos.run(
      HessianOperator(landscape: q), start: Self.start(2, 300, seed: 21), maxDimension: 250,
      stopWhen: { values, _ in checked.append(values.count); return false })
    #expect(run.dimension == 250 && run.blocks == 125)
    // Every block up to 96 vectors (48 checks), then gaps of ⌈m/32⌉ rounded up to the block size.
    #expect(Array(checked.prefix(48)) == Array(stride(from: 2, through: 96, by: 2)), "\(checked.prefix(50))")
    for (a, b) in zip(checked.dropFirst(47), checked.dropFirst(48)) {
      let gap = (a + 31) / 32
      #expect(b - a >= gap && b - a <= gap + 1, "checks at \(a) then \(b)")
    }
    // Power: an unthrottled run would check 124 times; this one far fewer.
    #expect(checked.count < 80, "\(checked.count) checks")
    // The last check is at 246 (next due at 254), so the Ritz pairs at 250 come from the final
    // eigensolve; their residuals agree with ‖Hy − θy‖ formed with the dense H.
    #expect(checked.last == 246)
    for i in [0, 100, 249] {
      let y = run.ritzVector(index: i)
      var r = BLAS.multiply(h, .none, y)
      BLAS.axpy(-run.values[i], y, &r)
      #expect(abs(BLAS.norm(r) - run.residuals[i]) <= 1e-8, "pair \(i): \(BLAS.norm(r)) vs \(run.residuals[i])")
    }
  }

  @Test("The work estimate of the extremes: the stated formula, and nil on overflow")
  func workEstimate() {
    // d = 1000, k = 10: m = max(2k + 20, 40) = 40; single vector M = 40, blocks M = 80.
    let one = ExtremeEigenvalues.workEstimate(dimension: 1000, count: 10, steps: nil, blockSize: 1)
    #expect(one.hessianVectorProducts == 11 * 40)
    #expect(one.flops == 11 * (4 * 1000 * 50 * 40 + 12 * 40 * 40 * 40))
    #expect(one.bytes == (50 * 1000 + 40 * 40) * 8)
    let blocks = ExtremeEigenvalues.workEstimate(dimension: 1000, count: 10, steps: nil, blockSize: 4)
    #expect(blocks.hessianVectorProducts == 11 * 80)
    // The basis never exceeds d, and K beyond d counts d.
    let small = ExtremeEigenvalues.workEstimate(dimension: 30, count: 50, steps: Int.max, blockSize: 4)
    #expect(small.hessianVectorProducts == 31 * 30)
    let huge = ExtremeEigenvalues.workEstimate(dimension: Int.max / 2, count: Int.max / 4, steps: nil, blockSize: 1)
    #expect(huge.flops == nil && huge.bytes == nil)
  }

  @Test("Values seen fewer than b times in the first block run are complete: no restart, and they match the dense ones")
  func noConfirmingRestart() throws {
    // A double eigenvalue (2 < b = 4) among the top 6: both copies come from the first run.
    let spectrum: [Double] = [9, 8, 8, 7, 6.5, 6, 5, 4, 3, 2, 1]
    let q = try KrylovFixtures.quadratic("double", spectrum, d: 120)
    let truth = Array(try SymmetricEigen.values(of: Self.dense(q)).sorted(by: >).prefix(6))
    for seed in UInt64(1)...8 {
      var rng = SeededGenerator(seed: seed)
      let r = try ExtremeEigenvalues.compute(of: HessianOperator(landscape: q), end: .top, count: 6, blockSize: 4, using: &rng)
      #expect(r.runs == 1 && r.warnings.isEmpty, "seed \(seed): \(r.runs) runs, \(r.warnings)")
      let err = zip(r.values, truth).map { abs($0 - $1) }.max() ?? .infinity
      #expect(r.values.count == 6 && err < 1e-9, "seed \(seed): \(r.values) vs \(truth)")
    }
  }

  @Test("Clusters: the most values within a width of one another")
  func clusters() {
    #expect(ExtremeEigenvalues.largestCluster(of: [], within: 1) == 0)
    #expect(ExtremeEigenvalues.largestCluster(of: [5, 1, 5.5, 9, 5.9], within: 1) == 3)
    #expect(ExtremeEigenvalues.largestCluster(of: [1, 2, 3], within: 0.5) == 1)
  }

  @Test("Blocks are the default only for a dense operator too large for cache")
  func automatic() {
    let small = HessianOperator(matrix: Matrix.identity(100))
    #expect(ExtremeEigenvalues.automaticBlockSize(of: small, count: 20) == 1)
    let large = HessianOperator(matrix: Matrix(rows: 2048, columns: 2048))
    #expect(ExtremeEigenvalues.automaticBlockSize(of: large, count: 20) == 8)
    #expect(ExtremeEigenvalues.automaticBlockSize(of: large, count: 1) == 2)
    let closure = HessianOperator(dimension: 5000, name: "closure") { x, y in y = x }
    #expect(ExtremeEigenvalues.automaticBlockSize(of: closure, count: 20) == 1)
  }
}
