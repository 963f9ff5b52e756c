import Foundation
import Testing

@testable import GSLBridge

@Suite("PositiveDefiniteTest: Cholesky of A + s·I")
struct PositiveDefiniteTestTests {
  @Test("Definite, shifted-definite and indefinite matrices")
  func cases() throws {
    #expect(try PositiveDefiniteTest.holds(for: Matrix.identity(4), shift: 0))
    let indefinite = Matrix.diagonal([2, 1, -1e-3])
    #expect(try !PositiveDefiniteTest.holds(for: indefinite, shift: 0))
    #expect(try !PositiveDefiniteTest.holds(for: indefinite, shift: 5e-4))
    #expect(try PositiveDefiniteTest.holds(for: indefinite, shift: 2e-3))
    // A rank-1 PSD matrix is singular: no factor without a shift, one with a small shift.
    let rankOne = Matrix(rows: 2, columns: 2, elements: [1, 1, 1, 1])
    #expect(try !PositiveDefiniteTest.holds(for: rankOne, shift: 0))
    #expect(try PositiveDefiniteTest.holds(for: rankOne, shift: 1e-12))
  }

  @Test("Non-finite or non-square input is refused")
  func refused() {
    #expect(throws: LinearAlgebraError.notFinite) { try PositiveDefiniteTest.holds(for: Matrix.diagonal([.nan, 1]), shift: 0) }
    #expect(throws: LinearAlgebraError.self) { try PositiveDefiniteTest.holds(for: Matrix(rows: 2, columns: 3), shift: 0) }
  }
}
