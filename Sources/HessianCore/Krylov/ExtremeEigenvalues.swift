import Foundation

/// Which end of the spectrum.
public enum SpectrumEnd: String, Sendable, Codable, CaseIterable {
  /// The largest (algebraic) eigenvalues.
  case top
  /// The smallest (algebraic) eigenvalues.
  case bottom
}

/// The k largest or smallest eigenvalues by Lanczos with full
/// reorthogonalisation, locking and restarts, with residual-based convergence
/// flags.
///
/// ```
/// run Lanczos (≤ m steps) on (I − LLᵀ) H (I − LLᵀ) from a random start ⊥ L,
///   stopping once the wanted Ritz pairs have converged (see runIsDecided)
/// Ritz pairs (θ_i, y_i), residual ‖H y_i − θ_i y_i‖ = β_m |e_mᵀ s_i|
/// lock converged y_i that enter the current k best into L; restart
/// stop when a restart adds nothing to the k best
/// ```
///
/// Each run is single-vector ``Lanczos`` or, for a dense operator too large for cache,
/// ``BlockLanczos`` with b start vectors (``automaticBlockSize(of:count:)``): the same Ritz
/// pairs, residuals and stopping rule, with one pass over H per b HVPs.
///
/// A single Lanczos run sees each distinct eigenvalue once; restarting in the
/// orthogonal complement of the locked vectors finds the further copies of a
/// multiple eigenvalue (Templates, Bai et al. (eds.) SIAM 2000, §4.4,
/// "Multiple eigenvalues": deflation and restarts). A block run of b vectors sees up to b
/// copies: when its first run locks all k values and no value among them appears b times, no
/// further copy exists and the restart is skipped (it would cost as many passes over H again). Each value comes with its
/// residual norm, and `converged` means residual ≤ tolerance·max|θ|
/// (Parlett, *The Symmetric Eigenvalue Problem*, §13.1).
///
/// - Complexity: at most m HVPs per run (2m in blocks of b; a run stops as soon as its wanted Ritz
///   pairs have converged; the check is a dense eigensolve of T_j, O(j³), every
///   step up to 96, then every ⌈j/32⌉ steps), at most k + 1 runs; m defaults to
///   min(d, max(2k + 20, 40)).
public enum ExtremeEigenvalues {
  /// The computed eigenvalues and their evidence.
  public struct Result: Sendable, Codable, Equatable {
    /// Which end of the spectrum was computed.
    public var end: SpectrumEnd
    /// The k values, best first (descending for top, ascending for bottom).
    public var values: [Double]
    /// ‖H y − θ y‖ for each value.
    public var residuals: [Double]
    /// residual ≤ tolerance·max|θ| for each value.
    public var converged: [Bool]
    /// The Hessian-vector products made by all runs (counted by the operator).
    public var hessianVectorProducts: Int
    /// Lanczos runs (1 + restarts).
    public var runs: Int
    /// Typed warnings: unconverged values (``WarningCode/eigenvaluesNotConverged``), then
    /// fewer values than asked for (``WarningCode/eigenvaluesMissing``); empty when none.
    public var warnings: [Warning]
    /// The largest |θ| of every Ritz value seen by the runs, a lower bound on ‖H‖₂ (Lanczos finds
    /// both ends of the spectrum first, so it is close even for `bottom`); `nil` when not recorded.
    public var largestMagnitude: Double? = nil
    /// The unit-norm Ritz vector of each value (`vectors[j]` ↔ `values[j]`, d entries each):
    /// a locked (converged) value's vector is orthogonal to the others locked before it; an
    /// unconverged value's is the last run's Ritz vector, as good as its residual says.
    /// Not encoded.
    public var vectors: [[Double]] = []

    private enum CodingKeys: String, CodingKey { case end, values, residuals, converged, hessianVectorProducts, runs, warnings }
  }

  /// The `count` extreme eigenvalues of `op` at `end`.
  ///
  /// - Parameters:
  ///   - op: the Hessian; every product is counted by it.
  ///   - end: the largest (``SpectrumEnd/top``) or smallest (``SpectrumEnd/bottom``) eigenvalues.
  ///   - k: how many eigenvalues, with multiplicity.
  ///   - steps: Lanczos steps per run (default min(d, max(2k + 20, 40))).
  ///   - tolerance: relative residual tolerance of the convergence flags.
  ///   - rng: the source of the Gaussian start vector (block) of each run.
  ///   - blockSize: the start vectors per run: 1 is single-vector Lanczos, b > 1 is
  ///     ``BlockLanczos`` with b columns per product (a run then holds up to 2m vectors, since its
  ///     HVPs come b to a pass over H). `nil` (default): ``automaticBlockSize(of:count:)``.
  ///
  /// The runs see H' = 2ˢ·H with ‖H'‖ ≈ 1 (``PowerOfTwoScaledOperator``), so a subnormal or a
  /// huge spectrum is found like a moderate one; values and residuals are scaled back by 2⁻ˢ
  /// (exact: a power of two), and the HVP count is the source's.
  public static func compute(
    of op: HessianOperator, end: SpectrumEnd, count k: Int, steps: Int? = nil, tolerance: Double = 1e-8,
    blockSize: Int? = nil, using rng: inout SeededGenerator
  ) throws -> Result {
    let before = op.applicationCount
    let scaled = PowerOfTwoScaledOperator(op)
    let b = max(1, min(blockSize ?? automaticBlockSize(of: op, count: k), max(op.dimension, 1)))
    var result = try computeUnscaled(
      of: HessianOperator(scaled, name: op.name), end: end, count: k, steps: steps, tolerance: tolerance,
      blockSize: b, using: &rng)
    result.hessianVectorProducts = op.applicationCount - before
    let s = scaled.exponent
    guard s != 0 else { return result }
    result.values = result.values.map { PowerOfTwoScaledOperator.scale($0, by: -s) }
    result.residuals = result.residuals.map { PowerOfTwoScaledOperator.scale($0, by: -s) }
    result.largestMagnitude = result.largestMagnitude.map { PowerOfTwoScaledOperator.scale($0, by: -s) }
    return result
  }

  /// The block size ``compute(of:end:count:steps:tolerance:blockSize:using:)`` uses by default:
  /// min(8, max(2, ⌈k/2⌉)) for a dense operator that stores a matrix streaming at least
  /// ``BLASThreads/largeStreamBytes`` (a product is then bound by the pass over H, which b
  /// columns share), 1 otherwise (an HVP costs the same per column, and single-vector Lanczos
  /// needs the fewest).
  public static func automaticBlockSize(of op: HessianOperator, count k: Int) -> Int {
    guard op.storesMatrix, let m = op.knownMatrix, m.elements.count >= BLASThreads.largeStreamBytes / MemoryLayout<Double>.size else { return 1 }
    return min(8, max(2, (k + 1) / 2))
  }

  /// The most a ``compute(of:end:count:steps:tolerance:blockSize:using:)`` call can cost, before
  /// it starts (nil entries: the product overflows `Int`):
  ///
  /// - HVPs: (k + 1) runs × M, M = m (single vector) or 2m (blocks of b > 1), m = min(d, steps
  ///   ?? max(2k + 20, 40)) capped at d;
  /// - flops beyond the HVPs: per run, 4·d·(k + M)·M for reorthogonalising twice against up to k
  ///   locked vectors and the basis, plus 12·M³ for the eigensolves of T (the check schedule's
  ///   geometric sum); the worst case, one new copy per run, is met by a k-fold eigenvalue;
  /// - bytes: the basis and locked vectors, (k + M)·d, and T, M², in doubles.
  public static func workEstimate(dimension d: Int, count k: Int, steps: Int?, blockSize b: Int) -> (
    hessianVectorProducts: Int?, flops: Int?, bytes: Int?
  ) {
    let want = min(max(k, 0), max(d, 0))
    let m = min(max(d, 0), max(steps ?? max(2 * want + 20, 40), 0))
    let basis = min(b > 1 ? 2 * m : m, max(d, 0))
    let runs = want + 1
    let hvps = MemoryBudget.product(runs, basis)
    let stored = WorkBudget.sum(want, basis)
    let perRun = WorkBudget.sum(
      stored.flatMap { MemoryBudget.product(4, d, $0, basis) }, MemoryBudget.product(12, basis, basis, basis))
    let flops = perRun.flatMap { MemoryBudget.product(runs, $0) }
    let bytes = WorkBudget.sum(stored.flatMap { MemoryBudget.product($0, d) }, MemoryBudget.product(basis, basis))
      .flatMap { MemoryBudget.product($0, MemoryLayout<Double>.size) }
    return (hvps, flops, bytes)
  }

  /// ``compute(of:end:count:steps:tolerance:blockSize:using:)`` on `op` as it is (no scaling).
  static func computeUnscaled(
    of op: HessianOperator, end: SpectrumEnd, count k: Int, steps: Int?, tolerance: Double,
    blockSize: Int = 1, using rng: inout SeededGenerator
  ) throws -> Result {
    let d = op.dimension
    let before = op.applicationCount
    let want = min(max(k, 0), d)
    let m = min(d, steps ?? max(2 * want + 20, 40))
    // Sort key: larger is better.
    func key(_ x: Double) -> Double { end == .top ? x : -x }
    var locked: [(value: Double, vector: [Double], residual: Double)] = []
    var lastUnconverged: [(value: Double, residual: Double, vector: [Double])] = []
    var runs = 0
    var scale = 0.0
    while runs < want + 1 && locked.count < d {
      runs += 1
      let kth = locked.map { key($0.value) }.sorted(by: >).dropFirst(want - 1).first
      let lockedCount = locked.count
      let lockedScale = locked.map { abs($0.value) }.max() ?? 0
      // Stop the run as soon as its outcome is decided (see `runIsDecided`),
      // instead of always taking m steps.
      let runScale = scale
      // Whether Ritz values and residuals of the current run decide its outcome.
      let decided: ([Double], [Double]) -> Bool = { values, residuals in
        let s = max(runScale, lockedScale, values.map(abs).max() ?? 0)
        return runIsDecided(
          values, residuals, key: key, want: want, lockedCount: lockedCount, kth: kth,
          tol: tolerance * max(s, Double.leastNormalMagnitude))
      }
      let stop: ([Double], [Double], Double) -> Bool = { alpha, beta, residualNorm in
        // Check every step up to 96, then every ⌈j/32⌉ steps: the checks cost
        // O(m³) in all and overshoot by at most 3%.
        let j = alpha.count
        if j > 96 && j % ((j + 31) / 32) != 0 { return false }
        guard let ritz = try? LanczosRun.ritzPairs(alpha: alpha, beta: beta, residualNorm: residualNorm) else {
          return false
        }
        return decided(ritz.values, ritz.residuals)
      }
      let ritz: (values: [Double], vectors: Matrix, residuals: [Double])
      let ritzVector: (Int) -> [Double]
      if blockSize > 1 {
        let start = (0..<blockSize).map { _ in rng.normals(d) }
        let run = try BlockLanczos.run(op, start: start, maxDimension: 2 * m, locked: locked.map(\.vector), stopWhen: decided)
        ritz = (run.values, run.vectors, run.residuals)
        ritzVector = { run.ritzVector(index: $0) }
      } else {
        let start = rng.normals(d)
        let run = try Lanczos.run(op, start: start, maxSteps: m, locked: locked.map(\.vector), stopWhen: stop)
        ritz = try run.ritzPairs()
        ritzVector = { run.ritzVector(ritz.vectors, index: $0) }
      }
      scale = max(scale, ritz.values.map(abs).max() ?? 0, lockedScale)
      let tol = tolerance * max(scale, Double.leastNormalMagnitude)
      var added = 0
      lastUnconverged = []
      let order = ritz.values.indices.sorted { key(ritz.values[$0]) > key(ritz.values[$1]) }
      for i in order.prefix(want) {
        let better = locked.count < want || kth.map { key(ritz.values[i]) > $0 + tol } ?? true
        guard better else { continue }
        if ritz.residuals[i] <= tol {
          var y = ritzVector(i)
          Orthogonalization.project(&y, against: locked.map(\.vector))
          let n = BLAS.norm(y)
          guard n > 0.5 else { continue }
          BLAS.scale(1 / n, &y)
          locked.append((ritz.values[i], y, ritz.residuals[i]))
          added += 1
        } else {
          var y = ritzVector(i)
          let n = BLAS.norm(y)
          if n > 0 { BLAS.scale(1 / n, &y) }
          lastUnconverged.append((ritz.values[i], ritz.residuals[i], y))
        }
      }
      if added == 0 { break }
      if runs == 1, blockSize > 1, locked.count >= want,
        largestCluster(of: locked.map(\.value), within: 2 * tol) < blockSize
      {
        // A block of b generic vectors has a component spanning every eigenspace of dimension
        // ≤ b, so each of its copies converges with the others (Golub & Underwood 1977): a value
        // seen c < b times has no further copy, and the restart that looks for one is not needed.
        break
      }
    }
    let tol = tolerance * max(scale, Double.leastNormalMagnitude)
    var entries = locked.map { (value: $0.value, residual: $0.residual, vector: $0.vector) } + lastUnconverged
    entries.sort { key($0.value) > key($1.value) }
    entries = Array(entries.prefix(want))
    var warnings: [Warning] = []
    let bad = entries.filter { $0.residual > tol }.count
    if bad > 0 {
      warnings.append(
        Warning(.eigenvaluesNotConverged, "\(bad) of \(entries.count) eigenvalues have residual > \(fmt(tol)): not converged; increase --steps"))
    }
    if entries.count < want {
      warnings.append(Warning(.eigenvaluesMissing, "only \(entries.count) of \(want) eigenvalues were found"))
    }
    return Result(
      end: end, values: entries.map(\.value), residuals: entries.map(\.residual),
      converged: entries.map { $0.residual <= tol }, hessianVectorProducts: op.applicationCount - before,
      runs: runs, warnings: warnings, largestMagnitude: scale, vectors: entries.map(\.vector))
  }

  /// The most values of `values` within `width` of one another (a run of the sorted values whose
  /// ends differ by at most `width`); 0 for none.
  static func largestCluster(of values: [Double], within width: Double) -> Int {
    let sorted = values.sorted()
    var best = 0, start = 0
    for end in sorted.indices {
      while sorted[end] - sorted[start] > width { start += 1 }
      best = max(best, end - start + 1)
    }
    return best
  }

  /// Whether more steps of the current run cannot change what it contributes:
  /// every Ritz value among the `want` best that would be locked (better than
  /// the k-th locked value, or any while fewer than `want` are locked) has
  /// converged, and so has the best one that would not (Ritz values at an end
  /// only move outward as the run grows, so an unconverged one might still
  /// overtake the k-th locked value). With nothing better found this is
  /// "the best Ritz value has converged and is no better": the restart that
  /// looks for further copies of a multiple eigenvalue ends there.
  static func runIsDecided(
    _ values: [Double], _ residuals: [Double], key: (Double) -> Double, want: Int, lockedCount: Int,
    kth: Double?, tol: Double
  ) -> Bool {
    if values.isEmpty || lockedCount + values.count < want { return false }
    let order = values.indices.sorted { key(values[$0]) > key(values[$1]) }
    for i in order.prefix(max(want, 1)) {
      let better = lockedCount < want || kth.map { key(values[i]) > $0 + tol } ?? true
      if residuals[i] > tol { return false }
      if !better { return true }
    }
    return true
  }
}
