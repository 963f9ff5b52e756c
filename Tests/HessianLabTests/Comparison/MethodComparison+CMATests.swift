import Foundation
import Testing

import HessianLab
@testable import HessianCore
@testable import HessianVerification
@testable import HessianZoo

/// The adaptive (CMA-ES) route in the head-to-head. Measured with the debug CLI at the defaults
/// (c = 0.95, α = 0.05, 59 seeds, `compare quad-rank-deficient --method cma --method block`): the
/// ladder 480, 960, …, 61,440 (λ = 12, d = 20) gave 10/10 warned runs (rank 20, no flat block
/// resolved) at 480–3,840, 5/10 wrong at 7,680 and 0/59 wrong at 15,360, which reached P(exact) ≥ 0.95
/// at 1.54·10⁴ loss evaluations per run. The tests below use c = 0.8, α = 0.2 (8 seeds), which the
/// same committed seeds reach at the same budget, to keep them to seconds.
@Suite("Head-to-head: the adaptive route")
struct MethodComparisonCMATests {
  static var fast: ComparisonConfiguration {
    var c = MethodComparisonTests.fast
    c.methods = [.cma]
    return c
  }

  @Test("cma on quad-rank-deficient reaches P(exact) ≥ 0.8 at 15,360 evaluations; lower budgets are warned or wrong")
  func reachesOnRankDeficient() async throws {
    let cmp = try await MethodComparison.compare(try LandscapeSpec.resolve("quad-rank-deficient"), configuration: Self.fast)
    let cma = try #require(cmp.methods.first)
    #expect(cma.method == .cma && cma.route == .adaptive)
    #expect(cma.levels.map(\.budget) == [480, 960, 1920, 3840, 7680, 15360])
    #expect(cma.reachedConfidence && cma.reachedBudget == 15360)
    let top = try #require(cma.levels.last)
    #expect(top.ranksSeen == "5×8" && top.wrong == 0 && top.reached)
    // Below it every level had a wrong or warned run; the lowest ones only warned (rank 20 = d read
    // because no flat block was resolved): warned runs count as wrong, never as right.
    for level in cma.levels.dropLast() { #expect(level.wrong > 0 && !level.reached, "\(level.budget): \(level.ranksSeen)") }
    #expect(cma.levels[0].ranksSeen == "20(warned)×3")
    #expect(cma.hessianVectorProductsPerRun == 0)
    let families = try #require(cmp.families)
    #expect(families.map(\.family) == [.adaptive])
    #expect(families[0].method == .cma && families[0].ratioToCheapest == 1 && !families[0].costIsLowerBound)
  }

  @Test("A tiny evaluation cap (factor 2: one budget of 2λd) is reported as not reached, with the cap")
  func tinyCapNotReached() async throws {
    var cfg = Self.fast
    cfg.cmaCapFactor = 2
    cfg.methods = [.block, .cma]
    let cmp = try await MethodComparison.compare(try LandscapeSpec.resolve("quad-rank-deficient"), configuration: cfg)
    let cma = try #require(cmp.methods.first { $0.method == .cma })
    #expect(!cma.reachedConfidence && cma.reachedBudget == nil)
    #expect(cma.budgetCap == 480 && cma.levels.map(\.budget) == [480])
    #expect(cma.capNote?.contains("did not reach") == true && cma.capNote?.contains("480") == true)
    let fam = try #require(cmp.families?.first { $0.family == .adaptive })
    #expect(fam.costIsLowerBound && !fam.reachedConfidence)
    #expect(cmp.verdict.contains("CMA: cma did not reach"))
    #expect(cmp.verdict.contains("CMA at least"))
  }

  @Test("Counting: the loss evaluations reported per run are those the landscape answered")
  func countsAreMade() async throws {
    let base = try #require(try LandscapeSpec.resolve("quad-rank-deficient") as? QuadraticLandscape)
    let counted = CountingLandscape(base)
    var cfg = Self.fast
    cfg.cmaCapFactor = 8  // budgets 480, 960 and 1,920 (8·λd): cheap, every one warned
    let inputs = ComparisonInputs(
      name: counted.name, truth: 5, rankSource: "known", timedRatio: 10,
      hessian: HessianOperator(productsOnlyOf: counted), oracle: CountingLossOracle(counted), target: .exact)
    let cmp = try await MethodComparison.compare(inputs, configuration: cfg, progress: nil)
    let cma = try #require(cmp.methods.first)
    #expect(cma.levels.map(\.budget) == [480, 960, 1920])
    // The landscape's own count (no timing here: the inputs carry the ratio) equals the report's total.
    #expect(counted.evaluations == cma.levels.map(\.totalLossEvaluations).reduce(0, +))
    // Independently: a run of budget E makes ⌊E/λ⌋·λ evaluations (λ = 12 divides both budgets) and
    // the drift check's 4d + 2 = 82 (the mean always moves off w* on this landscape).
    for level in cma.levels {
      #expect(level.maxLossEvaluations == level.budget + 82)
      #expect(level.totalLossEvaluations == level.seedsRun * (level.budget + 82))
    }
  }

  @Test("A warned run counts as wrong even when its rank is the true one")
  func warnedIsWrong() async throws {
    let out = try await BudgetSearch.run(ladder: [1, 2], truth: 3, confidence: 0.8, risk: 0.2, seeds: 8) { b, _ in
      BudgetTrial(rank: 3, hessianVectorProducts: 0, lossEvaluations: b, seconds: 0, warned: b == 1)
    }
    #expect(out.levels.map(\.wrong) == [8, 0])
    #expect(out.levels.map(\.ranksSeen) == ["3(warned)×8", "3×8"])
    #expect(out.reachedBudget == 2)
  }

  @Test("Determinism: the same report for 1 and 3 workers (timings aside)")
  func deterministicAcrossWorkers() async throws {
    let land = try LandscapeSpec.resolve("quad:1,3:d=6:seed=11")
    var results: [[BudgetLevel]] = []
    var verdicts: [String] = []
    for workers in [1, 3] {
      var cfg = Self.fast
      cfg.methods = [.covariance, .cma]
      cfg.workers = workers
      let cmp = try await MethodComparison.compare(land, configuration: cfg)
      results.append(cmp.methods.flatMap(\.levels).map { var l = $0; l.medianSeconds = 0; return l })
      verdicts.append(cmp.verdict)
    }
    #expect(results[0] == results[1])
    #expect(verdicts[0] == verdicts[1])
    #expect(results[0].contains { $0.reached })
  }

  @Test("A full-rank landscape skips cma with the reason (its read-out cannot confirm rank d)")
  func fullRankSkipped() async throws {
    var cfg = Self.fast
    cfg.methods = [.lanczos, .cma]
    let cmp = try await MethodComparison.compare(try LandscapeSpec.resolve("nc-x2"), configuration: cfg)
    let cma = try #require(cmp.methods.first { $0.method == .cma })
    #expect(cma.levels.isEmpty && !cma.reachedConfidence)
    #expect(cma.capNote?.contains("cannot confirm full rank") == true)
    #expect(cmp.verdict.contains("CMA: not run (the adaptive read-out cannot confirm full rank"))
  }
}
