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
    // The bottom end in blocks, too.
    var rng2 = SeededGenerator(seed: 13)
    let b = try ExtremeEigenvalues.compute(of: HessianOperator(landscape: q), end: .bottom, count: 3, blockSize: 2, using: &rng2)
    #expect(b.values.allSatisfy { abs($0) < 1e-9 } && b.converged.allSatisfy { $0 })
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
