import Testing
import TestSupport

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

/// The one orthogonalization routine, against closed forms and a dense projector.
@Suite("Orthogonalization")
struct OrthogonalizationTests {
  static let axes: [[Double]] = [[1, 0, 0, 0], [0, 1, 0, 0]]

  @Test("Projecting out coordinate axes zeroes exactly those coordinates")
  func projectAxes() {
    var x: [Double] = [3, -4, 5, 6]
    Orthogonalization.project(&x, against: Self.axes)
    #expect(x == [0, 0, 5, 6])
    #expect(Orthogonalization.projection(of: [3, -4, 5, 6], onto: Self.axes) == [3, -4, 0, 0])
  }

  /// An orthonormal basis of a random 3-dimensional subspace of ℝ⁸ and the dense projector
  /// I − QQᵀ built from it by gemm (independent of the routine under test).
  static func randomBasis() throws -> ([[Double]], Matrix) {
    var rng = SeededGenerator(seed: 2026)
    let q = try Factorizations.orthonormalColumns(of: Matrix(rows: 8, columns: 3, elements: rng.normals(24)))
    var p = Matrix.identity(8)
    BLAS.gemm(q, .none, q, .transpose, alpha: -1, beta: 1, into: &p)
    return ((0..<3).map(q.column), p)
  }

  @Test("project, projection and projectOut agree with the dense projector I − QQᵀ")
  func againstDenseProjector() throws {
    let (basis, p) = try Self.randomBasis()
    var rng = SeededGenerator(seed: 7)
    let x = rng.normals(8)
    let expected = BLAS.multiply(p, .none, x)
    // Backward-stable bound: c·k·ε·‖x‖ with c = 10, k = 3 basis vectors, two passes.
    let tol = Tolerance.backwardStableConstant * 3 * 2 * Double.ulpOfOne * BLAS.norm(x)
    var y = x
    Orthogonalization.project(&y, against: basis)
    for i in 0..<8 { #expect(abs(y[i] - expected[i]) <= tol) }
    let onto = Orthogonalization.projection(of: x, onto: basis)
    for i in 0..<8 { #expect(abs(x[i] - onto[i] - expected[i]) <= tol) }
    var packed = x
    var c = [Double](repeating: 0, count: 3)
    Orthogonalization.projectOut(&packed, rows: 3, of: basis.flatMap { $0 }, coefficients: &c)
    for i in 0..<8 { #expect(abs(packed[i] - expected[i]) <= tol) }
    for j in 0..<3 { #expect(abs(c[j] - BLAS.dot(basis[j], x)) <= tol) }
    // Can fail: leaving out a basis vector leaves a component of size |q₃ᵀx| ≫ tol.
    var partial = x
    Orthogonalization.project(&partial, against: Array(basis.prefix(2)))
    #expect((0..<8).contains { abs(partial[$0] - expected[$0]) > tol })
  }

  @Test("One pass leaves a nearly parallel vector non-orthogonal; two passes reach O(ε)")
  func twiceIsEnough() {
    // u = (1, 1, 0)/√2 and v at angle δ = 10⁻⁹ to it: after one pass the rounding error
    // ε·‖v‖ is left in a remainder of size δ, so the normalized remainder is off by ε/δ ≈ 10⁻⁷.
    let delta = 1e-9
    let u: [Double] = [1 / 2.0.squareRoot(), 1 / 2.0.squareRoot(), 0]
    let v: [Double] = [u[0] + delta * 0.3, u[1] - delta * 0.3, delta]
    func remainder(passes: Int) -> [Double] {
      var y = v
      Orthogonalization.project(&y, against: [u], passes: passes)
      let n = BLAS.norm(y)
      return y.map { $0 / n }
    }
    #expect(abs(BLAS.dot(remainder(passes: 2), u)) <= 4 * Double.ulpOfOne)
    // Can fail: one pass is not enough here.
    #expect(abs(BLAS.dot(remainder(passes: 1), u)) > 1e3 * Double.ulpOfOne)
    var basis = [u]
    let norms = Orthogonalization.extend(&basis, withColumnsOf: Matrix(rows: 3, columns: 1, elements: v))
    // ‖(I − uuᵀ)v‖ = δ·‖(0.3, −0.3, 1)‖ projected: (0.3, −0.3, 1) ⊥ u already.
    #expect(abs(norms[0] - delta * (0.18 + 1).squareRoot()) <= 1e-6 * delta)
    #expect(basis.count == 2)
    #expect(abs(BLAS.dot(basis[0], basis[1])) <= 4 * Double.ulpOfOne)
    #expect(abs(BLAS.norm(basis[1]) - 1) <= 4 * Double.ulpOfOne)
  }

  @Test("A dependent column adds only rounding: its remainder norm is O(ε) of its length")
  func dependentColumn() {
    var basis: [[Double]] = []
    let norms = Orthogonalization.extend(&basis, withColumnsOf: Matrix(rowArrays: [[3, 6], [4, 8]]))
    #expect(norms[0] == 5)
    #expect(abs(norms[1]) <= 10 * 10 * Double.ulpOfOne)
    #expect(abs(basis[0][0] - 0.6) <= 2 * Double.ulpOfOne && abs(basis[0][1] - 0.8) <= 2 * Double.ulpOfOne)
  }
}
