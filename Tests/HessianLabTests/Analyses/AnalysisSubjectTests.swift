import Foundation
import Testing
import HessianLab
@testable import HessianCore
@testable import HessianVerification
@testable import HessianZoo
import TestSupport

@Suite("AnalysisSubject: every analysis on a model reached only through a ModelOracle")
struct AnalysisSubjectTests {
  static func landscape() throws -> QuadraticLandscape { try KrylovFixtures.quadratic("q", [5, 2, 2, 0.5], d: 7) }

  @Test("a landscape served through an oracle gives the built-in rank, spectrum and covariance (same seeds)")
  func servedLandscapeMatches() async throws {
    let land = try Self.landscape()
    let subject = AnalysisSubject(oracle: OracleFixtures.serving(land))
    let options = RankAnalysis.Options(method: .block, seed: 5)
    let builtIn = try RankAnalysis.run(land, options: options)
    let served = try RankAnalysis.run(subject, options: options)
    #expect(served.result.rank == 4 && builtIn.result.rank == 4)
    #expect(served.result.eigenvalues == builtIn.result.eigenvalues)
    #expect(served.oracle?.trust.hessianVectorProducts == 9 && builtIn.oracle == nil)

    let top = SpectrumAnalysis.Options(mode: .extremes(.top, count: 3), seed: 2)
    #expect(try SpectrumAnalysis.run(subject, options: top).eigenvalues == SpectrumAnalysis.run(land, options: top).eigenvalues)

    let cov = CovarianceAnalysis.Options(population: 6, kept: 60, diagnosticKept: 0, hessianComparison: .knownOrExactProducts, seed: 3)
    let a = try await CovarianceAnalysis.run(land, options: cov)
    let b = try await CovarianceAnalysis.run(subject, options: cov)
    #expect(a.readout.eigenvalues == b.readout.eigenvalues && a.readout.rank == b.readout.rank)
    #expect(b.knownRank == nil && a.knownRank == 4)
    // The oracle's H comes from d = 7 counted HVPs, and gives the same relation as the landscape's known H.
    #expect(b.comparisonHessianVectorProducts == 7)
    let ra = try #require(a.relation), rb = try #require(b.relation)
    #expect(abs(ra.fittedScale - rb.fittedScale) <= 1e-9 * abs(ra.fittedScale))
  }

  @Test("an analysis needing a capability the oracle lacks is refused before any request, naming both")
  func missingCapabilityRefused() async throws {
    let lossOnly = AnalysisSubject(oracle: OracleFixtures.quadratic(capabilities: [.loss]))
    let error = #expect(throws: InputError.self) { try RankAnalysis.run(lossOnly, options: .init(method: .block, seed: 1)) }
    #expect(error?.description == "oracle:test: rank needs the oracle capability 'hvp', which this oracle does not offer (it offers: loss)")
    #expect(throws: InputError.self) { try SpectrumAnalysis.run(lossOnly, options: .init(mode: .density, seed: 1)) }
    let hvpOnly = AnalysisSubject(oracle: OracleFixtures.quadratic(capabilities: [.hvp]))
    await #expect(throws: InputError.self) {
      try await CovarianceAnalysis.run(hvpOnly, options: .init(population: 4, kept: 20, seed: 1))
    }
  }

  @Test("llc runs the parts the capabilities allow and lists the others with the reason")
  func llcPartial() throws {
    var options = LLCAnalysis.Options(seed: 4)
    options.method = .volume
    options.volume.splitting.particles = 16
    options.volume.replicates = 1
    options.volume.epsilonMin = 1e-4
    let noHVP = AnalysisSubject(oracle: OracleFixtures.quadratic(capabilities: [.loss, .gradient]))
    guard case let .oracle(report) = try LLCAnalysis.run(noHVP, options: options) else { Issue.record("not an oracle report"); return }
    #expect(report.bounds == nil && report.volume != nil)
    #expect(report.skipped.map(\.part) == [.bounds])
    #expect(report.warnings.map(\.code).contains(.capabilityMissing))

    options.method = .all
    let hvpOnly = AnalysisSubject(oracle: OracleFixtures.quadratic(capabilities: [.hvp]))
    guard case let .oracle(r2) = try LLCAnalysis.run(hvpOnly, options: options) else { Issue.record("not an oracle report"); return }
    #expect(r2.bounds?.rank == 3 && r2.bounds?.rankSource == .hessian)
    #expect(r2.skipped.map(\.part) == [.volume, .sgld] && r2.volume == nil && r2.sgld == nil)
  }

  @Test("a failed trust check refuses every analysis, or warns when the subject accepts it")
  func trustPolicy() throws {
    let broken = OracleFixtures.quadratic(defect: .asymmetric(0.05))
    #expect(throws: InputError.self) { try RankAnalysis.run(AnalysisSubject(oracle: broken), options: .init(method: .block, seed: 1)) }
    let accepted = try RankAnalysis.run(
      AnalysisSubject(oracle: broken, trustPolicy: .warn), options: .init(method: .block, seed: 1))
    #expect(accepted.result.warnings.first?.code == .oracleCheckFailed)
    // describe reports the failure instead of refusing.
    guard case let .oracle(d) = try DescribeAnalysis.run(AnalysisSubject(oracle: broken)) else { Issue.record("not an oracle"); return }
    #expect(d.oracle.trust.checks.first?.outcome == .failed)
  }

  @Test("compare on an oracle judges runs against the dense reference through its HVPs, and skips covariance without losses")
  func compareOnOracle() async throws {
    var options = CompareAnalysis.Options()
    options.configuration.confidence = 0.8
    options.configuration.risk = 0.2
    options.configuration.keptCapFactor = 8
    options.configuration.methods = [.dense, .block, .covariance]
    let hvpOnly = AnalysisSubject(oracle: OracleFixtures.quadratic(capabilities: [.hvp]))
    let report = try await CompareAnalysis.run(subjects: [hvpOnly], options: options)
    let c = try #require(report.comparisons.first)
    #expect(c.exactRank == 3 && c.oracle != nil)
    #expect(c.methods.first { $0.method == .covariance }?.capNote?.contains("'loss'") == true)
    #expect(c.methods.first { $0.method == .block }?.reachedConfidence == true)
    let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
    #expect(json.contains("\"referenceRank\":3") && !json.contains("exactRank"), "\(json)")
  }
}
