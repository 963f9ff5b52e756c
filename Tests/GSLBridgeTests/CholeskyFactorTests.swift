import Foundation
import Testing
import TestSupport

@testable import GSLBridge

/// ``CholeskyFactor`` against independent products: L·Lᵀ formed with `gemm` must give H back
/// to the backward-error bound, and X·L from `dtrmm` must equal X·L from `gemm`.
@Suite("CholeskyFactor: H = L·Lᵀ and the triangular product X·L")
struct CholeskyFactorTests {
  /// A random symmetric positive-definite d×d matrix Q·diag(s)·Qᵀ (s from 10⁻³ to 10), from
  /// ``TestLCG`` (no generator of the library under test).
  static func positiveDefinite(_ d: Int, seed: UInt64) -> Matrix {
    var lcg = TestLCG(seed: seed)
    let g = lcg.matrix(d, d)
    let q = try! Factorizations.orthonormalColumns(of: g)
    var scaled = q
    for j in 0..<d { let s = pow(10, -3 + 4 * Double(j) / Double(max(d - 1, 1))); for i in 0..<d { scaled[i, j] *= s } }
    var h = BLAS.multiply(scaled, .none, q, .transpose)
    for i in 0..<d { for j in 0..<i { let v = 0.5 * (h[i, j] + h[j, i]); h[i, j] = v; h[j, i] = v } }
    return h
  }

  @Test("L is lower triangular and L·Lᵀ = H within d·γ_{d+1}·‖H‖", arguments: [1, 2, 7, 64, 200])
  func reconstructs(d: Int) throws {
    let h = Self.positiveDefinite(d, seed: UInt64(d))
    let l = try #require(try CholeskyFactor(of: h)).lower
    for i in 0..<d { for j in (i + 1)..<max(i + 1, d) { #expect(l[i, j] == 0) } }
    let back = BLAS.multiply(l, .none, l, .transpose)
    let scale = h.elements.map(abs).max() ?? 1
    let u = Double.ulpOfOne / 2, gamma = Double(d + 1) * u / (1 - Double(d + 1) * u)
    let bound = Double(d) * gamma * scale * 4  // ×4: the gemm that forms L·Lᵀ rounds too
    let worst = zip(back.elements, h.elements).map { abs($0 - $1) }.max() ?? 0
    #expect(worst <= bound, "max |LLᵀ − H| = \(worst), bound \(bound)")
    // The check can fail: an entry of L off by a millionth is seen.
    var wrong = l
    wrong[d - 1, 0] += 1e-6 * scale.squareRoot()
    let off = zip(BLAS.multiply(wrong, .none, wrong, .transpose).elements, h.elements).map { abs($0 - $1) }.max() ?? 0
    #expect(d == 1 || off > bound)
  }

  @Test("Not positive definite: indefinite, singular and negative matrices give nil")
  func refuses() throws {
    #expect(try CholeskyFactor(of: Matrix(rowArrays: [[1, 0], [0, -1]])) == nil)
    #expect(try CholeskyFactor(of: Matrix(rowArrays: [[1, 1], [1, 1]])) == nil)
    #expect(try CholeskyFactor(of: Matrix(rowArrays: [[-2]])) == nil)
    #expect(try CholeskyFactor(of: Matrix(rowArrays: [[0, 0], [0, 0]])) == nil)
  }

  @Test("Not square or not finite: thrown, not returned")
  func throwsOnBadInput() {
    #expect(throws: LinearAlgebraError.notSquare(rows: 2, columns: 3)) { try CholeskyFactor(of: Matrix(rows: 2, columns: 3)) }
    #expect(throws: LinearAlgebraError.notFinite) { try CholeskyFactor(of: Matrix(rowArrays: [[1, .nan], [.nan, 1]])) }
  }

  @Test("X·L by dtrmm equals X·L by gemm, for batches of 1 to 300 rows", arguments: [(1, 5), (300, 40), (17, 1), (64, 128)])
  func triangularProduct(n: Int, d: Int) throws {
    let factor = try #require(try CholeskyFactor(of: Self.positiveDefinite(d, seed: 3)))
    var x = Matrix(rows: n, columns: d, elements: (0..<(n * d)).map { sin(Double($0) * 0.37) })
    let expected = BLAS.multiply(x, .none, factor.lower, .none)
    factor.multiplyOnRight(&x)
    let scale = expected.elements.map(abs).max() ?? 1
    let worst = zip(x.elements, expected.elements).map { abs($0 - $1) }.max() ?? 0
    #expect(worst <= 4 * Double(d) * Double.ulpOfOne * max(scale, 1))
  }

  @Test("An empty matrix factors to an empty L")
  func empty() throws {
    let f = try #require(try CholeskyFactor(of: Matrix(rows: 0, columns: 0)))
    #expect(f.lower.rows == 0)
  }
}
