import Foundation

/// Lesson 12: which route to rank(H) is easier, measured — the block range
/// finder's HVPs against the loss evaluations of the ES covariance read-out
/// (pilot + planned run) on the same landscape (theory §7.2, claim 9), then the
/// adaptive sampling route (CMA-ES and its rank read-out) at a fixed budget, on
/// the same quadratic and on the non-quadratic `newton-flat`.
public struct Lesson12WhichRoute: LessonProgram {
  /// The lesson's position in the course, 12 (folder `12-which-route`).
  public let number = 12
  /// The topic id `which-route`, matching the manifest entry and the folder `12-which-route`.
  public let id = "which-route"
  /// The landscape whose Hessian rank both routes compute; its rank by construction is the reference.
  public var landscape = "quad-rank-deficient"
  /// The same shape with one weak curved direction.
  public var weakLandscape = "quad:1,1,1,1,0.01:d=20:seed=2"
  /// The non-quadratic minimum (x² + y⁴ + 3 flat) where the (1,λ) read-out is not rank(H) (lesson 9).
  public var flatLandscape = "newton-flat"
  /// Route C's budget on ``landscape`` in units of λd (E = 64·λ_ES·d = 15,360 at d = 20, λ = 12).
  public var cmaBudgetFactor = 64
  /// Route C's budget on ``flatLandscape`` in units of λd (E = 32·λ_ES·d = 1,280 at d = 5, λ = 8).
  public var flatCMABudgetFactor = 32
  /// Route C's runs per landscape (seeded children of the lesson seed).
  public var cmaSeeds = 3
  /// The population λ_ES of the ES route's (1,λ) selection at σ = 1; also used by the exercise.
  public var population = 100
  /// Kept points of the read-out run; `nil` follows the planner (a test
  /// injects too few).
  public var keptOverride: Int? = nil
  /// Loss evaluations charged per HVP: the one stated constant ``HVPCost/lossEvaluationsPerHVP``.
  public static let evaluationsPerHVP = HVPCost.lossEvaluationsPerHVP

  /// The lesson with its default parameters, as ``LessonCatalog`` runs it.
  public init() {}

  struct Route {
    let name: String
    let blockRank: Int
    let blockHVPs: Int
    let plan: ReadoutPlan
    let readout: Int?
    let esEvaluations: Int
  }

  /// The "ratio" prediction's right choice for a measured cost ratio q: 0 (q < 3), 1 (3 ≤ q ≤ 30), 2 (q > 30).
  static func ratioChoice(_ q: Double) -> Int { q < 3 ? 0 : q <= 30 ? 1 : 2 }

  static func plan(_ land: any Landscape, population: Int, seed: UInt64) async throws -> ReadoutPlan {
    let sampler = try SelectionSampler(population: population, sigma: 1)
    return try await ReadoutPlan.plan(land, sampler: sampler, pilotKept: max(50, 2 * land.dimension + 10), seed: seed)
  }

  /// Costs both routes to rank(H) on ``landscape``: the block range finder's HVPs at
  /// ``evaluationsPerHVP`` loss evaluations each, against the planner's pilot plus a read-out run with
  /// ``keptOverride`` or the planned kept points; then repeats on ``weakLandscape``. Seeds derive from
  /// `seed`.
  ///
  /// - Throws: ``InputError`` when an injected parameter is invalid (e.g. a landscape spec that
  ///   does not resolve); otherwise the errors of the numerical routines it calls.
  public func run(seed: UInt64) async throws -> LessonRun {
    var r = LessonRun()
    let land = try LessonSupport.landscape(landscape)
    let rank = land.knownAnswers.rank.value ?? -1
    var rng = SeededGenerator(seed: seed)
    let block = try BlockKrylovRank.rank(of: HessianOperator(landscape: land), using: &rng)
    let plan = try await Self.plan(land, population: population, seed: SeededGenerator.childSeed(root: seed, index: 1))
    let n = keptOverride ?? plan.recommendedKept
    let s = try await LessonSupport.selection(land, population: population, sigma: 1, kept: n, seed: SeededGenerator.childSeed(root: seed, index: 2))
    let readout = try CovarianceRankReadout.read(eigenvalues: s.eigenvalues, kept: n, sigma: 1)
    let esCost = plan.pilotLossEvaluations + s.sample.lossEvaluations
    let hvpCost = block.hessianVectorProducts * Self.evaluationsPerHVP
    r.show("setup", [
      "\(land.name): d = \(land.dimension), rank(H) = \(rank)",
      "route A: block range finder on HVPs; route B: (1,λ) selection, λ_ES = \(population), σ = 1, kept points chosen by the planner, then the read-out",
    ])
    r.predict(
      "ratio", question: "Charging each HVP as \(Self.evaluationsPerHVP) loss evaluations, how much more does the ES route cost?",
      choices: ["less than 3×", "between 3× and 30×", "more than 30×"],
      answer: Self.ratioChoice(Double(esCost) / Double(max(hvpCost, 1))),
      reveal: "The read-out needs n > d kept points, each the best of λ_ES candidates; the range finder needs about 2r + 10 products.")
    r.show("costs", LessonFormat.table(
      ["route", "rank", "cost", "in loss evaluations"],
      [
        ["A: block range finder", "\(block.rank)", "\(block.hessianVectorProducts) HVPs", "\(hvpCost) (×\(Self.evaluationsPerHVP))"],
        ["B: planner pilot", "\(plan.pilotRank)", "\(plan.pilotKept) kept", "\(plan.pilotLossEvaluations)"],
        ["B: read-out run", "\(readout.rank)", "\(n) kept", "\(s.sample.lossEvaluations)"],
      ]) + ["ratio B/A: \(LessonFormat.short(Double(esCost) / Double(max(hvpCost, 1))))×"])

    // Route C, the adaptive sampling route: CMA-ES learns its sampling covariance as it goes.
    let cma = try Self.cmaRuns(land, factor: cmaBudgetFactor, seeds: cmaSeeds, seed: SeededGenerator.childSeed(root: seed, index: 7))
    let cOverA = Double(cma.evaluationsPerRun) / Double(max(hvpCost, 1)), cOverB = Double(cma.evaluationsPerRun) / Double(max(esCost, 1))
    r.predict(
      "cma", question: "Route C adapts its sampling covariance as it goes (CMA-ES, λ_ES = \(cma.population), σ₀ = 1, no derivatives), and reads the rank off the gap between its small (curved) and growing (flat) eigenvalues. Where does its cost land?",
      choices: ["close to route A (within 3×)", "between A and B (more than 3× A, less than a third of B)", "close to route B (within 3×)"],
      answer: Self.cmaChoice(overHVP: cOverA, overSampling: cOverB),
      reveal: "Adapting the covariance makes every sample count, but C still learns a d×d shape from loss values alone: it needs many generations to see the flat block grow while the curved one shrinks.")
    let flat = try LessonSupport.landscape(flatLandscape)
    let flatRank = flat.knownAnswers.rank.value ?? -1
    let flatKept = 40 * flat.dimension
    let flatSample = try await LessonSupport.selection(flat, population: population, sigma: 1, kept: flatKept, seed: SeededGenerator.childSeed(root: seed, index: 8))
    let flatReadout = try CovarianceRankReadout.read(eigenvalues: flatSample.eigenvalues, kept: flatKept, sigma: 1)
    let flatCMA = try Self.cmaRuns(flat, factor: flatCMABudgetFactor, seeds: cmaSeeds, seed: SeededGenerator.childSeed(root: seed, index: 9))
    r.show("cma", LessonFormat.table(
      ["landscape", "rank(H)", "route", "rank read", "losses/run"],
      [
        [land.name, "\(rank)", "C: cma, E = \(cmaBudgetFactor)·λ_ES·d, \(cmaSeeds) seeds", cma.ranksText, "\(cma.evaluationsPerRun)"],
        [flat.name, "\(flatRank)", "B: (1,λ) read-out, n = 40d", "\(flatReadout.rank)", "\(flatSample.sample.lossEvaluations)"],
        [flat.name, "\(flatRank)", "C: cma, E = \(flatCMABudgetFactor)·λ_ES·d, \(cmaSeeds) seeds", flatCMA.ranksText, "\(flatCMA.evaluationsPerRun)"],
      ]) + [
        "ratios on \(land.name): C/A \(LessonFormat.short(cOverA))×, C/B \(LessonFormat.short(cOverB))× (one run per seed at a fixed budget; `compare --method cma` searches the budget for P(exact) ≥ 0.95)",
      ])

    let weak = try LessonSupport.landscape(weakLandscape)
    var weakRng = SeededGenerator(seed: SeededGenerator.childSeed(root: seed, index: 3))
    let weakBlock = try BlockKrylovRank.rank(of: HessianOperator(landscape: weak), using: &weakRng)
    let weakPlan = try await Self.plan(weak, population: population, seed: SeededGenerator.childSeed(root: seed, index: 4))
    let weakRun = try await LessonSupport.selection(
      weak, population: population, sigma: 1, kept: weakPlan.recommendedKept, seed: SeededGenerator.childSeed(root: seed, index: 5))
    let weakReadout = try CovarianceRankReadout.read(eigenvalues: weakRun.eigenvalues, kept: weakPlan.recommendedKept, sigma: 1)
    let measured = try await LessonSupport.rangeVariances(
      weak, population: population, kept: 1000, seed: SeededGenerator.childSeed(root: seed, index: 6))
    let cmax = measured.variances.first ?? 0.5
    let needed = ReadoutPlan.keptNeeded(dimension: weak.dimension, largestRangeVariance: cmax, sigma: 1)
    let neededEvaluations = needed * population
    r.predict(
      "weak", question: "Replace the curvatures by 1, 1, 1, 1 and 0.01 (still rank 5). What happens to the ES route?",
      choices: ["about the same cost", "the cost grows a little (2–10×)", "its pilot misses the weak direction, and the honest cost grows more than 10×"],
      answer: {
        let q = Double(neededEvaluations) / Double(max(plan.recommendedLossEvaluations, 1))
        return q < 2 ? 0 : q <= 10 ? 1 : 2
      }(),
      reveal: "The weak direction's variance is \(LessonFormat.short(cmax))σ², just below the null block's σ²: the pilot cannot see it, and separating it takes n ≈ 2.5·d/(1 − √(c_max/σ²))² kept points.")
    r.show("weak", LessonFormat.table(
      ["landscape", "block rank", "HVPs", "ES: planned n", "read-out at planned n", "n needed for c_max", "loss evaluations"],
      [
        [land.name, "\(block.rank)", "\(block.hessianVectorProducts)", "\(plan.recommendedKept)", "\(readout.rank)", "—", "\(plan.recommendedLossEvaluations)"],
        [weak.name, "\(weakBlock.rank)", "\(weakBlock.hessianVectorProducts)", "\(weakPlan.recommendedKept)", "\(weakReadout.rank)", "\(needed)", "\(neededEvaluations)"],
      ]) + [
        "range variances of \(weak.name) along H's eigenvectors (1000 kept points, \(measured.evaluations) loss evaluations): "
          + measured.variances.map(LessonFormat.short).joined(separator: ", "),
        "the plan states its own resolution: at n = \(weakPlan.recommendedKept) it counts a direction only below "
          + "(1 − √(d/n))²σ² = \(LessonFormat.short(weakPlan.resolvableVarianceRatio))σ²; the weak direction's "
          + "\(LessonFormat.short(cmax))σ² is \(cmax > weakPlan.resolvableVarianceRatio ? "above it: read as flat" : "below it: counted")",
      ])

    r.check("both-correct", block.rank == rank && readout.rank == rank, "block \(block.rank), read-out \(readout.rank) with n = \(n), rank(H) = \(rank)")
    r.check(
      "hvp-route-cheaper", esCost > 20 * hvpCost,
      "ES \(esCost) loss evaluations vs \(block.hessianVectorProducts) HVPs × \(Self.evaluationsPerHVP) = \(hvpCost)")
    r.check(
      "weak-direction-widens-gap",
      neededEvaluations >= 10 * plan.recommendedLossEvaluations && weakBlock.rank == weak.knownAnswers.rank.value
        && weakBlock.hessianVectorProducts <= block.hessianVectorProducts + 5,
      "ES cost \(plan.recommendedLossEvaluations) → \(neededEvaluations) loss evaluations (c_max = \(LessonFormat.short(cmax))); block HVPs \(block.hessianVectorProducts) → \(weakBlock.hessianVectorProducts)")
    r.check("cma-correct", cma.allExact(rank), "cma read \(cma.ranksText) at E = \(cma.budget), rank(H) = \(rank)")
    r.check(
      "cma-off-the-quadratic", flatCMA.allExact(flatRank) && flatReadout.rank != flatRank,
      "\(flat.name): cma read \(flatCMA.ranksText), the (1,λ) read-out \(flatReadout.rank), rank(H) = \(flatRank)")
    return r
  }
}
