import Foundation
import Testing
import TestSupport

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("QuadraticLandscape+Numpy")
struct QuadraticLandscapeNumpyTests {
  func write(_ m: Matrix, _ file: String, dtype: NumpyDType = .float64) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hessianlab-zoo-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(file)
    try NumpyArray(matrix: m, dtype: dtype).write(to: url)
    return url.path
  }

  /// Q·diag(1, …, r, 0, …)·Qᵀ in float64 with a seeded orthonormal Q, symmetrised and then
  /// rounded entry by entry to float32: rank r at float32's ε, but its rounding noise
  /// (≈ max|λ|·2⁻²⁴ per entry) lies far above float64's τ.
  static func float32Rounded(rank r: Int, dimension d: Int, seed: UInt64) throws -> Matrix {
    let land = try QuadraticLandscape.withSpectrum(
      name: "exact", nonzeroEigenvalues: (1...r).map(Double.init), dimension: d, basis: .randomOrthonormal(seed: seed))
    let h = try land.denseHessianAtMinimum()
    var out = Matrix(rows: d, columns: d)
    for i in 0..<d { for j in 0..<d { out[i, j] = Double(Float((h[i, j] + h[j, i]) / 2)) } }
    return out
  }

  @Test("a PSD .npy Hessian resolves with its rank")
  func valid() throws {
    // [[1,1,0],[1,1,0],[0,0,3]] has eigenvalues 0, 2, 3: rank 2.
    let path = try write(Matrix(rowArrays: [[1, 1, 0], [1, 1, 0], [0, 0, 3]]), "psd.npy")
    let l = try LandscapeSpec.resolve(path)
    #expect(l.dimension == 3)
    #expect(l.knownAnswers.rank.value == 2)
    // Counted by a dense eigendecomposition, not prescribed: labelled as computed.
    #expect(l.knownAnswers.rank.provenance == .computed)
    #expect(l.knownAnswers.learningCoefficient.value == Rational(1))
    #expect(l.precision == .float64)
    LandscapeChecks.checkAll(l, thirdDerivativeBound: 0, fourthDerivativeBound: 0, hessianScale: 3)
  }

  @Test("asymmetric, indefinite and non-square files are refused with the file named", arguments: [
    ([[1.0, 2], [0, 1]], "not symmetric"), ([[1.0, 0], [0, -1]], "not positive semidefinite"),
  ])
  func invalid(rows: [[Double]], fragment: String) throws {
    let name = "bad-\(fragment.count).npy"
    let path = try write(Matrix(rowArrays: rows), name)
    #expect {
      _ = try LandscapeSpec.resolve(path)
    } throws: { ($0 as? InputError).map { $0.description.hasPrefix(name) && $0.description.contains(fragment) } == true }
  }

  @Test("a non-square Hessian is refused")
  func nonSquare() throws {
    let path = try write(Matrix(rows: 2, columns: 3), "rect.npy")
    #expect { _ = try LandscapeSpec.resolve(path) } throws: { ($0 as? InputError)?.description.contains("must be square") == true }
  }

  @Test("a float32 file keeps its precision on the landscape, its operators and a sum containing it")
  func float32Precision() throws {
    let h = try Self.float32Rounded(rank: 12, dimension: 64, seed: 2026)
    // Power: judged with float64's ε the rounded matrix has full rank, so a path that
    // drops the precision is caught by every rank check below.
    let eig = try SymmetricEigen.values(of: h)
    #expect(NumericalRank.decide(eigenvalues: eig, dimension: 64, precision: .float64).rank == 64)
    let path = try write(h, "rank12-\(UUID().uuidString).npy", dtype: .float32)

    let land = try LandscapeSpec.resolve(path)
    #expect(land.precision == .float32)
    #expect(land.knownAnswers.rank.value == 12)
    let op = HessianOperator(landscape: land)
    #expect(op.precision == .float32)
    #expect(try DenseRank.rank(of: op).rank == 12)
    // Away from the minimum (no known matrix: 64 HVPs), and seen only through products.
    #expect(try DenseRank.rank(of: HessianOperator(landscape: land, at: land.minimum)).rank == 12)
    let productsOnly = HessianOperator(productsOnlyOf: land)
    #expect(productsOnly.precision == .float32 && productsOnly.knownMatrix == nil)
    #expect(try DenseRank.rank(of: productsOnly).rank == 12)

    // The class, not the example: a sum with a float32 block takes the weakest precision,
    // whichever position the block has.
    for (spec, rank) in [("sum:\(path)|quad:5:d=2", 13), ("sum:quad:5:d=2|\(path)", 13), ("sum:quad:5:d=2|nc-x2|\(path)", 14)] {
      let sum = try LandscapeSpec.resolve(spec)
      #expect(sum.precision == .float32, "\(spec)")
      #expect(sum.knownAnswers.rank.value == rank, "\(spec)")
      let dense = try DenseRank.rank(of: HessianOperator(landscape: sum))
      #expect(dense.rank == sum.knownAnswers.rank.value, "\(spec): \(dense.rank)")
      #expect(sum.knownAnswers.scope == .hessianQuadratic, "\(spec)")
    }
    // Every other family is float64.
    for spec in ["quad:1,2:d=3", "nc-x2", "dln-2-1-2", "sum:nc-x2|quad:1:d=2"] {
      #expect(try LandscapeSpec.resolve(spec).precision == .float64, "\(spec)")
    }
  }

  @Test("λ and m of a Hessian file are scoped to its quadratic, in the words and in the scope")
  func scope() throws {
    let path = try write(Matrix(rowArrays: [[2, 0], [0, 0]]), "scope.npy")
    let land = try LandscapeSpec.resolve(path)
    #expect(land.knownAnswers.scope == .hessianQuadratic)
    #expect(land.knownAnswers.learningCoefficient.source.contains("for the quadratic ½wᵀHw with this Hessian"))
    #expect(AnswerScope.hessianQuadratic.phrase?.contains("not for the model H came from") == true)
    #expect(AnswerScope.landscape.phrase == nil)
    #expect(try LandscapeSpec.resolve("quad:2:d=2").knownAnswers.scope == .landscape)
    let report = LandscapeReport(land)
    #expect(report.scope == .hessianQuadratic)
  }

  @Test("an indefinite file: refused as a minimum, accepted as a saddle with the evidence, or read unanalysed")
  func checks() throws {
    // eigenvalues 3, 1, −2 (diagonal): a saddle.
    let path = try write(Matrix(rowArrays: [[3, 0, 0], [0, 1, 0], [0, 0, -2]]), "saddle3.npy")
    #expect(throws: InputError.self) { try QuadraticLandscape.fromNumpyHessian(path: path) }
    let saddle = try QuadraticLandscape.fromNumpyHessian(path: path, check: .saddleAllowed)
    let evidence = try #require(saddle.knownAnswers.negativeCurvature)
    #expect(evidence.eigenvalue == -2)
    #expect(evidence.count == 1)
    #expect(evidence.warning.contains("not a minimum"))
    #expect(saddle.knownAnswers.rank.value == 3)
    #expect(saddle.knownAnswers.learningCoefficient.value == nil)
    #expect(saddle.knownAnswers.multiplicity.value == nil)
    // A sum carries a block's saddle evidence.
    let sum = try LandscapeSpec.resolve("sum:quad:1:d=1|\(path)", hessianCheck: .saddleAllowed)
    #expect(sum.knownAnswers.negativeCurvature?.eigenvalue == -2)
    // Symmetry only: nothing computed at load, nothing claimed.
    let raw = try QuadraticLandscape.fromNumpyHessian(path: path, check: .symmetryOnly)
    #expect(raw.knownAnswers.rank.value == nil)
    #expect(raw.knownAnswers.learningCoefficient.value == nil)
    #expect(raw.knownAnswers.multiplicity.value == nil)
    #expect(raw.knownAnswers.negativeCurvature == nil)
    // A PSD float32 file whose rounding dips below −τ₆₄ (but not −τ₃₂) is a minimum.
    let h = try Self.float32Rounded(rank: 3, dimension: 16, seed: 5)
    #expect(try SymmetricEigen.values(of: h).first ?? 0 < -1e-12)
    let f32 = try write(h, "psd32-\(UUID().uuidString).npy", dtype: .float32)
    #expect(try QuadraticLandscape.fromNumpyHessian(path: f32, check: .saddleAllowed).knownAnswers.negativeCurvature == nil)
    #expect(try QuadraticLandscape.fromNumpyHessian(path: f32).knownAnswers.rank.value == 3)
  }
}
