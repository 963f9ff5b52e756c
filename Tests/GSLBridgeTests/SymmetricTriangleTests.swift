import Foundation
import TestSupport
import Testing

@testable import GSLBridge

/// ``SymmetricTriangle``'s inertia, Cholesky test and product against independent answers: the
/// spectrum a matrix Q·diag(λ)·Qᵀ is built from, and plain loops.
@Suite("SymmetricTriangle: inertia by LDLᵀ (rook), Cholesky, dsymv")
struct SymmetricTriangleTests {

  @Test("#{λ > s} and #{λ < −s} from the inertia of S ∓ sI equal the constructed spectrum's counts", arguments: [1, 2, 3, 5, 17, 64, 130])
  func countsMatchConstruction(n: Int) throws {
    var g = TestLCG(seed: UInt64(n) * 977)
    for trial in 0..<4 {
      // Magnitudes in [10⁻², 10²] with random signs, a third of them exactly zero.
      let lambda = (0..<n).map { i -> Double in
        let m = pow(10, 4 * g.centred()), sign: Double = 2 * g.centred() < 0 ? -1 : 1
        return i % 3 == 2 ? 0 : sign * m
      }
      var s = try SymmetricTriangle(symmetricPartOf: try TestLCG.symmetricMatrix(spectrum: lambda, seed: UInt64(31 * n + trial)))
      for shift in [1e-6, 0.05, 1.0] where lambda.allSatisfy({ abs(abs($0) - shift) > 1e-3 }) {
        let above = try s.inertia(shiftedBy: shift), below = try s.inertia(shiftedBy: -shift)
        #expect(above.positive == lambda.filter { $0 > shift }.count, "n \(n) trial \(trial) s \(shift)")
        #expect(below.negative == lambda.filter { $0 < -shift }.count, "n \(n) trial \(trial) s \(shift)")
        #expect(above.positive + above.negative + above.zero == n)
        #expect(above.pivotGrowth < 10)
        #expect(try s.isPositiveDefinite(shiftedBy: shift) == lambda.allSatisfy { $0 > -shift })
      }
    }
  }

  @Test("2×2 pivots: a symmetric matrix with a zero diagonal has the inertia its eigenvalues give", arguments: [2, 3, 10, 41])
  func twoByTwoPivots(n: Int) throws {
    var g = TestLCG(seed: UInt64(n) &* 131)
    var a = Matrix(rows: n, columns: n)
    for i in 0..<n { for j in (i + 1)..<max(i + 1, n) { a[i, j] = 2 * g.centred(); a[j, i] = a[i, j] } }
    let values = try SymmetricEigen.values(of: a)
    var s = try SymmetricTriangle(symmetricPartOf: a)
    let inertia = try s.inertia(shiftedBy: 0)
    let tol = 1e-10
    #expect(values.allSatisfy { abs($0) > tol }, "a generic zero-diagonal matrix is nonsingular")
    #expect(inertia.positive == values.filter { $0 > tol }.count)
    #expect(inertia.negative == values.filter { $0 < -tol }.count)
  }

  @Test("D's inertia block by block: 1×1 signs, 2×2 det < 0, > 0 and = 0, and a zero pivot")
  func inertiaOfD() {
    // Column-major 4×4 factor storage; only the diagonal blocks are read.
    func inertia(_ blocks: [[Double]], pivots: [Int32]) -> Inertia {
      let n = pivots.count
      var f = [Double](repeating: 0, count: n * n)
      var k = 0
      for b in blocks {
        if b.count == 1 {
          f[k * n + k] = b[0]
          k += 1
        } else {
          f[k * n + k] = b[0]
          f[k * n + k + 1] = b[1]
          f[(k + 1) * n + k + 1] = b[2]
          k += 2
        }
      }
      return SymmetricTriangle.inertiaOfD(f, pivots: pivots, order: n, scale: 1)
    }
    #expect(inertia([[2], [-3], [0], [5]], pivots: [1, 2, 3, 4]) == Inertia(positive: 2, negative: 1, zero: 1, pivotGrowth: 5))
    #expect(inertia([[1, 2, 1], [4], [-1]], pivots: [-2, -1, 3, 4]) == Inertia(positive: 2, negative: 2, zero: 0, pivotGrowth: 4))
    #expect(inertia([[2, 1, 3], [-2, 1, -3]], pivots: [-2, -1, -4, -3]) == Inertia(positive: 2, negative: 2, zero: 0, pivotGrowth: 3))
    #expect(inertia([[2, 2, 2], [1], [1]], pivots: [-2, -1, 3, 4]) == Inertia(positive: 3, negative: 0, zero: 1, pivotGrowth: 2))
    #expect(inertia([[0, 1, 0], [-1, 0, -1]], pivots: [-2, -1, -4, -3]) == Inertia(positive: 1, negative: 3, zero: 0, pivotGrowth: 1))
  }

  @Test("S·x by dsymv equals the plain (A + Aᵀ)/2 loop to rounding, on a non-symmetric A")
  func multiply() throws {
    let n = 37
    var g = TestLCG(seed: 5)
    let a = Matrix(rows: n, columns: n, elements: (0..<(n * n)).map { _ in 2 * g.centred() })
    let x = (0..<n).map { _ in 2 * g.centred() }
    let y = try SymmetricTriangle(symmetricPartOf: a).multiply(x)
    for i in 0..<n {
      let plain = (0..<n).reduce(0.0) { $0 + 0.5 * (a[i, $1] + a[$1, i]) * x[$1] }
      #expect(abs(y[i] - plain) <= Double(2 * n) * Double.ulpOfOne * Double(n), "row \(i)")
    }
  }

  @Test("not square, not finite and a non-finite shift are errors, not traps")
  func errors() throws {
    #expect(throws: LinearAlgebraError.notSquare(rows: 2, columns: 3)) { try SymmetricTriangle(symmetricPartOf: Matrix(rows: 2, columns: 3)) }
    var bad = Matrix(rows: 2, columns: 2)
    bad[1, 0] = .nan
    #expect(throws: LinearAlgebraError.notFinite) { try SymmetricTriangle(symmetricPartOf: bad) }
    var s = try SymmetricTriangle(symmetricPartOf: Matrix.identity(3))
    #expect(throws: LinearAlgebraError.notFinite) { try s.inertia(shiftedBy: .infinity) }
    #expect(throws: LinearAlgebraError.notFinite) { try s.isPositiveDefinite(shiftedBy: .nan) }
    #expect(try s.inertia(shiftedBy: 0.5) == Inertia(positive: 3, negative: 0, zero: 0, pivotGrowth: 1))  // D = ½I of ½I
    var empty = try SymmetricTriangle(symmetricPartOf: Matrix(rows: 0, columns: 0))
    #expect(try empty.inertia(shiftedBy: 1).positive == 0)
  }
}
