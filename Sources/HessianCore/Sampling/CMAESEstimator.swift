/// The adaptive covariance estimator: (μ/μ_w, λ)-CMA-ES with cumulative step-size adaptation,
/// rank-one and rank-μ covariance updates and the default strategy parameters of Hansen,
/// "The CMA Evolution Strategy: A Tutorial", arXiv:1604.00772 (``CMAESParameters``;
/// the update is ``CMAESState``), started at w* (plus an optional offset) with step σ₀ and C = I.
///
/// On a positive-definite quadratic the adapted C approaches a multiple of H⁻¹ (docs/theory.md,
/// "The adaptive route"); at a degenerate minimum its eigenvalues separate into a small curved
/// block and a large flat block (``CMAESRankReadout``). The estimator sees only the
/// ``LossOracle``: generation g draws its λ×n normals from `SeededGenerator(seed:).child(g)` and
/// evaluates its λ candidates in one batched ``LossOracle/losses(at:)`` call, so the run is
/// sequential in generations and its result does not depend on how many workers the oracle uses.
/// Ties in the ranking are broken by candidate index (a NaN loss ranks last).
///
/// Cost: λ loss evaluations per generation, ⌊E/λ⌋ generations for a budget of E evaluations
/// (every one counted by ``CountingLossOracle``); per generation about (2λ + μ + 4)n² flops and
/// λn normal draws; a 9n³ eigendecomposition every ``CMAESParameters/eigenUpdateInterval``
/// generations; memory (S + 6)n² + 3λn doubles for S snapshots (``work(evaluations:)``).
public struct CMAESEstimator: Sendable {
  /// The strategy parameters (λ, μ, weights, learning rates).
  public let parameters: CMAESParameters
  /// The initial step size σ₀.
  public let initialSigma: Double
  /// The offset of the starting mean from w* (nil: start at w*).
  public let startOffset: [Double]?
  /// How many evenly spaced snapshots of C the run keeps (the last is the final C).
  public let snapshotCount: Int

  /// The condition number of C at which a run stops (``CMAESStop/conditionLimit``): 10¹⁴.
  public static let conditionLimit = 1e14

  /// An estimator for dimension d.
  ///
  /// - Parameters:
  ///   - population: λ (nil: the default 4 + ⌊3 ln d⌋).
  ///   - sigma: σ₀, positive with a normal square (``SelectionSampler/sigmaRange``).
  ///   - startOffset: the starting mean's offset from w* (d finite numbers) or nil.
  ///   - snapshots: snapshots of C to keep (1…64).
  /// - Throws: ``InputError`` naming `.population`, `.sigma` or `.centerOffset`.
  public init(
    dimension d: Int, population: Int? = nil, sigma: Double, startOffset: [Double]? = nil, snapshots: Int = 16
  ) throws(InputError) {
    parameters = try CMAESParameters(dimension: d, population: population)
    guard sigma.isFinite, SelectionSampler.sigmaRange.contains(sigma) else {
      throw InputError.parameter(
        .sigma, value: "\(sigma)",
        problem: "σ₀ = \(sigma) must be positive and finite, with a normal floating-point square")
    }
    if let off = startOffset {
      guard off.count == d, off.allSatisfy(\.isFinite) else {
        throw InputError.parameter(
          .centerOffset, value: off.map { "\($0)" }.joined(separator: ","),
          problem: "\(off.count) coordinates given, the landscape has d = \(d); every coordinate must be finite")
      }
    }
    guard (1...64).contains(snapshots) else {
      throw InputError.configuration(field: "snapshots", value: "\(snapshots)", problem: "must be between 1 and 64")
    }
    initialSigma = sigma
    self.startOffset = startOffset
    snapshotCount = snapshots
  }

  /// The generations a budget of E loss evaluations buys: ⌊E/λ⌋.
  public func generations(forEvaluations e: Int) -> Int { max(0, e) / parameters.population }

  /// The generations (1-based) after which a snapshot is kept: ⌈G·k/S⌉ for k = 1…S, deduplicated.
  func snapshotGenerations(total g: Int) -> Set<Int> {
    Set((1...snapshotCount).map { k in max(1, (g * k + snapshotCount - 1) / snapshotCount) })
  }

  /// Runs CMA-ES for at most `evaluations` loss evaluations.
  ///
  /// - Parameters:
  ///   - oracle: the loss; its ``LossOracle/center`` is w*.
  ///   - evaluations: the budget E (at least 2λ: two generations).
  ///   - seed: the root seed; generation g uses child stream g.
  ///   - progress: called after each generation with (generations done, generations planned).
  /// - Throws: ``InputError`` naming `.evaluations` (below 2λ, or above a work ceiling) or the
  ///   memory budget (``checkBudgets(evaluations:name:)``); any error of the oracle or the
  ///   eigensolver.
  public func run(
    _ oracle: some LossOracle, evaluations: Int, seed: UInt64, progress: ((Int, Int) -> Void)? = nil
  ) throws -> CMAESRun {
    let counting = CountingLossOracle(oracle)
    let n = parameters.dimension, lambda = parameters.population
    guard counting.dimension == n else {
      throw InputError.inconsistent("the estimator is for d = \(n), the loss has d = \(counting.dimension)")
    }
    try checkBudgets(evaluations: evaluations)
    let total = generations(forEvaluations: evaluations)
    var start = counting.center
    if let off = startOffset { for j in 0..<n { start[j] += off[j] } }
    var state = CMAESState(parameters: parameters, start: start, sigma: initialSigma)
    let root = SeededGenerator(seed: seed)
    let keepAt = snapshotGenerations(total: total)
    var snapshots: [CMAESSnapshot] = []
    var stop = CMAESStop.budget
    var best = Double.infinity
    var z = Matrix(rows: lambda, columns: n)
    var shapeSum = Matrix(rows: n, columns: n)
    var shapeTerms = 0
    while state.generation < total {
      var rng = root.child(UInt64(state.generation))
      z.elements.withUnsafeMutableBufferPointer { e in for i in e.indices { e[i] = rng.nextNormal() } }
      let (x, y) = state.candidates(from: z)
      let losses = try counting.losses(at: x)
      let key = losses.map { $0.isNaN ? Double.infinity : $0 }
      best = min(best, key.min() ?? best)
      if key.allSatisfy({ $0 == key[0] }) {
        stop = .noSelectionSignal
        break
      }
      let order = key.indices.sorted { key[$0] != key[$1] ? key[$0] < key[$1] : $0 < $1 }
      guard state.update(z: z, y: y, order: order) else {
        stop = .numericalBreakdown
        break
      }
      let g = state.generation
      let refresh = g % parameters.eigenUpdateInterval == 0 || g == total
      var halt: CMAESStop?
      if refresh {
        switch try state.decompose() {
        case nil: halt = .numericalBreakdown
        case let e? where e.condition > Self.conditionLimit: halt = .conditionLimit
        case let e?:
          if 2 * g > total, e.geometricMean.isNormal {
            shapeSum = shapeSum + (1 / e.geometricMean) * state.c
            shapeTerms += 1
          }
        }
      }
      if keepAt.contains(g) || halt != nil {
        snapshots.append(
          CMAESSnapshot(generation: g, lossEvaluations: counting.lossEvaluations, sigma: state.sigma, covariance: state.c, mean: state.mean))
      }
      progress?(g, total)
      if let halt {
        stop = halt
        break
      }
    }
    // The final C is always the last snapshot: also when the run stopped before its first update
    // (every loss of the first generation equal: no selection signal), so that the read-out reads
    // the start's C with the stop reason beside it instead of having nothing to read.
    if snapshots.last?.generation != state.generation || snapshots.isEmpty {
      snapshots.append(
        CMAESSnapshot(
          generation: state.generation, lossEvaluations: counting.lossEvaluations, sigma: state.sigma, covariance: state.c, mean: state.mean))
    }
    return CMAESRun(
      parameters: parameters, covariance: state.c,
      averagedShape: shapeTerms > 0 ? (1 / Double(shapeTerms)) * shapeSum : nil, averagedShapeTerms: shapeTerms,
      sigma: state.sigma, mean: state.mean, bestLoss: best,
      generations: state.generation, lossEvaluations: counting.lossEvaluations, snapshots: snapshots, stop: stop)
  }
}
