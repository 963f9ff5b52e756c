import Testing
import TestSupport

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("QuadraticLandscape")
struct QuadraticLandscapeTests {
  @Test("derivatives and batching for every storage", arguments: ["quad:1,2,3:d=5", "quad:1,2,3:d=6:seed=4", "dense"])
  func derivatives(spec: String) throws {
    let l: any Landscape =
      spec == "dense"
      ? QuadraticLandscape(name: "dense", storage: .dense(Matrix(rowArrays: [[2, 1, 0], [1, 2, 0], [0, 0, 0]])))
      : try LandscapeSpec.resolve(spec)
    // A quadratic has zero third derivative: only rounding remains (M₃ = M₄ = 0).
    LandscapeChecks.checkAll(l, thirdDerivativeBound: 0, fourthDerivativeBound: 0, hessianScale: 3)
  }

  @Test("a random orthonormal basis reproduces the prescribed spectrum with multiplicities")
  func spectrum() throws {
    let l = try QuadraticLandscape.withSpectrum(
      name: "t", nonzeroEigenvalues: [2, 2, 2, 5], dimension: 7, basis: .randomOrthonormal(seed: 9))
    let values = try SymmetricEigen.values(of: l.knownAnswers.hessian?.dense(dimension: 7) ?? Matrix(rows: 0, columns: 0))
    let expected: [Double] = [0, 0, 0, 2, 2, 2, 5]
    for (a, b) in zip(values, expected) { #expect(abs(a - b) <= Tolerance.dense(n: 7, scale: 5) * 10) }
  }

  @Test("d = 10,000 with rank 3 is factored: O(kd) memory, one gemm for the batch")
  func large() throws {
    let l = try #require(try LandscapeSpec.resolve("quad-large-low-rank") as? QuadraticLandscape)
    guard case let .factored(values, basis) = l.storage else {
      Issue.record("expected factored storage")
      return
    }
    #expect(values == [1, 2, 3])
    #expect(basis.rows == 3 && basis.columns == 10_000)
    // B Bᵀ = I₃ to rounding (Householder QR: c·d·ε).
    let gram = BLAS.multiply(basis, .none, basis, .transpose)
    #expect((gram - Matrix.identity(3)).frobeniusNorm <= Tolerance.dense(n: 10_000, scale: 1))
    LandscapeChecks.checkBatched(l, seed: 3, count: 4)
  }
}

@Suite("QuadraticLandscape block product")
struct QuadraticLandscapeBlockTests {
  /// Every storage: the block product equals H·V from the dense matrix column by column.
  static func landscapes() throws -> [QuadraticLandscape] {
    let dense = QuadraticLandscape(name: "dense", storage: .dense(Matrix(rowArrays: [[2, 1, 0], [1, 2, 0], [0, 0, 0]])))
    let diagonal = QuadraticLandscape(name: "diagonal", storage: .diagonal([3, 0, -1]))
    let factored = try QuadraticLandscape.withSpectrum(name: "factored", nonzeroEigenvalues: [1, 2], dimension: 3, basis: .randomOrthonormal(seed: 4))
    return [dense, diagonal, factored]
  }

  @Test("hessianProduct(at:block:) equals the dense H times each column, for every storage")
  func blockEqualsColumns() throws {
    var rng = SeededGenerator(seed: 11)
    for l in try Self.landscapes() {
      let h = l.knownAnswers.hessian!.dense(dimension: 3)
      let v = Matrix(rows: 3, columns: 4, elements: rng.normals(12))
      let block = l.hessianProduct(at: [1, 1, 1], block: v)
      #expect(block.rows == 3 && block.columns == 4)
      // gemm against gemv: both backward stable, c·d·ε·‖H‖·‖v‖ with c = 10, d = 3.
      let tol = Tolerance.dense(n: 3, scale: 3) * (v.elements.map(abs).max() ?? 1) * 3
      for j in 0..<4 {
        let expected = BLAS.multiply(h, .none, v.column(j))
        for i in 0..<3 { #expect(abs(block[i, j] - expected[i]) <= tol, "\(l.name) (\(i), \(j))") }
      }
      // A single column is the per-vector product, bit for bit.
      #expect(l.hessianProduct(at: [0, 0, 0], block: Matrix(rows: 3, columns: 1, elements: v.column(0))).elements
        == l.hessianVectorProduct(at: [0, 0, 0], v.column(0)))
    }
  }
}
