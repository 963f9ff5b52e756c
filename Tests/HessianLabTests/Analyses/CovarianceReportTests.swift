import Foundation
import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("CovarianceReport: JSON and text from one value")
struct CovarianceReportTests {
  static func report(comparison: CovarianceHessianComparison?) throws -> CovarianceReport {
    let readout = try CovarianceRankReadout.read(eigenvalues: [0.05, 0.9, 1.1], kept: 100, sigma: 1)
    return CovarianceReport(
      landscape: "q", dimension: 3, selection: .best, population: 10, kept: 100, sigma: 1, estimate: .secondMoment,
      covariance: .diagonal([0.05, 0.9, 1.1]), readout: readout, lossEvaluations: 1500, samplingLossEvaluations: 1001,
      comparison: comparison, knownRank: 1, sigmaScaling: nil,
      warnings: [Warning(.samplingOffCentre, "off"), Warning(.notKnownQuadratic, "not quadratic")], seed: 9, seconds: 0.5)
  }

  static func json(_ value: some Encodable) throws -> [String: Any] {
    let encoder = JSONEncoder()
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return try #require(try JSONSerialization.jsonObject(with: try encoder.encode(value)) as? [String: Any])
  }

  @Test("every key is present; null where nothing was compared; warnings are {code, message}")
  func jsonForm() throws {
    let obj = try Self.json(try Self.report(comparison: nil))
    #expect(obj.count == 32)
    #expect(obj["rank"] as? Int == 1 && obj["selection"] as? String == "(1,λ)" && obj["estimate"] as? String == "secondMoment")
    for key in ["relativeError", "measureID", "fittedScale", "predictedScale", "asymptoticScale", "sigmaScalingSlope"] {
      #expect(obj[key] is NSNull, "\(key)")
    }
    let warnings = try #require(obj["warnings"] as? [[String: String]])
    #expect(warnings == [["code": "samplingOffCentre", "message": "off"], ["code": "notKnownQuadratic", "message": "not quadratic"]])
    #expect(obj["covariance"] == nil)
  }

  @Test("the text shows the relation only when compared, and the warnings' messages")
  func text() throws {
    let plain = try Self.report(comparison: nil).humanText()
    #expect(!plain.contains("relation to H"))
    #expect(plain.contains("rank read-out: 1   (eigenvalues below τ"))
    #expect(plain.contains("known rank(H) = 1"))
    #expect(plain.contains("\nwarning: off\nwarning: not quadratic\nseconds: 0.50"))
    let sampler = try SelectionSampler(population: 10, sigma: 1)
    let comparison = CovarianceHessianComparison.compare(
      covariance: .diagonal([0.05, 0.9, 1.1]), hessian: .diagonal([2, 0, 0]), sampler: sampler, precision: .float64)
    let compared = try Self.report(comparison: comparison).humanText()
    #expect(compared.contains("relation to H (on its range, r = 1)"))
    #expect(compared.contains("fitted scale c/σ² = 0.1   predicted at λ = 10: "))
    let fitted = try #require(try Self.json(try Self.report(comparison: comparison))["fittedScale"] as? Double)
    #expect(abs(fitted - 0.1) < 1e-12)
  }

  @Test("errorText: a percentage below 1, a factor above")
  func errorText() {
    #expect(CovarianceReport.errorText(0.35) == "about 35%")
    #expect(CovarianceReport.errorText(2) == "a factor of about 3")
  }
}
