import Foundation
import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("CovariancePlanReport: typed warnings, JSON and text")
struct CovariancePlanReportTests {
  static func plan(warnings: [String], recommendedKept: Int = 180) -> ReadoutPlan {
    ReadoutPlan(
      pilotKept: 100, pilotLossEvaluations: 2001, pilotRank: 3, largestRangeVariance: 0.2, recommendedKept: recommendedKept,
      recommendedLossEvaluations: 3601, resolvableVarianceRatio: 0.45, warnings: warnings)
  }

  @Test("off-centre the first warning is samplingOffCentre; the rest are pilotCannotSeparate")
  func typedWarnings() {
    let p = Self.plan(warnings: ["a", "b"])
    #expect(CovariancePlanReport.typedWarnings(of: p, isCentred: false).map(\.code) == [.samplingOffCentre, .pilotCannotSeparate])
    #expect(CovariancePlanReport.typedWarnings(of: p, isCentred: true).map(\.code) == [.pilotCannotSeparate, .pilotCannotSeparate])
    #expect(CovariancePlanReport.typedWarnings(of: p, isCentred: true).map(\.message) == ["a", "b"])
  }

  @Test("JSON: the plan's numbers flat, lossEvaluations = pilotLossEvaluations; text: the plan and a large-run note")
  func forms() throws {
    let sampler = try SelectionSampler(population: 20, sigma: 1)
    let report = CovariancePlanReport(
      landscape: "q", dimension: 20, sampler: sampler, plan: Self.plan(warnings: ["w"], recommendedKept: 20_000_000),
      warnings: [Warning(.pilotCannotSeparate, "w")], seed: 7, seconds: 1)
    let obj = try CovarianceReportTests.json(report)
    #expect(obj.count == 11)
    #expect(obj["lossEvaluations"] as? Int == 2001 && obj["recommendedKept"] as? Int == 20_000_000)
    #expect((obj["warnings"] as? [[String: String]])?.first?["code"] == "pilotCannotSeparate")
    let text = report.humanText()
    #expect(text.hasPrefix("q (d = 20): read-out plan, (1,λ), λ = 20, σ = 1, seed 7\n"))
    #expect(text.contains("\nnote: the recommended run is very large"))
    #expect(text.hasSuffix("\nwarning: w"))
  }
}
