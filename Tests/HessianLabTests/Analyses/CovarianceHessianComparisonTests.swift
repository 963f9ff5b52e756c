import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("CovarianceHessianComparison: the estimate beside H")
struct CovarianceHessianComparisonTests {
  @Test("Ĉ = σ²·κ·H⁺ on the range: zero relative error; (1,λ) gets a prediction, (μ,λ) none")
  func relationAndPrediction() throws {
    let h = Matrix.diagonal([2, 8, 0])
    let c = Matrix.diagonal([0.05, 0.0125, 1])
    let best = try SelectionSampler(population: 10, sigma: 1)
    let r = CovarianceHessianComparison.compare(covariance: c, hessian: h, sampler: best, precision: .float64)
    #expect(r.relation?.rangeDimension == 2)
    #expect(abs(r.relation?.relativeError ?? 1) < 1e-12)
    #expect(r.prediction?.finite != nil)
    #expect(r.warnings.isEmpty)
    let mu = try SelectionSampler(population: 10, sigma: 1, scheme: .truncation(mu: 3))
    #expect(CovarianceHessianComparison.compare(covariance: c, hessian: h, sampler: mu, precision: .float64).prediction == nil)
  }

  @Test("H = 0 has no range: noHessianRange, no relation, no prediction")
  func noRange() throws {
    let sampler = try SelectionSampler(population: 10, sigma: 1)
    let r = CovarianceHessianComparison.compare(
      covariance: .diagonal([1, 1]), hessian: Matrix(rows: 2, columns: 2), sampler: sampler, precision: .float64)
    #expect(r.relation == nil && r.prediction == nil)
    #expect(r.warnings.map(\.code) == [.noHessianRange])
  }

  @Test("off-centre only the asymptote is predicted, and finiteScaleUnavailable states its error")
  func offCentre() throws {
    let sampler = try SelectionSampler(population: 50, sigma: 1, centerOffset: [0.5, 0])
    let r = CovarianceHessianComparison.compare(
      covariance: .diagonal([0.1, 0.03]), hessian: .diagonal([2, 8]), sampler: sampler, precision: .float64)
    #expect(r.prediction?.finite == nil)
    #expect(r.warnings.map(\.code) == [.finiteScaleUnavailable])
    #expect(r.warnings.first?.message.contains("can be off by") == true)
  }

  @Test("the Hessian compared with follows the policy")
  func hessianByPolicy() throws {
    let unknown = UnknownHessianLandscape(quadratic: [1, 2])
    #expect(try CovarianceHessianComparison.hessian(of: unknown, policy: .knownHessian) == nil)
    #expect(try CovarianceHessianComparison.hessian(of: unknown, policy: .never) == nil)
    #expect(try CovarianceHessianComparison.hessian(of: unknown, policy: .knownOrExactProducts) == .diagonal([2, 4]))
    let known = QuadraticLandscape(name: "q", storage: .diagonal([3, 0]))
    #expect(try CovarianceHessianComparison.hessian(of: known, policy: .knownHessian) == .diagonal([3, 0]))
    #expect(try CovarianceHessianComparison.hessian(of: known, policy: .never) == nil)
  }
}
