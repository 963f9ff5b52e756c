/// The kept points of a selection run, reduced to streaming moments.
public struct SelectionSample: Sendable, Equatable {
  /// Moments of the kept points' displacements x − w* from the landscape's minimum.
  public let moments: CovarianceAccumulator
  /// The sampling centre m (w* plus the offset).
  public let center: [Double]
  /// The number of rounds (batches of λ candidates).
  public let rounds: Int
  /// Every loss evaluation made: rounds·λ, plus one for L(w*).
  public let lossEvaluations: Int
  /// The mean of L(x) − L(w*) over the kept points (for the σ-scaling diagnostic).
  public let meanExcessLoss: Double
  /// The sample variance of L(x) − L(w*) over the kept points.
  public let excessLossVariance: Double

  /// The number of kept points n.
  public var kept: Int { moments.count }
}

/// Draws candidates from N(m, σ²I) around a centre, keeps the selected ones and
/// accumulates their covariance: the estimator of Shir & Yehudayoff,
/// "On the covariance–Hessian relation in evolution strategies", TCS 801:157–174
/// (2020), arXiv:1806.03674.
///
/// One round: λ candidates xₖ = m + σzₖ, zₖ ~ N(0, I), their losses evaluated in
/// one batched call (``LossOracle/losses(at:)``), and the ``SelectionScheme`` keeps
/// one (or μ) of them. Round i draws from `SeededGenerator(seed: seed).child(i)`,
/// so the kept points do not depend on the number of workers. Rounds are grouped
/// into chunks of a fixed size (independent of the worker count); chunks run as
/// child tasks of a `TaskGroup` and are merged into the moments in chunk order,
/// so the result is bit-identical for any `workers`.
///
/// Cost: ⌈n/k⌉·λ + 1 loss evaluations for n kept points (k = points kept per round;
/// the 1 is L(w*), for the winners' excess loss),
/// ⌈n/k⌉·λ·d normal draws; memory O(workers·(max(λd, 2¹⁶) + chunk·d) + d²), independent of n.
public struct SelectionSampler: Sendable {
  /// The population λ (candidates per round).
  public let population: Int
  /// The sampling standard deviation σ.
  public let sigma: Double
  /// How candidates are kept.
  public let scheme: SelectionScheme
  /// The offset m − w* of the sampling centre from the minimum (nil: centred).
  public let centerOffset: [Double]?

  /// The σ whose square is a normal `Double` (about 1.5·10⁻¹⁵⁴ to 1.3·10¹⁵⁴): the read-out
  /// divides the covariance by σ², which must neither underflow nor overflow.
  public static let sigmaRange = Double.leastNormalMagnitude.squareRoot().nextUp...Double.greatestFiniteMagnitude.squareRoot()

  /// Kept points per chunk of rounds (fixed, so chunking never depends on workers).
  static let pointsPerChunk = 128

  /// A sampler; checks λ ≥ 2, σ in ``sigmaRange`` and the scheme against λ.
  ///
  /// - Throws: ``InputError`` naming `.population`, `.sigma`, `.mu` or `.rankOf`.
  public init(
    population: Int, sigma: Double, scheme: SelectionScheme = .best, centerOffset: [Double]? = nil
  ) throws(InputError) {
    guard population >= 2 else {
      throw InputError.parameter(.population, value: "\(population)", problem: "λ = \(population) must be at least 2 (λ = 1 selects nothing)")
    }
    guard sigma > 0, sigma.isFinite else {
      throw InputError.parameter(.sigma, value: "\(sigma)", problem: "σ = \(sigma) must be positive and finite")
    }
    // Every read-out divides by σ²: it must be a normal number (not 0, subnormal or ∞).
    guard (sigma * sigma).isNormal, (sigma * sigma).isFinite else {
      throw InputError.parameter(
        .sigma, value: "\(sigma)",
        problem: "σ = \(sigma) is too \(sigma < 1 ? "small" : "large"): σ² must be a normal floating-point number, "
          + "so σ must lie in [\(String(format: "%.3g", Self.sigmaRange.lowerBound)), \(String(format: "%.3g", Self.sigmaRange.upperBound))]")
    }
    try scheme.validate(population: population)
    if let off = centerOffset, !off.allSatisfy(\.isFinite) {
      throw InputError.parameter(
        .centerOffset, value: off.map { "\($0)" }.joined(separator: ","), problem: "every coordinate must be finite")
    }
    self.population = population
    self.sigma = sigma
    self.scheme = scheme
    self.centerOffset = centerOffset
  }

  /// Whether the sampling centre is the minimum (no offset, or a zero offset).
  public var isCentred: Bool { centerOffset?.allSatisfy { $0 == 0 } ?? true }

  /// Loss evaluations needed for n kept points: ⌈n/k⌉·λ, plus one for L(w*);
  /// `Int.max` when that count does not fit in an `Int` (so it is above every limit).
  public func lossEvaluations(forKept n: Int) -> Int {
    max(0, n).ceilingDivided(by: scheme.keptPerRound).saturatingMultiplied(by: population).saturatingAdding(1)
  }

  /// The rounds ⌈n/k⌉ for n kept points, checked so that every count the run keeps
  /// (rounds·λ + 1 loss evaluations, rounds·λ·d normal draws) fits in an `Int`.
  ///
  /// - Throws: ``InputError`` naming `parameter` (or `.population` when λ is the larger
  ///   factor) when a count would overflow, or when n < 1.
  public func checkedRounds(
    forKept n: Int, dimension d: Int, naming parameter: InputError.Parameter = .kept
  ) throws(InputError) -> Int {
    guard n >= 1 else { throw InputError.parameter(parameter, value: "\(n)", problem: "n = \(n) must be at least 1") }
    let rounds = n.ceilingDivided(by: scheme.keptPerRound)
    let blame: (String) -> InputError = { what in
      rounds >= self.population ? .tooLarge(parameter, value: n, what) : .tooLarge(.population, value: self.population, what)
    }
    let evaluations = try rounds.multiplied(by: population, orThrow: blame("⌈n/k⌉·λ loss evaluations"))
    _ = try evaluations.adding(1, orThrow: blame("⌈n/k⌉·λ + 1 loss evaluations"))
    _ = try evaluations.multiplied(by: max(d, 1), orThrow: blame("⌈n/k⌉·λ·d normal draws"))
    return rounds
  }

  /// Runs the sampler until `n` points are kept.
  ///
  /// - Parameters:
  ///   - oracle: the loss; its ``LossOracle/center`` is w*. Every evaluation is counted
  ///     (through a ``CountingLossOracle``) into the sample's `lossEvaluations`.
  ///   - n: kept points (≥ 1). For (μ,λ) the last round keeps a prefix, in
  ///     candidate order, of its μ selected points (a uniformly random subset).
  ///   - seed: root seed; round i uses child stream i.
  ///   - workers: concurrent chunk tasks (≥ 1); does not change the result.
  ///   - progress: called on the calling task with (rounds done, rounds total).
  /// - Throws: ``InputError`` if n < 1, workers < 1, the offset has the wrong length, or the
  ///   run is above a budget (``checkBudgets(kept:dimension:workers:name:)``);
  ///   any error of the oracle.
  public func sample(
    _ oracle: some LossOracle, kept n: Int, seed: UInt64, workers: Int = 1,
    progress: ((Int, Int) -> Void)? = nil
  ) async throws -> SelectionSample {
    let landscape = CountingLossOracle(oracle)
    let d = landscape.dimension
    guard n >= 1 else { throw InputError.parameter(.kept, value: "\(n)", problem: "n = \(n) must be at least 1") }
    guard workers >= 1 else { throw InputError.parameter(.workers, value: "\(workers)", problem: "\(workers) must be at least 1") }
    try checkBudgets(kept: n, dimension: d, workers: workers)
    let wStar = landscape.center
    var center = wStar
    if let off = centerOffset {
      guard off.count == d else {
        throw InputError.parameter(
          .centerOffset, value: off.map { "\($0)" }.joined(separator: ","),
          problem: "\(off.count) coordinates given, the landscape has d = \(d)")
      }
      for j in 0..<d { center[j] += off[j] }
    }
    let k = scheme.keptPerRound
    let rounds = try checkedRounds(forKept: n, dimension: d)
    let roundsPerChunk = max(1, Self.pointsPerChunk / k)
    let chunkCount = rounds.ceilingDivided(by: roundsPerChunk)
    let job = ChunkJob(
      landscape: landscape, sampler: self, center: center, minimum: wStar,
      minimumLoss: try landscape.loss(at: wStar), kept: n, rounds: rounds,
      roundsPerChunk: roundsPerChunk, root: SeededGenerator(seed: seed))

    var total = ChunkResult(dimension: d)
    // One OpenBLAS thread inside the workers, for any number of them (BLASThreads).
    try await BLASThreads.$withinParallelWork.withValue(true) {
    try await withThrowingTaskGroup(of: (Int, ChunkResult).self) { group in
      var next = 0
      for _ in 0..<min(workers, chunkCount) {
        let c = next
        group.addTask { (c, try job.run(chunk: c)) }
        next += 1
      }
      var pending: [Int: ChunkResult] = [:]
      var merged = 0
      while let (c, result) = try await group.next() {
        pending[c] = result
        while let r = pending.removeValue(forKey: merged) {
          total.merge(r)
          merged += 1
        }
        if next < chunkCount {
          let c2 = next
          group.addTask { (c2, try job.run(chunk: c2)) }
          next += 1
        }
        progress?(min(merged.saturatingMultiplied(by: roundsPerChunk), rounds), rounds)
      }
    }
    }
    let nn = Double(total.moments.count)
    let meanLoss = total.lossSum / nn
    let variance = nn > 1 ? max(0, (total.lossSquareSum - nn * meanLoss * meanLoss) / (nn - 1)) : 0
    return SelectionSample(
      moments: total.moments, center: center, rounds: rounds,
      lossEvaluations: landscape.lossEvaluations, meanExcessLoss: meanLoss, excessLossVariance: variance)
  }
}
