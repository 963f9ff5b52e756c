import Foundation
import GSLBridge
import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

/// The loss-oracle protocol's single-point defaults and the closure oracle.
@Suite("Loss oracle")
struct LossOracleTests {
  /// L(w) = Σ wᵢ², ∇L = 2w, by rows.
  static func oracle(blocks: Locked<[Int]>, gradients: Bool = true) -> ClosureLossOracle {
    ClosureLossOracle(
      center: [1, -2],
      losses: { p in
        blocks.withLock { $0.append(p.rows) }
        return (0..<p.rows).map { p.row($0).reduce(0) { $0 + $1 * $1 } }
      },
      gradients: gradients ? { @Sendable p in 2 * p } : nil)
  }

  @Test("dimension and centre come from the centre; block losses and gradients by rows")
  func blocks() throws {
    let o = Self.oracle(blocks: Locked([]))
    #expect(o.dimension == 2 && o.center == [1, -2])
    #expect(try o.losses(at: Matrix(rowArrays: [[1, 2], [3, 0]])) == [5, 9])
    #expect(try o.gradients(at: Matrix(rowArrays: [[1, 2], [3, 0]])) == Matrix(rowArrays: [[2, 4], [6, 0]]))
  }

  @Test("the single-point defaults go through one 1×d block")
  func singlePointDefaults() throws {
    let blocks = Locked<[Int]>([])
    let o = Self.oracle(blocks: blocks)
    #expect(try o.loss(at: [3, 4]) == 25)
    var g = [Double](repeating: 0, count: 2)
    try o.gradient(at: [3, 4], into: &g)
    #expect(g == [6, 8])
    #expect(blocks.withLock { $0 } == [1])
  }

  @Test("an oracle without gradients throws noGradient")
  func noGradient() throws {
    let o = Self.oracle(blocks: Locked([]), gradients: false)
    #expect(throws: OracleError.noGradient) { try o.gradients(at: Matrix(rows: 1, columns: 2)) }
    var g = [0.0, 0]
    #expect(throws: OracleError.noGradient) { try o.gradient(at: [0, 0], into: &g) }
  }

  @Test("OracleError messages say what came back")
  func messages() {
    #expect(OracleError.lossCount(expected: 4, got: 3).description == "the loss oracle returned 3 values for 4 points")
    #expect(OracleError.nonFiniteProduct(column: 2).description.contains("column 2"))
    #expect(OracleError.operandShape(dimension: 5, rows: 2, columns: 3).description.contains("d = 5"))
  }
}
