import Foundation
import PropertyBased
import Testing
import TestSupport

@testable import GSLBridge

/// A symmetric matrix Q diag(spectrum) Qᵀ with a deterministic orthogonal Q
/// (a product of Givens rotations), built without any eigen routine.
func matrixWithSpectrum(_ spectrum: [Double], rotations: Int = 3) -> Matrix {
  let n = spectrum.count
  var q = Matrix.identity(n)
  for r in 0..<rotations {
    for i in 0..<(n - 1) {
      let theta = 0.3 + 0.7 * Double(r) + 0.11 * Double(i)
      let c = cos(theta), s = sin(theta)
      for k in 0..<n {
        let a = q[k, i], b = q[k, i + 1]
        q[k, i] = c * a - s * b
        q[k, i + 1] = s * a + c * b
      }
    }
  }
  var a = Matrix(rows: n, columns: n)
  for i in 0..<n { for j in 0..<n { a[i, j] = (0..<n).reduce(0) { $0 + q[i, $1] * spectrum[$1] * q[j, $1] } } }
  return a
}

/// tridiag(−1, 2, −1), the 1-D Laplacian, whose eigenvalues are 2 − 2cos(kπ/(n+1)).
func laplacian(_ n: Int) -> Matrix {
  var a = Matrix(rows: n, columns: n)
  for i in 0..<n {
    a[i, i] = 2
    if i + 1 < n {
      a[i, i + 1] = -1
      a[i + 1, i] = -1
    }
  }
  return a
}

@Suite("Dense symmetric eigendecomposition")
struct SymmetricEigenTests {
  @Test("1-D Laplacian spectrum is analytic", arguments: [EigenSolver.gsl, .lapack], [5, 31, 120])
  func laplacianSpectrum(solver: EigenSolver, n: Int) throws {
    let values = try SymmetricEigen.values(of: laplacian(n), solver: solver)
    let exact = (1...n).map { 2 - 2 * cos(Double($0) * Double.pi / Double(n + 1)) }.sorted()
    let tol = Tolerance.dense(n: n, scale: 4)
    for (v, e) in zip(values, exact) { #expect(abs(v - e) <= tol) }
  }

  @Test("Residuals, orthonormality and order", arguments: [EigenSolver.gsl, .lapack])
  func residualsAndOrthonormality(solver: EigenSolver) throws {
    let spectrum = [5.0, 5, 5, 2, 0, 0, 0, -1, 3.5, 7]  // a triple, a null space of 3
    let a = matrixWithSpectrum(spectrum)
    let n = spectrum.count
    let e = try SymmetricEigen.decomposition(of: a, solver: solver)
    let scale = 7.0
    #expect(e.values == e.values.sorted())
    for (v, x) in zip(e.values, spectrum.sorted()) { #expect(abs(v - x) <= Tolerance.dense(n: n, scale: scale)) }
    for k in 0..<n {
      let v = e.vectors.column(k)
      let av = BLAS.multiply(a, .none, v)
      let residual = BLAS.norm(zip(av, v).map { $0 - e.values[k] * $1 })
      #expect(residual <= Tolerance.dense(n: n, scale: scale))
      for l in 0..<n {
        let dot = BLAS.dot(v, e.vectors.column(l))
        #expect(abs(dot - (k == l ? 1 : 0)) <= Tolerance.dense(n: n, scale: 1))
      }
    }
    // The null space is exactly three-dimensional.
    #expect(e.values.filter { abs($0) <= Tolerance.dense(n: n, scale: scale) }.count == 3)
  }

  @Test("GSL and LAPACK agree on random symmetric matrices")
  func solversAgree() async {
    await propertyCheck(count: 30, input: Gen.int(in: 1...40), Gen.double(in: -1...1).array(of: 1600)) { n, pool in
      var a = Matrix(rows: n, columns: n)
      for i in 0..<n { for j in 0...i { a[i, j] = pool[i * 40 + j]; a[j, i] = pool[i * 40 + j] } }
      let g = try SymmetricEigen.values(of: a, solver: .gsl)
      let l = try SymmetricEigen.values(of: a, solver: .lapack)
      let scale = max(g.map(abs).max() ?? 0, 1)
      for (x, y) in zip(g, l) { #expect(abs(x - y) <= Tolerance.dense(n: n, scale: scale)) }
      #expect(abs(g.reduce(0, +) - a.trace) <= Tolerance.dense(n: n * n, scale: scale))
    }
  }

  @Test("Automatic solver switches at the measured crossover")
  func crossover() {
    #expect(SymmetricEigen.resolve(.automatic, SymmetricEigen.crossoverDimension - 1) == .gsl)
    #expect(SymmetricEigen.resolve(.automatic, SymmetricEigen.crossoverDimension) == .lapack)
  }

  @Test("Non-square and non-finite inputs are typed errors")
  func badInputs() {
    #expect(throws: LinearAlgebraError.notSquare(rows: 2, columns: 3)) {
      try SymmetricEigen.values(of: Matrix(rows: 2, columns: 3))
    }
    var a = Matrix.identity(3)
    a[1, 1] = .nan
    #expect(throws: LinearAlgebraError.notFinite) { try SymmetricEigen.values(of: a) }
  }
}
