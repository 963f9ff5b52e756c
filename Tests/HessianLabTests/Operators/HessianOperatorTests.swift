import Foundation
import GSLBridge
import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

/// The counting wrapper: one count per column passed on, shape and finiteness checked, the
/// source's own errors passed through unchanged.
@Suite("Hessian operator (the counting wrapper)")
struct HessianOperatorTests {
  /// A source error the wrapper must pass through unchanged.
  struct SourceFailure: Error, Equatable { let code: Int }

  /// A closure source that counts its own columns (independently of the wrapper).
  static func counted(_ m: Matrix, calls: Locked<Int>) -> HessianOperator {
    HessianOperator(
      ClosureOperator(dimension: m.rows) { block in
        calls.withLock { $0 += block.columns }
        return try MatrixOperator(m).apply(block)
      })
  }

  static let h = Matrix(rowArrays: [[2, 1, 0], [1, 3, 0], [0, 0, 0]])

  @Test("a block of k columns counts k, a vector counts 1; the source saw exactly as many")
  func countsPerColumn() throws {
    let calls = Locked(0)
    let op = Self.counted(Self.h, calls: calls)
    #expect(op.applicationCount == 0)
    let block = Matrix(rowArrays: [[1, 0, 2, 1], [0, 1, 0, 1], [0, 0, 1, 1]])
    let out = try op.apply(block)
    #expect(op.applicationCount == 4)
    #expect(out == Matrix(rowArrays: [[2, 1, 4, 3], [1, 3, 2, 4], [0, 0, 0, 0]]))
    var y = [Double](repeating: 0, count: 3)
    try op.apply([1, 1, 1], into: &y)
    #expect(y == [3, 4, 0])
    #expect(try op([0, 1, 0]) == [1, 3, 0])
    var outBlock = Matrix(rows: 3, columns: 2)
    try op.apply(block: Matrix(rowArrays: [[1, 0], [0, 0], [0, 1]]), into: &outBlock)
    #expect(outBlock == Matrix(rowArrays: [[2, 0], [1, 0], [0, 0]]))
    #expect(op.applicationCount == 4 + 1 + 1 + 2)
    #expect(calls.withLock { $0 } == op.applicationCount)
    // An empty block costs nothing.
    _ = try op.apply(Matrix(rows: 3, columns: 0))
    #expect(op.applicationCount == 8)
  }

  @Test("counts from several tasks at once are all kept")
  func concurrentCounts() async throws {
    let calls = Locked(0)
    let op = Self.counted(Self.h, calls: calls)
    try await withThrowingTaskGroup(of: Void.self) { group in
      for _ in 0..<8 {
        group.addTask { for _ in 0..<50 { _ = try op([1, 0, 0]) } }
      }
      try await group.waitForAll()
    }
    #expect(op.applicationCount == 400)
    #expect(calls.withLock { $0 } == 400)
  }

  @Test("an operand with the wrong number of rows throws operandShape and costs nothing")
  func operandShape() throws {
    let calls = Locked(0)
    let op = Self.counted(Self.h, calls: calls)
    #expect(throws: OracleError.operandShape(dimension: 3, rows: 2, columns: 1)) {
      try op.apply(Matrix(rows: 2, columns: 1))
    }
    #expect(op.applicationCount == 0)
    #expect(calls.withLock { $0 } == 0)
  }

  @Test("a source returning the wrong shape throws productShape")
  func productShape() throws {
    let wrongRows = HessianOperator(ClosureOperator(dimension: 3) { b in Matrix(rows: 2, columns: b.columns) })
    #expect(throws: OracleError.productShape(expectedRows: 3, expectedColumns: 2, rows: 2, columns: 2)) {
      try wrongRows.apply(Matrix(rows: 3, columns: 2))
    }
    let wrongColumns = HessianOperator(ClosureOperator(dimension: 3) { _ in Matrix(rows: 3, columns: 1) })
    #expect(throws: OracleError.productShape(expectedRows: 3, expectedColumns: 2, rows: 3, columns: 1)) {
      try wrongColumns.apply(Matrix(rows: 3, columns: 2))
    }
    // The products were attempted, so they are counted.
    #expect(wrongRows.applicationCount == 2 && wrongColumns.applicationCount == 2)
  }

  @Test("a non-finite entry throws nonFiniteProduct naming its column", arguments: [Double.nan, .infinity, -.infinity])
  func nonFinite(_ bad: Double) throws {
    let op = HessianOperator(
      ClosureOperator(dimension: 3) { b in
        var out = b
        out[1, 2] = bad  // row 1, column 2 of a 3×4 block
        return out
      })
    #expect(throws: OracleError.nonFiniteProduct(column: 2)) { try op.apply(Matrix(rows: 3, columns: 4)) }
    // A finite source passes the check.
    let fine = HessianOperator(ClosureOperator(dimension: 3) { $0 })
    #expect(try fine.apply(Matrix(rows: 3, columns: 4)) == Matrix(rows: 3, columns: 4))
  }

  @Test("an error thrown by the source reaches the caller unchanged, through an estimator too")
  func sourceErrorPropagates() throws {
    let op = HessianOperator(ClosureOperator(dimension: 4) { _ in throw SourceFailure(code: 7) })
    #expect(throws: SourceFailure(code: 7)) { try op.apply(Matrix(rows: 4, columns: 1)) }
    var rng = SeededGenerator(seed: 1)
    #expect(throws: SourceFailure(code: 7)) {
      try RankComputation.rank(of: op, method: .lanczos, using: &rng)
    }
    let perVector = HessianOperator(dimension: 4, name: "failing") { _, _ in throw SourceFailure(code: 8) }
    #expect(throws: SourceFailure(code: 8)) { try perVector([1, 2, 3, 4]) }
  }

  @Test("the convenience sources: a matrix, a diagonal, a per-vector closure; knownMatrix passes through")
  func conveniences() throws {
    let m = HessianOperator(matrix: Self.h, name: "m")
    #expect(m.knownMatrix == Self.h && m.name == "m" && m.dimension == 3)
    #expect(try m([1, 2, 3]) == [4, 7, 0])
    let diag = HessianOperator(diagonal: [1, -2, 0.5])
    #expect(diag.knownMatrix == nil)
    #expect(try diag([2, 2, 2]) == [2, -4, 1])
    let closure = HessianOperator(dimension: 2, name: "c", precision: .float32, knownMatrix: .identity(2)) { x, y in
      y = x.map { 3 * $0 }
    }
    #expect(closure.precision == .float32 && closure.knownMatrix == .identity(2))
    #expect(try closure.apply(Matrix(rowArrays: [[1, 2], [3, 4]])) == Matrix(rowArrays: [[3, 6], [9, 12]]))
    #expect(closure.applicationCount == 2)
  }
}
