import Foundation
import Testing

import HessianLab
@testable import HessianCore
@testable import HessianVerification
@testable import HessianZoo

@Suite("Head-to-head: the three families")
struct MethodComparisonFamiliesTests {
  /// An outcome with the given cost; reached or not; skipped when `run` is false.
  static func outcome(_ m: ComparedMethod, cost: Double, reached: Bool, run: Bool = true) -> MethodOutcome {
    let level = BudgetLevel(
      budget: 1, seedsRun: 1, wrong: reached ? 0 : 1, ranksSeen: "", exactLowerBound: 0, reached: reached,
      meanHessianVectorProducts: 0, maxHessianVectorProducts: 0, meanLossEvaluations: cost, maxLossEvaluations: 0,
      totalHessianVectorProducts: 0, totalLossEvaluations: 0, medianSeconds: 0)
    return MethodOutcome(
      method: m, route: m.route, budgetName: m.budgetName, reachedConfidence: reached && run, reachedBudget: reached && run ? 1 : nil,
      budgetCap: run ? 1 : 0, capNote: run ? (reached ? nil : "did not reach") : "skipped: no loss", hessianVectorProductsPerRun: 0,
      lossEvaluationsPerRun: run ? cost : 0, lossEvaluationEquivalents: run ? cost : 0, secondsPerRun: 0, levels: run ? [level] : [])
  }

  @Test("familyCosts: cheapest reached method per family, ratios to the cheapest family, lower bounds for families that missed")
  func costs() {
    let outcomes = [
      Self.outcome(.lanczos, cost: 70, reached: true), Self.outcome(.block, cost: 114, reached: true),
      Self.outcome(.slq, cost: 20, reached: false),  // cheaper but did not reach: not the family's best
      Self.outcome(.covariance, cost: 7000, reached: false), Self.outcome(.cma, cost: 1400, reached: true),
    ]
    let f = MethodComparison.familyCosts(outcomes)
    #expect(f.map(\.family) == [.hessianVectorProducts, .sampling, .adaptive])
    #expect(f.map(\.method) == [.lanczos, .covariance, .cma])
    #expect(f.map(\.costIsLowerBound) == [false, true, false])
    #expect(f.map(\.ratioToCheapest) == [1, 100, 20])
    let v = MethodComparison.familyVerdict(f, outcomes: outcomes, confidence: 0.95, target: .exact)
    #expect(v.contains("HVP counting: lanczos") && v.contains("(1,λ): covariance did not reach") && v.contains("CMA: cma (1.4e+03"))
    #expect(v.hasSuffix("best of each: HVP counting (lanczos) is cheapest; (1,λ) at least 100×, CMA 20× as much"), "\(v)")
    // No family reached: no ratios, and the verdict says so.
    let none = [Self.outcome(.block, cost: 10, reached: false), Self.outcome(.cma, cost: 10, reached: false, run: false)]
    let g = MethodComparison.familyCosts(none)
    #expect(g.allSatisfy { $0.ratioToCheapest == nil })
    #expect(g[1].lossEvaluationEquivalents == nil && g[1].method == .cma)
    let w = MethodComparison.familyVerdict(g, outcomes: none, confidence: 0.95, target: .exact)
    #expect(w.contains("CMA: not run (no loss)") && w.hasSuffix("no family reached P(exact) ≥ 0.95 within its budget cap"), "\(w)")
  }

  @Test("On x² + y⁴ (newton-flat) the verdict names the three families: (1,λ) counts y⁴ and misses, CMA reaches")
  func threeFamiliesOnNewtonFlat() async throws {
    var cfg = MethodComparisonTests.fast
    cfg.methods = [.lanczos, .covariance, .cma]
    cfg.keptCapFactor = 8
    let cmp = try await MethodComparison.compare(try LandscapeSpec.resolve("newton-flat"), configuration: cfg)
    let f = try #require(cmp.families)
    #expect(f.map(\.family) == [.hessianVectorProducts, .sampling, .adaptive])
    #expect(f.map(\.reachedConfidence) == [true, false, true])
    #expect(cmp.verdict.hasPrefix("verdict: HVP counting: lanczos ("))
    #expect(cmp.verdict.contains("; (1,λ): covariance did not reach") && cmp.verdict.contains("; CMA: cma ("))
    #expect(cmp.verdict.contains("best of each: HVP counting (lanczos) is cheapest"))
    // factor and cheaperRoute keep their meaning: HVP counting against the (1,λ) route.
    #expect(cmp.cheaperRoute == .hessianVectorProducts && cmp.factorIsLowerBound)
    // Without cma the families are absent and the verdict is the two-route one.
    cfg.methods = [.lanczos, .covariance]
    let two = try await MethodComparison.compare(try LandscapeSpec.resolve("newton-flat"), configuration: cfg)
    #expect(two.families == nil && two.verdict.hasPrefix("verdict: the HVP route"))
  }
}
