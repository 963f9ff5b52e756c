import Testing
import TestSupport

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

/// The one dense-from-operator routine, against hand-computed Hessians.
@Suite("DenseRank.denseMatrix")
struct DenseRankTests {
  static let h = Matrix(rowArrays: [[2, 1, 0], [1, 3, -1], [0, -1, 4]])

  @Test("An operator without a known matrix is read as one H·I block of d columns (d HVPs)")
  func oneBlock() throws {
    let recorder = BlockCallRecorder(Self.h)
    let op = recorder.counted()
    let m = try DenseRank.denseMatrix(of: op)
    #expect(m == Self.h)
    #expect(recorder.columnsPerCall == [3])
    #expect(op.applicationCount == 3)
  }

  @Test("A known matrix costs no products")
  func knownMatrix() throws {
    let op = HessianOperator(matrix: Self.h)
    #expect(try DenseRank.denseMatrix(of: op) == Self.h)
    #expect(op.applicationCount == 0)
  }

  @Test("Landscape.denseHessian(at:) is the closed-form Hessian of a polynomial away from the minimum")
  func polynomialAtPoint() throws {
    // L = x0²·x1² + x1⁴:  ∇²L = [[2x1², 4x0x1], [4x0x1, 2x0² + 12x1²]];  at (1, 2): [[8, 8], [8, 50]].
    let l = try PolynomialLandscape(expression: "x0^2*x1^2 + x1^4")
    let m = try l.denseHessian(at: [1, 2])
    let expected: [[Double]] = [[8, 8], [8, 50]]
    for i in 0..<2 { for j in 0..<2 { #expect(abs(m[i, j] - expected[i][j]) <= 1e-12) } }
    // At the minimum (0, 0) the Hessian vanishes: the point is used, not ignored.
    #expect(try l.denseHessian(at: [0, 0]).elements.allSatisfy { abs($0) <= 1e-12 })
  }

  @Test("denseHessianAtMinimum is the known Hessian when there is one, else built from products")
  func atMinimum() throws {
    let q = QuadraticLandscape(name: "dense", storage: .dense(Self.h))
    #expect(try q.denseHessianAtMinimum() == Self.h)
    #expect(try q.denseHessian(at: [5, -1, 2]) == Self.h)
    // L = x0² + 3·x0·x1 + 4·x1²: H = [[2, 3], [3, 8]] everywhere.
    let p = try PolynomialLandscape(expression: "x0^2 + 3*x0*x1 + 4*x1^2")
    let m = try p.denseHessianAtMinimum()
    let expected: [[Double]] = [[2, 3], [3, 8]]
    for i in 0..<2 { for j in 0..<2 { #expect(abs(m[i, j] - expected[i][j]) <= 1e-12) } }
  }
}
