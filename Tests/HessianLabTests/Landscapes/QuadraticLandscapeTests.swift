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
