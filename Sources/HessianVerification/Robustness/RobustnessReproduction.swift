import Foundation
import HessianCore
import HessianZoo

/// Issue 20's measured answer to "aren't second derivatives prone to numerical errors, so that
/// sampling is the more robust route?": on a set of landscapes, the budget each route needs for the
/// exact rank with P ≥ 0.95 (``MethodComparison``, same seeds in every scenario) under each error
/// model of ``RobustnessScenario``, and where each route breaks (does not reach P ≥ 0.95 within its
/// cap, or only at a budget many times its exact-model one).
///
/// The HVP route is the cheaper of `lanczos` and `block`; the covariance route is (1,λ) selection
/// with λ = 100, σ = 1 and its rank read-out. A route a scenario does not touch keeps its exact-model
/// result (``RouteResult/Status/unaffected``). The true rank is always judged exactly.
///
/// Cost: one ``MethodComparison`` per landscape and touched (scenario, route): `quick` (3 landscapes,
/// kept points up to 16d) about 10⁸ loss evaluations, under a minute in a release build; the full run
/// (7 landscapes, up to 64d) a few minutes.
public struct RobustnessReproduction: Sendable, Codable, Equatable {
  /// The landscapes of the full run: quadratics (one at the precision floor), a deep linear network,
  /// a non-quadratic polynomial and `mlp:` networks with tanh and ReLU, one of them trained (`train=`).
  public static let fullLandscapes = [
    "quad-rank-deficient", "quad-tiny-rotated", "newton-flat", "dln-3-2-3", "mlp-tanh-3-4-2", "mlp-relu-3-6-2",
    "mlp-tanh-trained",
  ]
  /// The landscapes of `quick`.
  public static let quickLandscapes = ["quad-rank-deficient", "newton-flat", "dln-3-2-3"]

  /// One route's outcome in one (landscape, scenario) cell.
  public struct RouteResult: Sendable, Codable, Equatable {
    /// Whether the route reached the confidence.
    public enum Status: String, Sendable, Codable {
      /// Some budget up to the cap gave the exact rank with P ≥ c.
      case reached
      /// No budget up to the cap did: the route breaks under this error model.
      case notReached = "not-reached"
      /// The scenario does not touch this route: the exact-model result stands.
      case unaffected
    }
    /// Reached, not reached or unaffected.
    public var status: Status
    /// The method reported: the cheapest that reached c, else the last of the route tried.
    public var method: ComparedMethod
    /// The first budget that reached c (nil when not reached).
    public var budget: Int?
    /// What the budget counts (``ComparedMethod/budgetName``).
    public var budgetName: String
    /// Mean HVPs per run at that budget (at the cap when not reached).
    public var hessianVectorProductsPerRun: Double
    /// Mean loss evaluations per run at that budget (at the cap when not reached).
    public var lossEvaluationsPerRun: Double
    /// HVPs × 10 + losses: the common unit of ``MethodComparison``.
    public var lossEvaluationEquivalents: Double
    /// Why the route stopped short (nil when reached).
    public var note: String?

    private enum CodingKeys: String, CodingKey {
      case status, method, budget, budgetName, hessianVectorProductsPerRun, lossEvaluationsPerRun
      case lossEvaluationEquivalents, note
    }

    /// Every key always present (`budget`, `note` null when they do not apply).
    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(status, forKey: .status)
      try c.encode(method, forKey: .method)
      try c.encode(budget, forKey: .budget)
      try c.encode(budgetName, forKey: .budgetName)
      try c.encode(hessianVectorProductsPerRun, forKey: .hessianVectorProductsPerRun)
      try c.encode(lossEvaluationsPerRun, forKey: .lossEvaluationsPerRun)
      try c.encode(lossEvaluationEquivalents, forKey: .lossEvaluationEquivalents)
      try c.encode(note, forKey: .note)
    }
  }

  /// One (landscape, scenario) cell.
  public struct Cell: Sendable, Codable, Equatable {
    /// The landscape id.
    public var landscape: String
    /// The scenario.
    public var scenario: RobustnessScenario
    /// The HVP route (lanczos or block).
    public var hvpRoute: RouteResult
    /// The covariance route.
    public var covarianceRoute: RouteResult
  }

  /// One landscape's facts.
  public struct LandscapeFacts: Sendable, Codable, Equatable {
    /// The landscape id.
    public var landscape: String
    /// d.
    public var dimension: Int
    /// The exact rank and where it comes from.
    public var exactRank: Int
    /// The provenance line of the rank (``LandscapeComparison/rankSource``).
    public var rankSource: String
  }

  /// Whether the quick settings were used.
  public var quick: Bool
  /// The root seed (nil: the committed seed table of `compare`).
  public var seed: UInt64?
  /// The confidence c every budget must establish.
  public var confidence: Double
  /// Seeds per budget level.
  public var seedsPerLevel: Int
  /// The covariance route's largest kept-point budget, as a multiple of d.
  public var keptCapFactor: Int
  /// The scenarios, in order.
  public var scenarios: [RobustnessScenario]
  /// The landscapes, in order.
  public var landscapes: [LandscapeFacts]
  /// Every cell, landscape-major.
  public var cells: [Cell]

  /// Runs the reproduction.
  ///
  /// - Parameters:
  ///   - landscapes: the landscapes (nil: ``fullLandscapes`` or ``quickLandscapes``).
  ///   - quick: 3 landscapes and kept points up to 16d instead of 64d.
  ///   - seed: root seed (nil: the committed seed table, reproducible).
  ///   - workers: worker tasks of the sampler (the result does not depend on it).
  ///   - progress: called with a one-line stage description before each comparison.
  /// - Throws: ``InputError`` for a landscape that does not resolve or is too large.
  public static func run(
    landscapes: [any Landscape]? = nil, quick: Bool, seed: UInt64?, workers: Int,
    progress: (@Sendable (String) -> Void)? = nil
  ) async throws -> RobustnessReproduction {
    let subjects = try landscapes ?? (quick ? quickLandscapes : fullLandscapes).map { try LandscapeSpec.resolve($0) }
    var base = ComparisonConfiguration()
    base.seedRoot = seed
    base.workers = workers
    base.keptCapFactor = quick ? 16 : 64
    try CompareAnalysis.checkCandidateMemory(subjects, configuration: base)
    try CompareAnalysis.checkWork(subjects, configuration: base)
    var facts: [LandscapeFacts] = []
    var cells: [Cell] = []
    let scenarios = RobustnessScenario.allCases
    for (k, land) in subjects.enumerated() {
      var exactHVP: RouteResult?
      var exactCovariance: RouteResult?
      for scenario in scenarios {
        progress?("\(land.name) (\(k + 1)/\(subjects.count)): \(scenario.rawValue)")
        var cfg = base
        cfg.hvp = scenario.hvp
        cfg.loss = scenario.loss
        cfg.methods =
          (scenario.touchesHVPRoute ? [.lanczos, .block] : []) + (scenario.touchesCovarianceRoute ? [.covariance] : [])
        let comparison = try await MethodComparison.compare(land, configuration: cfg)
        if scenario == .exact {
          facts.append(
            LandscapeFacts(
              landscape: land.name, dimension: land.dimension, exactRank: comparison.exactRank,
              rankSource: comparison.rankSource))
        }
        let hvp = scenario.touchesHVPRoute ? route(comparison, .hessianVectorProducts) : exactHVP.map(unaffected)
        let cov = scenario.touchesCovarianceRoute ? route(comparison, .sampling) : exactCovariance.map(unaffected)
        if scenario == .exact { (exactHVP, exactCovariance) = (hvp, cov) }
        guard let hvp, let cov else { preconditionFailure("the exact scenario runs first and touches both routes") }
        cells.append(Cell(landscape: land.name, scenario: scenario, hvpRoute: hvp, covarianceRoute: cov))
      }
    }
    return RobustnessReproduction(
      quick: quick, seed: seed, confidence: base.confidence, seedsPerLevel: base.seedsPerLevel,
      keptCapFactor: base.keptCapFactor, scenarios: scenarios, landscapes: facts, cells: cells)
  }

  /// The route's result in `comparison`: its cheapest method that reached c, else its last method.
  static func route(_ comparison: LandscapeComparison, _ route: ComparedMethod.Route) -> RouteResult {
    let outcomes = comparison.methods.filter { $0.route == route }
    let reached = outcomes.filter(\.reachedConfidence).min { $0.lossEvaluationEquivalents < $1.lossEvaluationEquivalents }
    guard let o = reached ?? outcomes.last else { preconditionFailure("the route was compared") }
    return RouteResult(
      status: o.reachedConfidence ? .reached : .notReached, method: o.method, budget: o.reachedBudget,
      budgetName: o.budgetName, hessianVectorProductsPerRun: o.hessianVectorProductsPerRun,
      lossEvaluationsPerRun: o.lossEvaluationsPerRun, lossEvaluationEquivalents: o.lossEvaluationEquivalents,
      note: o.reachedConfidence ? nil : outcomes.compactMap(\.capNote).joined(separator: "; "))
  }

  /// The exact-model result carried over to a scenario that does not touch the route.
  static func unaffected(_ r: RouteResult) -> RouteResult {
    var u = r
    u.status = .unaffected
    return u
  }
}
