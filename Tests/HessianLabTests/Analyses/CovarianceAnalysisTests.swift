import Foundation
import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("CovarianceAnalysis: the covariance workflow as one call")
struct CovarianceAnalysisTests {
  static let quadratic = QuadraticLandscape(name: "q", storage: .diagonal([2, 8, 0, 0]))

  @Test("run gives the read-out of the sampler's own estimate, bit for bit, and counts the diagnostic's evaluations")
  func runMatchesTheSteps() async throws {
    let options = CovarianceAnalysis.Options(population: 10, kept: 40, diagnosticKept: 20, seed: 5, workers: 2)
    let report = try await CovarianceAnalysis.run(Self.quadratic, options: options)
    let sampler = try SelectionSampler(population: 10, sigma: 1)
    let sample = try await sampler.sample(Self.quadratic, kept: 40, seed: 5, workers: 1)
    let c = sample.moments.secondMoment
    let readout = try CovarianceRankReadout.read(eigenvalues: try SymmetricEigen.values(of: c), kept: 40, sigma: 1)
    #expect(report.readout == readout)
    #expect(report.covariance == c)
    #expect(report.estimate == .secondMoment)
    #expect(report.samplingLossEvaluations == sample.lossEvaluations)
    let diagnostic = try #require(report.sigmaScaling)
    #expect(report.lossEvaluations == sample.lossEvaluations + diagnostic.lossEvaluations)
    #expect(diagnostic.lossEvaluations == 3 * (20 * 10 + 1))
    #expect(report.knownRank == 2)
  }

  @Test("without a closed-form Hessian the default compares nothing and spends no Hessian-vector product")
  func lossOnlyWithoutKnownHessian() async throws {
    let land = UnknownHessianLandscape(quadratic: [1, 4, 0])
    let options = CovarianceAnalysis.Options(population: 10, kept: 40, diagnosticKept: 0, seed: 1)
    #expect(options.hessianComparison == .knownHessian)
    let report = try await CovarianceAnalysis.run(land, options: options)
    #expect(land.hessianVectorProducts.count == 0)
    #expect(report.comparison == nil && report.relation == nil && report.prediction == nil)
    #expect(report.warnings.map(\.code) == [.notKnownQuadratic] + report.readout.diagnostics.map(\.typed.code))
    // Asked to compare anyway, it builds H from d exact products and measures the relation.
    var always = options
    always.hessianComparison = .knownOrExactProducts
    let compared = try await CovarianceAnalysis.run(land, options: always)
    #expect(land.hessianVectorProducts.count == 3)
    #expect(compared.relation?.rangeDimension == 2)
    #expect(compared.readout == report.readout)
  }

  @Test("a closed-form Hessian is compared with, and the warnings come in step order with their codes")
  func knownHessianAndWarningOrder() async throws {
    let options = CovarianceAnalysis.Options(
      population: 10, kept: 40, centerOffset: [0.5, 0, 0, 0], diagnosticKept: 0, seed: 2)
    let report = try await CovarianceAnalysis.run(Self.quadratic, options: options)
    #expect(report.estimate == .meanCentred)
    #expect(report.relation?.rangeDimension == 2)
    #expect(report.prediction?.finite == nil)
    let codes = report.warnings.map(\.code).filter { $0 != .countedMayBeFlat && $0 != .uncountedBelowNullEdge }
    #expect(codes == [.samplingOffCentre, .meanCentredDegreesOfFreedom, .finiteScaleUnavailable])
    var never = options
    never.hessianComparison = .never
    #expect(try await CovarianceAnalysis.run(Self.quadratic, options: never).comparison == nil)
  }

  @Test("n ≤ d is refused naming the kept points, before any sampling")
  func keptMustExceedDimension() async throws {
    let options = CovarianceAnalysis.Options(population: 10, kept: 4, seed: 1)
    let error = await #expect(throws: InputError.self) { try await CovarianceAnalysis.run(Self.quadratic, options: options) }
    #expect(error?.parameter == .kept)
    #expect(error?.description.hasPrefix("kept points n: a rank read-out needs more kept points than dimensions (n = 4, d = 4)") == true)
  }

  @Test("plan equals ReadoutPlan.plan and types its warnings")
  func planMatchesThePlanner() async throws {
    let options = CovarianceAnalysis.Options(population: 10, kept: 20, centerOffset: [0.5, 0, 0, 0], seed: 3)
    let report = try await CovarianceAnalysis.plan(Self.quadratic, options: options)
    let sampler = try SelectionSampler(population: 10, sigma: 1, centerOffset: [0.5, 0, 0, 0])
    let plan = try await ReadoutPlan.plan(Self.quadratic, sampler: sampler, pilotKept: 20, seed: 3)
    #expect(report.plan == plan)
    #expect(report.warnings.first?.code == .samplingOffCentre)
    #expect(report.warnings == plan.warnings)
  }
}
