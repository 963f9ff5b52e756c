import Foundation
import Testing
import TestSupport
import HessianLab
@testable import HessianCore
@testable import HessianZoo

/// rank J by SVD (the computed known rank) against the Hessian-vector-product estimators on every `mlp:`
/// fixture, and the threshold convention on matrices of known rank.
@Suite("JacobianRank")
struct JacobianRankTests {
  static let mlpFixtures: [String] = {
    let dir = Repository.path("fixtures/landscapes")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
    return names.filter { $0.hasPrefix("mlp-") && $0.hasSuffix(".json") }.sorted().map { dir + "/" + $0 }
  }()

  @Test("there are at least 6 mlp: fixtures") func count() { #expect(Self.mlpFixtures.count >= 6) }

  @Test("a product of Gaussian factors has the inner width as its rank; τ_J = σ_max·max(m, n)·ε")
  func knownRank() throws {
    var rng = SeededGenerator(seed: 5)
    let a = Matrix(rows: 12, columns: 3, elements: rng.normals(36)), b = Matrix(rows: 3, columns: 8, elements: rng.normals(24))
    let j = try JacobianRank(of: BLAS.multiply(a, .none, b, .none))
    #expect(j.rank == 3)
    #expect(j.threshold == j.singularValues[0] * 12 * Double.ulpOfOne)
    #expect(try #require(j.gapRatio) > 1e10)
    #expect(try JacobianRank(of: Matrix(rows: 4, columns: 3)).rank == 0)
  }

  @Test("rank of the Hessian from HVPs (block Krylov, dense; Lanczos where eigenvalues are distinct) = rank J by SVD", arguments: mlpFixtures)
  func hessianRankEqualsJacobianRank(path: String) throws {
    let l = try #require(try LandscapeSpec.resolve(path) as? MultilayerPerceptronLandscape)
    let j = try JacobianRank(of: l.network.jacobian(l.minimum, inputs: l.inputs))
    #expect(l.knownAnswers.rank.value == j.rank)
    #expect(l.knownAnswers.rank.provenance == .computed)
    var rng = SeededGenerator(seed: 17)
    let block = try BlockKrylovRank.rank(of: HessianOperator(landscape: l), using: &rng)
    #expect(block.rank == j.rank, "\(path): block \(block.summaryLines)")
    let lanczos = try LanczosRank.rank(of: HessianOperator(landscape: l), using: &rng)
    // Single-vector Lanczos sees distinct eigenvalues only: a linear network's Hessian has exact multiplets
    // (the GL symmetry), so there it may count fewer, and then says so with a typed warning.
    let undercount = !Set(lanczos.warnings.map(\.code)).isDisjoint(with: [.multiplicityInvisible, .smallEigenvaluesUnresolved])
    #expect(lanczos.rank == j.rank || (lanczos.rank < j.rank && undercount), "\(path): lanczos \(lanczos.summaryLines)")
    if l.network.activation != .linear { #expect(lanczos.rank == j.rank, "\(path): lanczos \(lanczos.summaryLines)") }
    let dense = try DenseRank.rank(of: HessianOperator(landscape: l))
    #expect(dense.rank == j.rank, "\(path): dense \(dense.summaryLines)")
  }

  @Test("H = JᵀJ/N at the minimum (the loss is ‖f − y‖²/(2N))", arguments: mlpFixtures)
  func gaussNewtonIdentity(path: String) throws {
    let l = try #require(try LandscapeSpec.resolve(path) as? MultilayerPerceptronLandscape)
    // At a trained point (train=STEPS) the residual is small, not 0: H = JᵀJ/N + (1/N)Σ r·∇²f, which is what
    // spreads small eigenvalues there (docs/mlp.md); the identity is exact only at the embedded minimum.
    guard l.training == nil else { return }
    let j = l.network.jacobian(l.minimum, inputs: l.inputs)
    var jtj = BLAS.multiply(j, .transpose, j, .none)
    for i in jtj.elements.indices { jtj.elements[i] /= Double(l.inputs.columns) }
    let h = try l.denseHessian(at: l.minimum)
    let scale = jtj.elements.map(abs).max() ?? 0
    let diff = zip(h.elements, jtj.elements).map { abs($0 - $1) }.max() ?? 0
    #expect(diff <= 1e-12 * max(scale, 1e-300), "\(path): max |H − JᵀJ/N| = \(diff), scale \(scale)")
  }
}
