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

/// The batched loss of a dense positive-definite H through its Cholesky factor
/// (``QuadraticLandscape/losses(at:)``, ``LazyCholeskyFactor``), against ½xᵀHx summed term by
/// term in the test, and the gemm path kept for every other dense H.
@Suite("QuadraticLandscape batched loss through the Cholesky factor")
struct QuadraticLandscapeCholeskyLossTests {
  /// ½ xᵀ H x by a plain double loop (independent of BLAS and of the factor).
  static func direct(_ h: Matrix, _ x: [Double]) -> Double {
    var s = 0.0
    for i in x.indices { for j in x.indices { s += x[i] * h[i, j] * x[j] } }
    return 0.5 * s
  }

  static func points(_ n: Int, _ d: Int, seed: UInt64) -> Matrix {
    var rng = SeededGenerator(seed: seed)
    return Matrix(rows: n, columns: d, elements: rng.normals(n * d))
  }

  @Test("Positive definite, d = 60: equal to ½xᵀHx within d·ε·‖H‖·‖x‖², never negative; off the origin too")
  func matchesDirect() throws {
    let d = 60
    let h = CholeskyFactorHelper.positiveDefinite(d, seed: 5)
    let minimum = (0..<d).map { Double($0) / 10 }
    let l = QuadraticLandscape(name: "pd", storage: .dense(h), minimum: minimum)
    var x = Self.points(40, d, seed: 2)
    for i in 0..<x.rows { for j in 0..<d { x[i, j] += minimum[j] } }
    let batched = l.losses(at: x)
    let norm = h.elements.map(abs).max()! * Double(d)
    for i in 0..<x.rows {
      let u = (0..<d).map { x[i, $0] - minimum[$0] }
      let exact = Self.direct(h, u)
      let bound = 8 * Double(d) * Double.ulpOfOne * norm * u.map { $0 * $0 }.reduce(0, +)
      #expect(abs(batched[i] - exact) <= bound, "row \(i): \(batched[i]) vs \(exact), bound \(bound)")
      #expect(batched[i] >= 0)
    }
    // The check can fail: H scaled by 1 + 10⁻⁹ is seen in every row.
    let scaled = QuadraticLandscape(name: "scaled", storage: .dense(Matrix(rows: d, columns: d, elements: h.elements.map { $0 * (1 + 1e-9) })), minimum: minimum)
    let other = scaled.losses(at: x)
    #expect(zip(other, batched).allSatisfy { abs($0 - $1) > 8 * Double(d) * Double.ulpOfOne * norm * 1e-3 })
  }

  @Test("The path depends on H only: any batch split gives the same bits, whichever call comes first")
  func orderIndependent() throws {
    let d = 30
    let h = CholeskyFactorHelper.positiveDefinite(d, seed: 8)
    let x = Self.points(12, d, seed: 4)
    let whole = QuadraticLandscape(name: "a", storage: .dense(h)).losses(at: x)
    let split = QuadraticLandscape(name: "b", storage: .dense(h))
    let tail = split.losses(at: Matrix(rows: 4, columns: d, elements: Array(x.elements[(8 * d)...])))
    let head = split.losses(at: Matrix(rows: 8, columns: d, elements: Array(x.elements[..<(8 * d)])))
    #expect(head + tail == whole)
  }

  @Test("The factor is made only when H and L fit the memory budget together (2·d²·8 bytes)")
  func budget() {
    #expect(LazyCholeskyFactor.fits(order: 1000, budget: 16_000_000))
    #expect(!LazyCholeskyFactor.fits(order: 1000, budget: 15_999_999))
    #expect(!LazyCholeskyFactor.fits(order: Int.max / 2, budget: Int.max))  // overflow: does not fit
  }

  @Test("Indefinite and singular dense H keep the gemm path: ½xᵀ(Hx), negative where H is")
  func indefinite() throws {
    let h = Matrix(rowArrays: [[2, 1, 0], [1, 2, 0], [0, 0, -3]])
    let l = QuadraticLandscape(name: "saddle", storage: .dense(h))
    let x = Matrix(rowArrays: [[1, 0, 0], [0, 0, 1], [1, -1, 2]])
    #expect(l.losses(at: x) == [1, -1.5, 0.5 * (2 - 2 + 2 - 12)])
    let singular = QuadraticLandscape(name: "flat", storage: .dense(Matrix(rowArrays: [[1, 1], [1, 1]])))
    #expect(singular.losses(at: Matrix(rowArrays: [[1, -1], [1, 1]])) == [0, 2])
  }
}

/// Test matrices for the Cholesky path (``TestLCG``, not the library's generator).
enum CholeskyFactorHelper {
  static func positiveDefinite(_ d: Int, seed: UInt64) -> Matrix {
    var lcg = TestLCG(seed: seed)
    let g = lcg.matrix(d, d)
    var h = BLAS.multiply(g, .none, g, .transpose)
    for i in 0..<d { h[i, i] += 0.1 }
    for i in 0..<d { for j in 0..<i { let v = 0.5 * (h[i, j] + h[j, i]); h[i, j] = v; h[j, i] = v } }
    return h
  }
}
