import Foundation
import Testing
import HessianLab
@testable import HessianCore
@testable import HessianVerification
import TestSupport

@Suite("OracleTrustChecks: symmetry, linearity, gradient consistency, critical point")
struct OracleTrustChecksTests {
  static func outcome(_ r: OracleTrustReport, _ k: OracleTrustCheck.Kind) -> OracleTrustCheck.Outcome? {
    r.checks.first { $0.kind == k }?.outcome
  }

  @Test("a correct rank-deficient quadratic passes every check; the cost is counted", arguments: [Precision.float64, .float32])
  func correctOraclePasses(_ precision: Precision) throws {
    let report = try OracleTrustChecks.run(OracleFixtures.quadratic(precision: precision))
    #expect(report.checks.map(\.kind) == OracleTrustCheck.Kind.allCases)
    #expect(report.checks.allSatisfy { $0.outcome == .passed }, "\(report.lines)")
    // 3 pairs: one block [U | V | 3U − 2V] = 9 HVPs; w* ± h·uᵢ = 6 gradients, + 1 at w*.
    #expect(report.hessianVectorProducts == 9 && report.gradientEvaluations == 7 && report.lossEvaluations == 0)
    #expect(report.warnings.isEmpty)
  }

  @Test("a non-symmetric HVP is refused, naming the oracle, the check, the value and the tolerance")
  func asymmetricRefused() throws {
    let oracle = OracleFixtures.quadratic(defect: .asymmetric(0.05))
    let error = #expect(throws: InputError.self) { try OracleTrustChecks.run(oracle) }
    let line = error?.description ?? ""
    #expect(line.hasPrefix("oracle:test: the oracle failed the symmetry check: measured "), "\(line)")
    #expect(line.contains("> tolerance") && line.contains("100·√d·ε"), "\(line)")
    let accepted = try OracleTrustChecks.run(oracle, policy: .warn)
    #expect(Self.outcome(accepted, .symmetry) == .failed)
    #expect(accepted.warnings.map(\.code).contains(.oracleCheckFailed))
  }

  @Test("an HVP that is not linear (H·v·‖v‖) fails linearity and passes symmetry")
  func nonlinearCaught() throws {
    let report = try OracleTrustChecks.run(OracleFixtures.quadratic(defect: .nonlinear), policy: .warn)
    #expect(Self.outcome(report, .symmetry) == .passed)
    #expect(Self.outcome(report, .linearity) == .failed)
    #expect(throws: InputError.self) { try OracleTrustChecks.run(OracleFixtures.quadratic(defect: .nonlinear)) }
  }

  /// τ_fd = 1000·ε^(2/3) is 3.7·10⁻⁸ in float64 and 2.4·10⁻² in float32 (the limit of central
  /// differences at that precision), so a 1% error is caught in float64 and a 10% one in float32;
  /// the measured value of an s-scaled gradient is about s·‖Hu‖/‖H‖ ≥ s/8 here (eigenvalues 4, 2, 0.5).
  @Test("a gradient that disagrees with the HVPs fails the consistency check",
    arguments: [(Precision.float64, 0.01), (.float32, 0.1)])
  func gradientDisagreementCaught(_ precision: Precision, _ scale: Double) throws {
    let oracle = OracleFixtures.quadratic(precision: precision, defect: .scaledGradient(scale))
    let report = try OracleTrustChecks.run(oracle, policy: .warn)
    #expect(Self.outcome(report, .symmetry) == .passed && Self.outcome(report, .linearity) == .passed)
    #expect(Self.outcome(report, .gradientConsistency) == .failed, "\(report.lines)")
    let error = #expect(throws: InputError.self) { try OracleTrustChecks.run(oracle) }
    #expect(error?.description.contains("gradientConsistency check") == true)
  }

  @Test("w* with a gradient warns (typed) and does not refuse")
  func notCriticalWarns() throws {
    var g = [Double](repeating: 0, count: 8)
    g[2] = 1e-3
    let report = try OracleTrustChecks.run(OracleFixtures.quadratic(gradientAtCenter: g))
    #expect(Self.outcome(report, .criticalPoint) == .warned)
    #expect(report.warnings.map(\.code) == [.notACriticalPoint])
    #expect(Self.outcome(report, .gradientConsistency) == .passed)
  }

  @Test("checks the oracle cannot answer are skipped with the reason, and cost nothing")
  func skippedWithoutCapabilities() throws {
    let lossOnly = try OracleTrustChecks.run(OracleFixtures.quadratic(capabilities: [.loss]))
    #expect(lossOnly.checks.allSatisfy { $0.outcome == .skipped && $0.measured == nil })
    #expect(lossOnly.hessianVectorProducts == 0 && lossOnly.gradientEvaluations == 0)
    let noGradient = try OracleTrustChecks.run(OracleFixtures.quadratic(capabilities: [.hvp, .loss]))
    #expect(noGradient.checks.map(\.outcome) == [.passed, .passed, .skipped, .skipped])
  }

  @Test("the tolerances follow their stated formulas")
  func tolerances() {
    #expect(OracleTrustTolerance.products(dimension: 100, precision: .float64) == 1000 * 0x1p-52)
    #expect(abs(OracleTrustTolerance.finiteDifferences(precision: .float32) - 1000 * pow(0x1p-23, 2.0 / 3)) < 1e-12)
    #expect(OracleTrustTolerance.finiteDifferenceStep(center: [0, -4, 2], precision: .float64) == cbrt(0x1p-52) * 4)
    #expect(OracleTrustTolerance.criticalPoint(precision: .float64) == 0x1p-26)
  }
}
