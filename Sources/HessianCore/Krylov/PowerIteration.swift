import Foundation

/// Power iteration with deflation, as PyHessian computes top eigenvalues.
///
/// ```
/// for each eigenpair j = 1, 2, …:
///   v ~ N(0, I), v ⊥ v₁…v_{j−1}, ‖v‖ = 1
///   repeat:  w = H v;  w ⊥ v₁…v_{j−1};  λ = vᵀw;  v = w/‖w‖
///   until |λ − λ_prev| / (|λ_prev| + 10⁻⁶) < tol        (PyHessian's stopping rule)
/// ```
///
/// Kept for teaching and comparison (Yao, Gholami, Keutzer, Mahoney, "PyHessian:
/// Neural networks through the lens of the Hessian", IEEE BigData 2020,
/// `hessian.eigenvalues`, tol 10⁻³, 100 iterations). The relative-change rule
/// stops on slow progress, not on accuracy: each result therefore also carries
/// the residual ‖Hv − λv‖ and a residual-based convergence flag. Convergence
/// is linear with ratio |λ_{j+1}/λ_j|, hopeless inside clusters.
///
/// - Complexity: one HVP per iteration per eigenpair.
public enum PowerIteration {
  /// One eigenpair found by deflated power iteration.
  public struct Eigenpair: Sendable {
    /// The eigenvalue estimate λ = vᵀHv (Rayleigh quotient of the last iterate).
    public var value: Double
    /// The unit eigenvector estimate v (length d).
    public var vector: [Double]
    /// ‖H v − λ v‖.
    public var residual: Double
    /// Iterations (= HVPs) spent on this pair.
    public var iterations: Int
    /// Whether PyHessian's relative-change rule fired before the iteration cap.
    public var stoppedByRelativeChange: Bool
  }

  /// The `count` eigenpairs of largest |λ| by deflated power iteration.
  /// Stops early when an eigenvalue magnitude falls to `stopBelow` or less.
  public static func eigenpairs(
    of op: HessianOperator, count: Int, maxIterations: Int = 100, tolerance: Double = 1e-3,
    stopBelow: Double? = nil, continuing start: [Eigenpair] = [], using rng: inout SeededGenerator
  ) throws -> [Eigenpair] {
    let d = op.dimension
    var found = start
    if let s = stopBelow, let last = found.last, abs(last.value) <= s { return found }
    var w = [Double](repeating: 0, count: d)
    var vectors = found.map(\.vector)  // the deflation basis, grown with `found`
    while found.count < min(count, d) {
      var v = rng.normals(d)
      deflate(&v, vectors)
      normalize(&v)
      var lambda = 0.0
      var iterations = 0
      var stopped = false
      for it in 0..<maxIterations {
        try op.apply(v, into: &w)
        iterations += 1
        deflate(&w, vectors)
        let next = BLAS.dot(v, w)
        let n = BLAS.norm(w)
        let previous = lambda
        lambda = next
        if n == 0 { stopped = true; break }
        v = w
        BLAS.scale(1 / n, &v)
        if it > 0 && abs(lambda - previous) / (abs(previous) + 1e-6) < tolerance {
          stopped = true
          break
        }
      }
      // The value is the deflated Rayleigh quotient; the residual ‖Hv − λv‖ is
      // the true one. Both cost one more HVP (counted).
      try op.apply(v, into: &w)
      var deflated = w
      deflate(&deflated, vectors)
      lambda = BLAS.dot(v, deflated)
      BLAS.axpy(-lambda, v, &w)
      let pair = Eigenpair(
        value: lambda, vector: v, residual: BLAS.norm(w), iterations: iterations + 1,
        stoppedByRelativeChange: stopped)
      found.append(pair)
      vectors.append(v)
      if let s = stopBelow, abs(lambda) <= s { break }
    }
    return found
  }

  /// The rank by deflated power iteration: eigenpairs are found one by one until
  /// one falls below the threshold (computed from the first eigenvalue).
  ///
  /// Deflating by vectors that are only accurate to e leaves a spurious
  /// eigenvalue of size ≈ λ_max·e² ≈ λ_max·tol behind, so the effective
  /// threshold is raised to max(τ, 100·tol·λ_max) — the honest resolution limit
  /// of this method, shown as the result's threshold and policy. A warning
  /// (``WarningCode/belowPowerResolution``) is added only when the evidence says
  /// the raise changed the answer: the first pair left uncounted, (λ', v'), has
  /// a residual interval [|λ'| − ρ', |λ'| + ρ'] (ρ' = ‖Hv' − λ'v'‖ with the
  /// undeflated H, so H has an eigenvalue there) above the requested τ and
  /// below every counted pair's interval: an eigenvalue above τ that was not
  /// counted. A counted pair is converged when its
  /// residual ρ ≤ √tol·|λ| (then its Rayleigh quotient is accurate to
  /// ρ²/(gap·|λ|) ≤ tol relative for a gap of order |λ|) and |λ| − ρ > τ;
  /// otherwise ``WarningCode/eigenpairsNotConverged`` and `converged` is false.
  ///
  /// - Complexity: about (r + 1) × iterations HVPs.
  public static func rank(
    of op: HessianOperator, policy: ThresholdPolicy = .precisionRelative, maxEigenpairs: Int? = nil,
    maxIterations: Int = 100, tolerance: Double = 1e-8, using rng: inout SeededGenerator
  ) throws -> RankResult {
    let d = op.dimension
    let before = op.applicationCount
    let limit = min(maxEigenpairs ?? d, d)
    var pairs = try eigenpairs(
      of: op, count: min(1, limit), maxIterations: maxIterations, tolerance: tolerance, using: &rng)
    let top = pairs.first.map { abs($0.value) } ?? 0
    let provisional = NumericalRank.decide(
      eigenvalues: [top], dimension: d, scale: top, accuracy: op.accuracy,
      policy: policy == .largestGap ? .precisionRelative : policy)
    let floor = 100 * tolerance * top
    let stop = max(provisional.threshold, floor)
    if limit > 1 {
      pairs = try eigenpairs(
        of: op, count: limit, maxIterations: maxIterations, tolerance: tolerance, stopBelow: stop,
        continuing: pairs, using: &rng)
    }
    let values = pairs.map(\.value)
    var decision = NumericalRank.decide(
      eigenvalues: values, dimension: d, scale: top, accuracy: op.accuracy, policy: policy)
    var warnings: [Warning] = []
    var usedPolicy = policy
    var raisedFrom: Double? = nil
    if decision.threshold < floor {
      let requested = decision.threshold
      raisedFrom = requested
      usedPolicy = .absolute(floor)
      decision = NumericalRank.decide(
        eigenvalues: values, dimension: d, scale: top, accuracy: op.accuracy, policy: usedPolicy)
      // Evidence that an eigenvalue lies between the requested τ and the floor:
      // the first uncounted pair's residual interval [|λ| − ρ, |λ| + ρ] (ρ the true
      // residual ‖Hv − λv‖: H has an eigenvalue there) lies above τ and apart
      // from every counted pair's interval, so that eigenvalue is a new one. A
      // deflation residue fails this: its true residual is of the order of the
      // eigenvalue it is left over from.
      let counted = pairs.filter { abs($0.value) > floor }
      if let next = pairs.first(where: { abs($0.value) <= floor }),
        abs(next.value) - next.residual > requested,
        counted.allSatisfy({ abs($0.value) - $0.residual > abs(next.value) + next.residual })
      {
        warnings.append(Warning(
          .belowPowerResolution,
          "eigenvalue \(fmt(next.value)) (residual \(fmt(next.residual))) lies above the requested τ = \(fmt(requested)) "
            + "but below power iteration's resolution 100·tol·λ_max = \(fmt(floor)), where the count stops: "
            + "the rank at the requested τ is larger than \(decision.rank); use --method block or dense"))
      }
    }
    // A counted pair is converged when ρ ≤ √tol·|λ| (its Rayleigh quotient is
    // then accurate to ρ²/(gap·|λ|) ≤ tol relative for a gap of order |λ|) and
    // its residual interval [|λ| − ρ, |λ| + ρ] stays above τ.
    let relativeResidual = tolerance.squareRoot()
    let unconverged = pairs.filter {
      abs($0.value) > decision.threshold
        && ($0.residual > relativeResidual * abs($0.value) || abs($0.value) - $0.residual <= decision.threshold)
    }
    if !unconverged.isEmpty {
      let worst = unconverged.map { $0.residual / abs($0.value) }.max() ?? 0
      warnings.append(Warning(
        .eigenpairsNotConverged,
        "\(unconverged.count) of the \(pairs.count) power-iteration eigenpairs have residual ‖Hv − λv‖ above √tol·|λ| = \(fmt(relativeResidual))·|λ| "
          + "(up to \(fmt(worst))·|λ|; PyHessian's relative-change rule stopped them on slow progress, as in a cluster): "
          + "those eigenvalues are inaccurate"))
    }
    if pairs.count == limit && limit < d, let last = values.last, abs(last) > decision.threshold {
      warnings.append(Warning(
        .eigenpairLimitReached,
        "stopped after \(limit) eigenpairs with the last still above τ: the rank is at least \(decision.rank)"))
    }
    var result = RankResult(
      rank: decision.rank, method: .power, dimension: d, hessianVectorProducts: op.applicationCount - before,
      decision: decision, policy: usedPolicy, eigenvalues: values, converged: unconverged.isEmpty,
      warnings: warnings, seed: rng.seed)
    if let requested = raisedFrom {
      result.thresholdPolicy =
        "power iteration's resolution 100·tol·λ_max = \(fmt(floor)) (requested \(policy.oneLineSummary), τ = \(fmt(requested)))"
    }
    return result
  }

  /// x ← (I − VVᵀ)x over the found eigenvectors V, one sweep (PyHessian's deflation).
  static func deflate(_ x: inout [Double], _ vectors: [[Double]]) {
    Orthogonalization.project(&x, against: vectors, passes: 1)
  }

  static func normalize(_ x: inout [Double]) {
    let n = BLAS.norm(x)
    if n > 0 { BLAS.scale(1 / n, &x) }
  }
}
