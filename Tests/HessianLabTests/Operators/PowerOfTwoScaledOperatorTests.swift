import Testing

import HessianLab
@testable import HessianCore

/// The scale-normalised view: exact powers of two, unchanged at moderate scale, and
/// every product (the scale probe's retries included) counted by the source.
@Suite("PowerOfTwoScaledOperator")
struct PowerOfTwoScaledOperatorTests {
  @Test("A moderate operator is used as it is (s = 0, the same products)")
  func moderate() throws {
    let op = HessianOperator(diagonal: [3, 1e-3, 0])
    let scaled = PowerOfTwoScaledOperator(op)
    let x = Matrix(rows: 3, columns: 1, elements: [1, 2, 3])
    #expect(try scaled.apply(x) == op.apply(x))
    #expect(scaled.exponent == 0)
  }

  @Test("A known huge or subnormal matrix is scaled by an exact power of two")
  func knownMatrix() throws {
    for top in [1e306, 1e-300 * 1e-15, Double.leastNonzeroMagnitude] {
      let m = Matrix(rowArrays: [[top, 0], [0, top / 2]])
      let scaled = PowerOfTwoScaledOperator(HessianOperator(matrix: m))
      let s = scaled.exponent
      #expect(s != 0)
      let back = try #require(scaled.knownMatrix).elements.map { PowerOfTwoScaledOperator.scale($0, by: -s) }
      #expect(back == m.elements, "top \(top): 2^\(s) scaling is not exact")
      #expect(abs(try #require(scaled.knownMatrix)[0, 0] - 1) < 1)  // ‖H'‖ ≈ 1
    }
  }

  @Test("An overflowing product is retried at smaller inputs, and each try is counted")
  func overflowRetry() throws {
    // H = 10³⁰⁸·(all-ones): H·x overflows for x = (1, 1, 1) but not for 2⁻²⁵⁶·x.
    let op = HessianOperator(dimension: 3, name: "ones") { x, y in
      let s = x.reduce(0, +)
      for i in 0..<3 { y[i] = 1e308 * s }
    }
    let scaled = PowerOfTwoScaledOperator(op)
    let y = try scaled.apply(Matrix(rows: 3, columns: 1, elements: [1, 1, 1]))
    #expect(y.elements.allSatisfy { $0.isFinite && $0 > 0 })
    #expect(op.applicationCount == 2)  // the overflowing product and its retry
    #expect(scaled.exponent < -1000)
  }
}
