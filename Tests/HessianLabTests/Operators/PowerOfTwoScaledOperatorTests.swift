import GSLBridge
import Testing

import HessianLab
@testable import HessianCore
@testable import HessianZoo

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

  /// A matrix built on every access (like a factored Hessian's dense form), counting the builds.
  final class BuiltOnAccess: SymmetricOperator, @unchecked Sendable {
    let matrix: Matrix
    let builds = Locked(0)
    init(_ matrix: Matrix) { self.matrix = matrix }
    var dimension: Int { matrix.rows }
    var precision: Precision { .float64 }
    var storesMatrix: Bool { false }
    var knownMatrix: Matrix? {
      builds.withLock { $0 += 1 }
      return matrix
    }
    func apply(_ block: Matrix) throws -> Matrix { BLAS.multiply(matrix, .none, block, .none) }
  }

  @Test("A matrix built on access is not built to fix the scale, only when the dense reference asks, then scaled as a stored one")
  func builtOnAccess() throws {
    for top in [3.0, 1e306] {
      let m = Matrix(rowArrays: [[top, 0, 0], [0, top / 2, 0], [0, 0, 0]])
      let source = BuiltOnAccess(m)
      let scaled = PowerOfTwoScaledOperator(HessianOperator(source, name: "built"))
      #expect(source.builds.withLock { $0 } == 0 && !scaled.storesMatrix)
      // A product fixes the scale without building H.
      let y = try scaled.apply(Matrix(rows: 3, columns: 1, elements: [1, 1, 1]))
      #expect(source.builds.withLock { $0 } == 0 && y.elements.allSatisfy(\.isFinite))
      // The dense reference gets 2ˢ·H with the s the product fixed, exactly.
      let s = scaled.exponent
      let known = try #require(scaled.knownMatrix)
      #expect(source.builds.withLock { $0 } == 1)
      #expect(known.elements.map { PowerOfTwoScaledOperator.scale($0, by: -s) } == m.elements, "top \(top), s = \(s)")
      #expect(top < 1e300 ? s == 0 : s < -900)
    }
  }

  @Test("Top-k on a factored d = 3000 Hessian runs single-vector Lanczos on the factored product (no d² matrix)")
  func factoredStaysFactored() throws {
    let q = try QuadraticLandscape.withSpectrum(
      name: "factored", nonzeroEigenvalues: (1...20).map(Double.init), dimension: 3000, basis: .randomOrthonormal(seed: 1))
    let op = HessianOperator(landscape: q)
    #expect(!op.storesMatrix && op.knownMatrix != nil)  // built on access: 72 MB, not stored
    #expect(ExtremeEigenvalues.automaticBlockSize(of: op, count: 20) == 1)
  }
}
