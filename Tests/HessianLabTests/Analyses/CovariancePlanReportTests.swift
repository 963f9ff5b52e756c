import Foundation
import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("CovariancePlanReport: the plan's typed warnings, JSON and text")
struct CovariancePlanReportTests {
  static func plan(warnings: [Warning], recommendedKept: Int = 180) -> ReadoutPlan {
    ReadoutPlan(
      pilotKept: 100, pilotLossEvaluations: 2001, pilotRank: 3, largestRangeVariance: 0.2, recommendedKept: recommendedKept,
      recommendedLossEvaluations: 3601, resolvableVarianceRatio: 0.45, warnings: warnings)
  }

  @Test("the report's warnings are the plan's, codes and messages unchanged")
  func warningsAreThePlans() throws {
    let warnings = [Warning(.samplingOffCentre, "a"), Warning(.pilotCannotSeparate, "b")]
    let report = CovariancePlanReport(
      landscape: "q", dimension: 20, sampler: try SelectionSampler(population: 20, sigma: 1), plan: Self.plan(warnings: warnings),
      seed: 7, seconds: 1)
    #expect(report.warnings == warnings)
  }

  @Test("JSON: the plan's numbers flat, lossEvaluations = pilotLossEvaluations; text: the plan and a large-run note")
  func forms() throws {
    let sampler = try SelectionSampler(population: 20, sigma: 1)
    let report = CovariancePlanReport(
      landscape: "q", dimension: 20, sampler: sampler,
      plan: Self.plan(warnings: [Warning(.pilotCannotSeparate, "w")], recommendedKept: 20_000_000), seed: 7, seconds: 1)
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
