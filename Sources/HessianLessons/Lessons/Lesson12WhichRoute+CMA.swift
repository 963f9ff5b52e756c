import Foundation

extension Lesson12WhichRoute {
  /// What the adaptive route (CMA-ES) read on one landscape: its rank read-out per seed, whether
  /// each run was warned (a warned run counts as wrong, as in `compare`), and the loss evaluations
  /// counted per run (the CMA-ES budget plus the drift check's 4d + 2 when the mean moved).
  struct CMARuns {
    /// The CMA-ES population λ = 4 + ⌊3 ln d⌋ (Hansen's default).
    let population: Int
    /// The loss-evaluation budget E of each run.
    let budget: Int
    /// The read-out rank of each run.
    let ranks: [Int]
    /// Whether each run was warned.
    let warned: [Bool]
    /// Loss evaluations counted over all runs, divided by the number of runs.
    let evaluationsPerRun: Int

    /// Whether every run read `rank` without a warning.
    func allExact(_ rank: Int) -> Bool { zip(ranks, warned).allSatisfy { $0.0 == rank && !$0.1 } }

    /// "5, 5, 5" with "(warned)" after a warned run.
    var ranksText: String { zip(ranks, warned).map { "\($0.0)\($0.1 ? " (warned)" : "")" }.joined(separator: ", ") }
  }

  /// The "cma" prediction's right choice for C/A = `overHVP` and C/B = `overSampling`:
  /// 0 when C is within 3× of A, 2 when it is within 3× of B, else 1 (between them).
  static func cmaChoice(overHVP: Double, overSampling: Double) -> Int {
    overHVP <= 3 ? 0 : overSampling >= 1.0 / 3 ? 2 : 1
  }

  /// Runs the adaptive route `seeds` times on `land` at E = `factor`·λd loss evaluations, σ₀ = 1,
  /// from w*, through the comparison's own trial (``MethodComparison/cmaTrial(_:evaluations:seed:sigma:)``:
  /// CMA-ES, the rank read-out and the drift check); every loss evaluation counted. Seeds are
  /// children of `seed`. Cost: `seeds`·(E + 4d + 2) loss evaluations at most.
  ///
  /// - Throws: ``InputError`` from the estimator's settings; errors of the eigensolver.
  static func cmaRuns(_ land: any Landscape, factor: Int, seeds: Int, seed: UInt64) throws -> CMARuns {
    let lambda = CMAESParameters.defaultPopulation(dimension: land.dimension)
    let budget = factor * lambda * land.dimension
    let counting = CountingLossOracle(land)
    var ranks: [Int] = [], warned: [Bool] = []
    for k in 0..<seeds {
      let t = try MethodComparison.cmaTrial(counting, evaluations: budget, seed: SeededGenerator.childSeed(root: seed, index: UInt64(k)), sigma: 1)
      ranks.append(t.rank)
      warned.append(t.warned)
    }
    return CMARuns(population: lambda, budget: budget, ranks: ranks, warned: warned, evaluationsPerRun: counting.lossEvaluations / max(seeds, 1))
  }
}
