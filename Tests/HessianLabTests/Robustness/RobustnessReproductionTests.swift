import Foundation
import Testing

import HessianLab
@testable import HessianCore
@testable import HessianVerification
@testable import HessianZoo

@Suite("reproduce robustness")
struct RobustnessReproductionTests {
  typealias R = RobustnessReproduction

  static func route(_ status: R.RouteResult.Status, cost: Double, method: ComparedMethod = .block) -> R.RouteResult {
    R.RouteResult(
      status: status, method: method, budget: status == .reached ? 1 : nil, budgetName: method.budgetName,
      hessianVectorProductsPerRun: method == .covariance ? 0 : cost / 10, lossEvaluationsPerRun: method == .covariance ? cost : 0,
      lossEvaluationEquivalents: cost, note: status == .notReached ? "cap" : nil)
  }

  /// A hand-made result whose summary is known by construction: on A the HVP route survives every
  /// perturbed cell but costs 5× under finite-difference-h0.1, the covariance route breaks under
  /// float32 and large noise; on B the covariance route fails exactly.
  static func madeUp() -> R {
    var cells: [R.Cell] = []
    for land in ["A", "B"] {
      for s in RobustnessScenario.allCases {
        let hvpCost = (land == "A" && s == .finiteDifferenceLargeStep) ? 50.0 : 10.0
        let hvp = s.touchesHVPRoute ? route(.reached, cost: hvpCost) : route(.unaffected, cost: 10)
        let covStatus: R.RouteResult.Status =
          !s.touchesCovarianceRoute ? .unaffected
          : land == "B" || s == .float32 || s == .largeLossNoise ? .notReached : .reached
        cells.append(R.Cell(landscape: land, scenario: s, hvpRoute: hvp, covarianceRoute: route(covStatus, cost: 300, method: .covariance)))
      }
    }
    let facts = ["A", "B"].map { R.LandscapeFacts(landscape: $0, dimension: 2, exactRank: 1, rankSource: "made up") }
    return R(
      quick: true, seed: nil, confidence: 0.95, seedsPerLevel: 59, keptCapFactor: 16,
      scenarios: RobustnessScenario.allCases, landscapes: facts, cells: cells)
  }

  @Test("the summary counts survivals, breaks, degradations and exact failures as constructed")
  func summaryCounts() {
    let s = RobustnessSummary(Self.madeUp())
    // HVP route: touched perturbed scenarios are float32, both finite differences: 3 per landscape.
    #expect(s.hvpRoute.failsExactly.isEmpty)
    #expect(s.hvpRoute.perturbed == 6 && s.hvpRoute.survived == 6 && s.hvpRoute.broke.isEmpty)
    #expect(s.hvpRoute.degraded == ["A/finite-difference-h0.1 (×5)"])
    // Covariance route: B fails exactly and is left out; on A float32 and noise-1 break.
    #expect(s.covarianceRoute.failsExactly == ["B"])
    #expect(s.covarianceRoute.perturbed == 3 && s.covarianceRoute.survived == 1)
    #expect(s.covarianceRoute.broke == ["A/float32", "A/noise-1"])
    // Both reached only in A/exact: 300 / 10.
    #expect(s.medianCostFactor == 30)
    #expect(s.answer.contains("survived 1 of 3 perturbed cells, breaking on A/float32, A/noise-1"))
    // B fails without error: the answer says the covariance route's limit is not numerical error.
    #expect(s.answer.contains("covariance route's main limit here is not numerical error: it missed the exact rank on 1 of 2"))
  }

  @Test("each scenario touches the routes its error models reach, and no other")
  func scenarios() {
    for s in RobustnessScenario.allCases {
      #expect(s.touchesHVPRoute == (s == .exact || s.hvp != .exact))
      #expect(s.touchesCovarianceRoute == (s == .exact || s.loss != .exact))
      #expect(s.touchesHVPRoute || s.touchesCovarianceRoute)
    }
    #expect(RobustnessScenario.allCases.first == .exact)
  }

  @Test("a run: every cell present, untouched routes carry the exact result, the rank is the landscape's own")
  func run() async throws {
    let lands: [any Landscape] = [try LandscapeSpec.resolve("nc-x2")]
    let r = try await R.run(landscapes: lands, quick: true, seed: nil, workers: 1)
    #expect(r.cells.count == RobustnessScenario.allCases.count)
    // x² has rank 1 (closed form), independent of both routes.
    #expect(r.landscapes.map(\.exactRank) == [1])
    let exact = try #require(r.cells.first { $0.scenario == .exact })
    for cell in r.cells {
      if !cell.scenario.touchesCovarianceRoute {
        #expect(cell.covarianceRoute.status == .unaffected)
        #expect(cell.covarianceRoute.lossEvaluationEquivalents == exact.covarianceRoute.lossEvaluationEquivalents)
      } else {
        #expect(cell.covarianceRoute.status != .unaffected)
      }
      #expect((cell.hvpRoute.status == .unaffected) == !cell.scenario.touchesHVPRoute)
    }
    // Same seed, another worker count: the same cells.
    let again = try await R.run(landscapes: lands, quick: true, seed: nil, workers: 2)
    #expect(again == r)
  }

  @Test("a too-large finite-difference step is not counted as curvature on a quartic direction")
  func largeStepOnQuartic() async throws {
    // x0² + x1⁴: at 0 the x1 direction is flat (rank 1); central differences with h = 0.1 see a
    // spurious 4h² = 0.04 there, which the measured-accuracy threshold must absorb.
    let lands: [any Landscape] = [try LandscapeSpec.resolve("poly:x0^2+x1^4")]
    let r = try await R.run(landscapes: lands, quick: true, seed: nil, workers: 1)
    let cell = try #require(r.cells.first { $0.scenario == .finiteDifferenceLargeStep })
    #expect(cell.hvpRoute.status == .reached)
  }
}
