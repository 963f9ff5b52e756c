import Foundation
import GSLBridge
import Testing

import HessianLab
@testable import HessianCore

/// Float32 products against the exact double product, within Higham's bound γ_{d+3}·|H|·|x|
/// (native sgemm) or γ₃·|H|·|x| (emulated rounding), and their symmetry.
@Suite("Float32 Hessian-vector products")
struct Float32HessianTests {
  static let u = Double(Float.ulpOfOne) / 2  // unit roundoff 2⁻²⁴
  static func gamma(_ n: Int) -> Double { Double(n) * u / (1 - Double(n) * u) }

  static func randomSymmetric(_ d: Int, seed: UInt64) -> Matrix {
    var rng = SeededGenerator(seed: seed)
    var m = Matrix(rows: d, columns: d)
    for i in 0..<d { for j in 0...i { let x = rng.nextNormal(); m[i, j] = x; m[j, i] = x } }
    return m
  }

  /// (|H|·|X|) column by column, the scale of Higham's componentwise bound.
  static func absoluteProduct(_ h: Matrix, _ x: Matrix) -> Matrix {
    BLAS.multiply(
      Matrix(rows: h.rows, columns: h.columns, elements: h.elements.map(abs)), .none,
      Matrix(rows: x.rows, columns: x.columns, elements: x.elements.map(abs)), .none)
  }

  @Test("native (known matrix): |fl₃₂(H̃X̃) − HX| ≤ γ_{d+3}·|H||X| entrywise, and the error is float32-sized",
        arguments: [5, 40])
  func native(d: Int) throws {
    let h = Self.randomSymmetric(d, seed: UInt64(d))
    var rng = SeededGenerator(seed: 3)
    let x = Matrix(rows: d, columns: 3, elements: rng.normals(d * 3))
    let op = Float32Hessian(MatrixOperator(h))
    #expect(op.isNative && op.precision == .float32)
    let got = try op.apply(x)
    let exact = BLAS.multiply(h, .none, x, .none)
    let bound = Self.absoluteProduct(h, x)
    var worst = 0.0
    for i in got.elements.indices {
      let err = abs(got.elements[i] - exact.elements[i])
      #expect(err <= Self.gamma(d + 3) * bound.elements[i])
      worst = max(worst, err / bound.elements[i])
    }
    // Power: the products really are float32 (a double product would be within γ_d of float64, ~1e-15).
    #expect(worst > 100 * Double(d) * Double.ulpOfOne)
    // The dense reference sees the float32 matrix.
    #expect(op.knownMatrix!.elements == h.elements.map { Double(Float($0)) })
  }

  @Test("emulated (products only): |fl₃₂(H·fl₃₂(x)) − Hx| ≤ γ₃·|H||x| entrywise")
  func emulated() throws {
    let d = 12
    let h = Self.randomSymmetric(d, seed: 9)
    let source = ClosureOperator(dimension: d) { b in try MatrixOperator(h).apply(b) }
    let op = Float32Hessian(source)
    #expect(!op.isNative && op.knownMatrix == nil)
    var rng = SeededGenerator(seed: 4)
    let x = Matrix(rows: d, columns: 2, elements: rng.normals(d * 2))
    let got = try op.apply(x)
    let exact = BLAS.multiply(h, .none, x, .none)
    let bound = Self.absoluteProduct(h, x)
    // Rounding x (u), the double product (γ_d of float64, below u·|H||x|·10⁻⁸), rounding the result (u):
    // (1 + u)² − 1 + u ≤ γ₃.
    for i in got.elements.indices {
      #expect(abs(got.elements[i] - exact.elements[i]) <= Self.gamma(3) * bound.elements[i])
      #expect(Double(Float(got.elements[i])) == got.elements[i])
    }
  }

  @Test("symmetry: |⟨u, H̃v⟩ − ⟨v, H̃u⟩| ≤ 2·γ_{d+3}·|u|ᵀ|H||v| at random vectors")
  func symmetry() throws {
    let d = 30
    let h = Self.randomSymmetric(d, seed: 5)
    let op = Float32Hessian(MatrixOperator(h))
    var rng = SeededGenerator(seed: 6)
    for _ in 0..<5 {
      let u = rng.normals(d), v = rng.normals(d)
      let hv = try op.apply(Matrix(rows: d, columns: 1, elements: v)).elements
      let hu = try op.apply(Matrix(rows: d, columns: 1, elements: u)).elements
      let scale = BLAS.dot(u.map(abs), BLAS.multiply(Matrix(rows: d, columns: d, elements: h.elements.map(abs)), .none, v.map(abs)))
      // Each inner product's own double rounding is γ_d of float64, far below the float32 term.
      #expect(abs(BLAS.dot(u, hv) - BLAS.dot(v, hu)) <= 2 * Self.gamma(d + 3) * scale)
    }
  }
}
