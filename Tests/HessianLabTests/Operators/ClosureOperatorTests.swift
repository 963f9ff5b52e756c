import Foundation
import GSLBridge
import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

/// The closure, matrix and diagonal sources and the column-by-column bridge, each against a
/// product written out by hand.
@Suite("Closure operator and the dense sources")
struct ClosureOperatorTests {
  static let h = Matrix(rowArrays: [[4, -1, 0], [-1, 2, 1], [0, 1, 5]])
  static let block = Matrix(rowArrays: [[1, 0, 2], [0, 1, -1], [3, 0, 1]])
  /// H·block, multiplied out by hand.
  static let product = Matrix(rowArrays: [[4, -1, 9], [2, 2, -3], [15, 1, 4]])

  @Test("a block closure is called once with the whole block")
  func blockClosure() throws {
    let seen = Locked<[Int]>([])
    let op = ClosureOperator(dimension: 3) { b in
      seen.withLock { $0.append(b.columns) }
      return try MatrixOperator(Self.h).apply(b)
    }
    #expect(op.dimension == 3 && op.precision == .float64 && op.knownMatrix == nil)
    #expect(try op.apply(Self.block) == Self.product)
    #expect(seen.withLock { $0 } == [3])
  }

  @Test("a per-vector closure is called once per column, in order")
  func vectorClosure() throws {
    let seen = Locked<[[Double]]>([])
    let op = ClosureOperator(dimension: 3, precision: .float32) { x, y in
      seen.withLock { $0.append(x) }
      var out = [Double](repeating: 0, count: 3)
      BLAS.gemv(Self.h, .none, x, into: &out)
      y = out
    }
    #expect(op.precision == .float32)
    #expect(try op.apply(Self.block) == Self.product)
    #expect(seen.withLock { $0 } == [[1, 0, 3], [0, 1, 0], [2, -1, 1]])
  }

  @Test("ColumnwiseProduct applies a product to each column and rethrows")
  func columnwise() throws {
    var calls = 0
    let out = ColumnwiseProduct.apply(Self.block, dimension: 3) { x, y in
      calls += 1
      y = x.map { -$0 }
    }
    #expect(calls == 3)
    #expect(out == -1 * Self.block)
    struct Stop: Error {}
    #expect(throws: Stop.self) { try ColumnwiseProduct.apply(Self.block, dimension: 3) { _, _ in throw Stop() } }
  }

  @Test("MatrixOperator: one gemm per block, gemv per vector; knownMatrix is the matrix")
  func matrixOperator() throws {
    let op = MatrixOperator(Self.h)
    #expect(op.knownMatrix == Self.h && op.dimension == 3)
    #expect(try op.apply(Self.block) == Self.product)
    #expect(try op.apply(Matrix(rows: 3, columns: 1, elements: [1, 0, 3])).elements == [4, 2, 15])
  }

  @Test("DiagonalOperator scales row i by hᵢ and knows no matrix")
  func diagonalOperator() throws {
    let op = DiagonalOperator([2, 0, -1])
    #expect(op.dimension == 3 && op.knownMatrix == nil)
    #expect(try op.apply(Self.block) == Matrix(rowArrays: [[2, 0, 4], [0, 0, 0], [-3, 0, -1]]))
  }
}
