import Foundation
import Testing

@testable import HessianLab

@Suite("Head-to-head comparison")
struct MethodComparisonTests {
  /// A fast configuration: P(exact) ≥ 0.8 at risk 0.2 needs 8 seeds with no failure.
  static var fast: ComparisonConfiguration {
    var c = ComparisonConfiguration()
    c.confidence = 0.8
    c.risk = 0.2
    c.keptCapFactor = 32
    c.slqProbeCap = 256
    c.minimumSeedsBeforeAbandon = 3
    c.conversion = .theoretical
    c.workers = 1
    return c
  }

  @Test("compare returns the exact rank for every method it reports as reaching the confidence, with counted costs",
    arguments: ["quad:1,3:d=6:seed=11", "newton-flat"])
  func reachedMeansExactAndCostsAreCounted(spec: String) async throws {
    let land = try LandscapeSpec.resolve(spec)
    let truth = try #require(land.knownAnswers.rank.value)
    let d = land.dimension
    let cmp = try await MethodComparison.compare(land, configuration: Self.fast)
    #expect(cmp.exactRank == truth)
    #expect(cmp.seedsPerLevel == 8)
    #expect(cmp.allowedFailures == 0)
    #expect(cmp.lossEvaluationsPerHVP == MethodComparison.theoreticalHVPCost)
    for m in cmp.methods where m.reachedConfidence {
      let level = try #require(m.levels.last)
      #expect(level.reached)
      #expect(level.wrong == 0, "\(m.method) reported reached with wrong ranks")
      #expect(level.ranksSeen == "\(truth)×\(level.seedsRun)", "\(m.method): \(level.ranksSeen)")
      // The reported per-run cost is the counted total over the level's runs.
      #expect(m.hessianVectorProductsPerRun == Double(level.totalHessianVectorProducts) / Double(level.seedsRun))
      #expect(m.lossEvaluationsPerRun == Double(level.totalLossEvaluations) / Double(level.seedsRun))
      #expect(m.lossEvaluationEquivalents == m.hessianVectorProductsPerRun * 10 + m.lossEvaluationsPerRun)
      switch m.method {
      case .dense:
        #expect(level.totalHessianVectorProducts == d && level.totalLossEvaluations == 0)
      case .covariance:
        // Counted loss evaluations = ⌈n⌉ rounds × λ + 1 (L(w*)) per run, no HVPs.
        let n = try #require(m.reachedBudget)
        #expect(level.totalLossEvaluations == level.seedsRun * (n * 100 + 1))
        #expect(level.totalHessianVectorProducts == 0)
      case .lanczos:
        #expect(level.maxHessianVectorProducts <= (m.reachedBudget ?? 0))
        #expect(level.totalLossEvaluations == 0)
      case .block, .slq:
        #expect(level.totalLossEvaluations == 0 && level.totalHessianVectorProducts > 0)
      }
    }
    // Earlier levels of a method that reached were not reached.
    for m in cmp.methods { #expect(m.levels.dropLast().allSatisfy { !$0.reached }) }
    #expect(cmp.verdict.hasPrefix("verdict: "))
  }

  @Test("The covariance route is reported as not reaching the confidence on x² + y⁴ (it counts y⁴)")
  func capIsReported() async throws {
    var cfg = Self.fast
    cfg.methods = [.block, .covariance]
    cfg.keptCapFactor = 8
    let cmp = try await MethodComparison.compare(try LandscapeSpec.resolve("newton-flat"), configuration: cfg)
    let cov = try #require(cmp.methods.first { $0.method == .covariance })
    #expect(!cov.reachedConfidence)
    #expect(cov.capNote?.contains("did not reach") == true)
    #expect(cmp.factorIsLowerBound)
    #expect(cmp.cheaperRoute == .hessianVectorProducts)
  }

  @Test("Budget search: deterministic runs count for all seeds; abandoned levels report their errors")
  func budgetSearch() async throws {
    let out = try await BudgetSearch.run(ladder: [1, 2, 4], truth: 3, confidence: 0.8, risk: 0.2, seeds: 8) { b, _ in
      BudgetTrial(rank: min(b, 3), hessianVectorProducts: b, lossEvaluations: 0, seconds: 0)
    }
    #expect(out.reachedBudget == 4)
    #expect(out.levels.map(\.wrong) == [8, 8, 0])
    #expect(BudgetSearch.doubling(from: 3, cap: 20) == [3, 6, 12, 20])
  }

  @Test("Sweep specs resolve with the stated rank")
  func sweepSpec() throws {
    for d in [10, 30, 100] {
      let (text, r) = DimensionSweep.spec(dimension: d, rankFraction: 0.1)
      let land = try LandscapeSpec.resolve(text)
      #expect(land.dimension == d && land.knownAnswers.rank.value == r)
    }
    #expect(try DimensionSweep.parseDimensions("d=10,30") == [10, 30])
    #expect(throws: InputError.self) { try DimensionSweep.parseDimensions("d=ten") }
  }
}
