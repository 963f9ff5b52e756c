import Foundation
import GSLBridge
import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

/// The loss counting wrapper: one count per row, shapes checked, errors of the base passed on.
@Suite("Counting loss oracle")
struct CountingLossOracleTests {
  struct BaseFailure: Error, Equatable {}

  /// L(w) = Σ wᵢ², ∇L = 2w, with its own row counts (independent of the wrapper's).
  static func base(losses: Locked<Int>, gradients: Locked<Int>) -> ClosureLossOracle {
    ClosureLossOracle(
      center: [0, 0, 0],
      losses: { p in
        losses.withLock { $0 += p.rows }
        return (0..<p.rows).map { p.row($0).reduce(0) { $0 + $1 * $1 } }
      },
      gradients: { p in
        gradients.withLock { $0 += p.rows }
        return 2 * p
      })
  }

  @Test("a block of n rows counts n; single points count one; the base saw exactly as many")
  func counts() throws {
    let l = Locked(0), g = Locked(0)
    let o = CountingLossOracle(Self.base(losses: l, gradients: g))
    #expect(o.dimension == 3 && o.center == [0, 0, 0])
    #expect(o.lossEvaluations == 0 && o.gradientEvaluations == 0)
    #expect(try o.losses(at: Matrix(rows: 5, columns: 3)) == [0, 0, 0, 0, 0])
    _ = try o.gradients(at: Matrix(rows: 2, columns: 3))
    #expect(try o.loss(at: [1, 1, 1]) == 3)
    var grad = [Double](repeating: 0, count: 3)
    try o.gradient(at: [1, 2, 3], into: &grad)
    #expect(grad == [2, 4, 6])
    #expect(o.lossEvaluations == 6 && o.gradientEvaluations == 3)
    #expect(l.withLock { $0 } == 6 && g.withLock { $0 } == 3)
  }

  @Test("counts from several tasks at once are all kept")
  func concurrent() async throws {
    let l = Locked(0), g = Locked(0)
    let o = CountingLossOracle(Self.base(losses: l, gradients: g))
    try await withThrowingTaskGroup(of: Void.self) { group in
      for _ in 0..<8 {
        group.addTask { for _ in 0..<25 { _ = try o.losses(at: Matrix(rows: 2, columns: 3)) } }
      }
      try await group.waitForAll()
    }
    #expect(o.lossEvaluations == 400 && l.withLock { $0 } == 400)
  }

  @Test("wrong operand width, wrong number of losses, wrong gradient shape: OracleError")
  func shapes() throws {
    let o = CountingLossOracle(Self.base(losses: Locked(0), gradients: Locked(0)))
    #expect(throws: OracleError.operandShape(dimension: 3, rows: 1, columns: 2)) { try o.losses(at: Matrix(rows: 1, columns: 2)) }
    #expect(throws: OracleError.operandShape(dimension: 3, rows: 4, columns: 4)) { try o.gradients(at: Matrix(rows: 4, columns: 4)) }
    #expect(o.lossEvaluations == 0 && o.gradientEvaluations == 0)
    let short = CountingLossOracle(
      ClosureLossOracle(center: [0, 0], losses: { _ in [1] }, gradients: { p in Matrix(rows: p.rows, columns: 1) }))
    #expect(throws: OracleError.lossCount(expected: 3, got: 1)) { try short.losses(at: Matrix(rows: 3, columns: 2)) }
    #expect(throws: OracleError.gradientShape(expectedRows: 3, expectedColumns: 2, rows: 3, columns: 1)) {
      try short.gradients(at: Matrix(rows: 3, columns: 2))
    }
    var g = [0.0, 0]
    #expect(throws: OracleError.gradientShape(expectedRows: 1, expectedColumns: 2, rows: 1, columns: 1)) {
      try short.gradient(at: [0, 0], into: &g)
    }
  }

  @Test("errors of the base oracle reach the caller unchanged, through an estimator too")
  func propagates() async throws {
    let failing = ClosureLossOracle(center: [0, 0], losses: { _ in throw BaseFailure() }, gradients: { _ in throw BaseFailure() })
    let o = CountingLossOracle(failing)
    #expect(throws: BaseFailure()) { try o.losses(at: Matrix(rows: 1, columns: 2)) }
    var g = [0.0, 0]
    #expect(throws: BaseFailure()) { try o.gradient(at: [0, 0], into: &g) }
    let sampler = try SelectionSampler(population: 4, sigma: 1)
    await #expect(throws: BaseFailure()) { try await sampler.sample(failing, kept: 8, seed: 1) }
  }
}
