/// How many kept points (and loss evaluations) an exact rank read-out needs,
/// estimated from a short pilot run.
///
/// The read-out counts eigenvalues below τ = σ²(1 − √(d/n))². It is exact once
/// τ clears the largest range variance c_max (notes §2.4, sim C):
///
///     n ≳ d / (1 − √(c_max/σ²))²,
///
/// a heuristic that under-estimates the n observed for 95% exactness by a
/// factor 1.2–2.3 in sim C. The planner therefore reads c_max off the pilot
/// (the largest eigenvalue below the pilot's own threshold), inflates it by two
/// standard errors of a sample variance (×(1 + 2√(2/n₀))), and multiplies the
/// heuristic by ``safetyFactor`` = 2.5. A weak direction whose variance lies
/// above the pilot's threshold is invisible to the pilot; when the largest
/// counted eigenvalue is within 30% of the threshold (or nothing was counted)
/// the planner runs up to two more pilot stages at the recommended n (≤ 8× the
/// previous stage) before answering.
///
/// Its one evidence warning: the last pilot's largest counted eigenvalue lies within the
/// fluctuation band of the null block's Marchenko–Pastur edge
/// (``CovarianceRankReadout/Warning/countedMayBeFlat(eigenvalue:nullDimension:edge:scale:)``), so
/// the pilot cannot tell that direction from a flat one and c_max is unreliable. Over seeds
/// (d = 20, five settings, 500 plans, each checked by a read-out at the recommended n) it fired on
/// 6 of 353 plans whose read-out was then exact and on 62 of 147 whose read-out was not. The
/// former warnings did not separate them and were removed: "largest counted pilot eigenvalue
/// close to the pilot threshold" fired on 171 of 353 good plans and none of 147 bad ones, and
/// "the pilot counted no curved direction" fires alike when rank(H) = 0 (the plan is right) and
/// when every range variance is close to σ² (it is not); ``resolvableVarianceRatio`` states that
/// limit for every plan. The rates are recorded in `CovarianceRankReadoutTests`.
///
/// Cost: the pilot stages' ⌈nᵢ/k⌉·λ + 1 loss evaluations each; the recommended run then costs
/// ⌈n/k⌉·λ (k = points kept per round).
public struct ReadoutPlan: Sendable, Equatable, Codable {
  /// Kept points in the last pilot stage (n₀, or larger when the planner iterated).
  public let pilotKept: Int
  /// Loss evaluations spent by all pilot stages.
  public let pilotLossEvaluations: Int
  /// The pilot's read-out (rank at the pilot's threshold).
  public let pilotRank: Int
  /// The estimate of the largest range variance c_max (inflated), nil if the
  /// pilot saw no eigenvalue below its threshold.
  public let largestRangeVariance: Double?
  /// The recommended number of kept points n.
  public let recommendedKept: Int
  /// Loss evaluations of a run with the recommended n.
  public let recommendedLossEvaluations: Int
  /// The read-out's resolution at the recommended n: R = τ(n)/σ² = (1 − √(d/n))².
  /// A direction is counted as curved only when selection holds its kept-point
  /// variance below R·σ²; a curvature too weak for that is read as flat, and no
  /// pilot can tell it from a null direction (its variance sits inside the
  /// Marchenko–Pastur spread of the σ² block).
  public let resolvableVarianceRatio: Double
  /// Typed warnings: the sampling centre is off the minimum, the rule does not apply
  /// (``WarningCode/samplingOffCentre``); then the last pilot could not separate curved from
  /// flat directions, c_max is unreliable (``WarningCode/pilotCannotSeparate``).
  public let warnings: [Warning]

  /// The multiplier on the heuristic d/(1 − √(c_max/σ²))², covering sim C's
  /// observed factor 1.2–2.3.
  public static let safetyFactor = 2.5

  /// The heuristic n = ⌈factor·d/(1 − √(c/σ²))²⌉, at least d + 2.
  public static func keptNeeded(dimension d: Int, largestRangeVariance c: Double, sigma: Double, factor: Double = safetyFactor) -> Int {
    let ratio = min(max(c / (sigma * sigma), 0), 0.999_999)
    let root = 1 - ratio.squareRoot()
    let n = (factor * Double(d) / (root * root)).rounded(.up)
    return max(d + 2, n.isFinite ? Int(min(n, 1e15)) : Int.max / 4)
  }

  /// Runs a pilot with `pilotKept` points and plans the read-out.
  ///
  /// - Throws: ``InputError`` if the pilot has n₀ ≤ d (naming `.kept`).
  public static func plan(
    _ landscape: some LossOracle, sampler: SelectionSampler, pilotKept n0: Int, seed: UInt64, workers: Int = 1
  ) async throws -> ReadoutPlan {
    let d = landscape.dimension
    guard n0 > d else {
      throw InputError.parameter(
        .kept, value: "\(n0)",
        problem: "the \(.plan) pilot needs more kept points than dimensions (n = \(n0), d = \(d)); try \(setting: .kept, 4 * d)")
    }
    var warnings: [Warning] = []
    if !sampler.isCentred {
      warnings.append(
        Warning(.samplingOffCentre, "the sampling centre is off the minimum: the null block is not σ²I and the read-out rule does not apply"))
    }
    let s2 = sampler.sigma * sampler.sigma
    // Up to three pilot stages: a stage whose largest counted eigenvalue is close
    // to its own threshold (or that counted nothing) may hide a weak curved
    // direction above τ, so the next stage re-runs with the recommended n
    // (at most 8× larger) and a fresh child seed.
    var pilotN = n0, evaluations = 0, stage: UInt64 = 0
    var cmax: Double? = nil, n = 0, pilotRank = 0
    var last: CovarianceRankReadout? = nil
    while true {
      let pilotSeed = stage == 0 ? seed : SeededGenerator.childSeed(root: seed, index: 2_000_000 + stage)
      let pilot = try await sampler.sample(landscape, kept: pilotN, seed: pilotSeed, workers: workers)
      evaluations = evaluations.saturatingAdding(pilot.lossEvaluations)
      let values = try SymmetricEigen.values(of: pilot.moments.secondMoment)
      let readout = try CovarianceRankReadout.read(eigenvalues: values, kept: pilotN, sigma: sampler.sigma)
      pilotRank = readout.rank
      last = readout
      let weak: Bool
      if let c = readout.largestCounted {
        let inflated = min(c * (1 + 2 * (2 / Double(pilotN)).squareRoot()), 0.999 * s2)
        cmax = inflated
        n = keptNeeded(dimension: d, largestRangeVariance: inflated, sigma: sampler.sigma)
        weak = c > 0.7 * readout.threshold
      } else {
        cmax = nil
        n = max(pilotN.saturatingMultiplied(by: 4), d + 2)
        weak = true
      }
      stage += 1
      if !weak || stage >= 3 || n <= pilotN { break }
      pilotN = min(n, pilotN.saturatingMultiplied(by: 8))
    }
    for case let .countedMayBeFlat(e, q, edge, _) in last?.diagnostics ?? [] {
      warnings.append(Warning(
        .pilotCannotSeparate,
        "the last pilot (n = \(pilotN)) cannot tell its largest counted eigenvalue \(SamplingFormat.short(e)) from the smallest "
          + "of \(q) flat directions (Marchenko–Pastur edge \(SamplingFormat.short(edge))), so c_max and the recommended n "
          + "are unreliable; re-plan with a larger pilot, --kept \(max(n, pilotN.saturatingMultiplied(by: 4)))"))
    }
    return ReadoutPlan(
      pilotKept: pilotN, pilotLossEvaluations: evaluations, pilotRank: pilotRank,
      largestRangeVariance: cmax, recommendedKept: n,
      recommendedLossEvaluations: sampler.lossEvaluations(forKept: n),
      resolvableVarianceRatio: CovarianceRankReadout.nullBlockEdges(dimension: d, kept: n).lower, warnings: warnings)
  }
}
