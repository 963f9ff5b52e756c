import Foundation

/// Multiplicity-safe rank by an adaptive randomized range finder followed by
/// Rayleigh–Ritz.
///
/// ```
/// y_i = H ω_i, ω_i ~ N(0, I)                       (one HVP each)
/// accept q_j = normalize((I − QQᵀ) y_j) while  max_{last r'} ‖(I − QQᵀ) y_i‖ > ε_stop
/// M = Qᵀ (H Q)  (p HVPs),  θ = eig(M),  rank = #{ |θ_i| > τ }
/// ```
///
/// The block of Gaussian probes grows one column at a time until the
/// numerical rank of HΩ saturates below its size: the last r' = 10 columns add
/// nothing above ε_stop. By Halko, Martinsson & Tropp, "Finding structure with
/// randomness", SIAM Review 53(2):217–288 (2011), Lemma 4.1 / eq. (4.3) and
/// Algorithm 4.2, ‖(I − QQᵀ)H‖ ≤ 10·√(2/π)·max ‖(I − QQᵀ)Hω_i‖ except with
/// probability 10^(−r'); so ε_stop = τ/(10√(2/π)) captures every eigenvalue
/// above τ. Since range(HΩ) = range(H) almost surely once Ω has more columns
/// than H has rank, a multiple eigenvalue is seen with its full multiplicity
/// (unlike single-vector Lanczos). Rayleigh–Ritz on range(Q) is HMT
/// Algorithm 5.3 (direct eigenvalue decomposition).
///
/// The stopping tolerance needs τ before the eigenvalues are known; it uses the
/// Frobenius scale ‖H‖_F ≈ RMS ‖Hω_i‖ ≥ λ_max in place of λ_max, so an
/// eigenvalue within a factor √r of a relative threshold can be missed (it
/// would fail the 10× gap test anyway). The final τ is computed from the Ritz
/// values by ``NumericalRank/decide(eigenvalues:dimension:scale:precision:policy:expectPositiveSemidefinite:)``.
///
/// A source that prefers blocks (``SymmetricOperator/preferredBlockSize`` > 1, an external
/// process) gets the same test vectors in calls of up to that many, made ahead: up to
/// preferredBlockSize − 1 more HVPs, far fewer round trips.
///
/// - Complexity: p + r' HVPs for the range (p = final block size, the number of
///   accepted directions; p = r for an exactly rank-r H) and p for Rayleigh–Ritz:
///   2p + 10 ≤ r + 2p + 10 HVPs in all; O(d p²) flops, O(d p) memory.
public enum BlockKrylovRank {
  /// What the range finder found.
  public struct RangeFinding: Sendable {
    /// Orthonormal basis of the captured range (d-vectors).
    public var basis: [[Double]]
    /// ‖(I − QQᵀ)Hω‖ of the r' final test vectors.
    public var finalTestResiduals: [Double]
    /// The stopping tolerance ε_stop used.
    public var stoppingTolerance: Double
    /// HVPs made.
    public var hessianVectorProducts: Int
  }

  /// HMT's factor 10·√(2/π) between the test-vector residuals and ‖(I − QQᵀ)H‖.
  public static let hmtFactor = 10 * (2 / Double.pi).squareRoot()

  /// The adaptive range finder (HMT 2011, Algorithm 4.2), with
  /// reorthogonalisation against Q done twice (classical Gram–Schmidt as gemv calls on Q
  /// packed row after row: "twice is enough").
  ///
  /// - Parameters:
  ///   - op: the Hessian; every product is counted by it.
  ///   - testVectors: r', the consecutive test vectors that must all be captured
  ///     before stopping (failure probability 10^(−r')).
  ///   - tolerance: maps the Frobenius scale estimate ‖H‖_F to the
  ///     target τ; ε_stop = τ/(10√(2/π)).
  ///   - rng: the source of the Gaussian test vectors ω_i.
  public static func findRange(
    of op: HessianOperator, testVectors: Int = 10, tolerance: (Double) -> Double,
    using rng: inout SeededGenerator
  ) throws -> RangeFinding {
    let d = op.dimension
    let before = op.applicationCount
    let r = max(1, testVectors)
    var q: [[Double]] = []
    // Q again, packed row after row, so that a projection is two gemv calls per pass
    // (classical Gram–Schmidt, twice) instead of 2·|Q| level-1 calls.
    var stack: [Double] = []
    var coefficients: [Double] = []
    func projectOutOfQ(_ y: inout [Double]) {
      guard !q.isEmpty else { return }
      for _ in 0..<2 { Orthogonalization.projectOut(&y, rows: q.count, of: stack, coefficients: &coefficients) }
    }
    var window: [[Double]] = []
    var sumSquares = 0.0
    var draws = 0
    var omega = [Double](repeating: 0, count: d)
    func record(_ y: inout [Double]) {
      sumSquares += BLAS.dot(y, y)
      draws += 1
      projectOutOfQ(&y)
    }
    // Products made ahead for a source that prefers blocks (an external process): the same
    // ω_i in the same order, b of them per call: the first window (r'), then doubling, at most
    // the preferred size and at most d.
    var ahead: [[Double]] = []
    let preferred = max(1, op.preferredBlockSize)
    func draw() throws -> [Double] {
      if preferred == 1 {
        rng.fillNormal(&omega)
        var y = try op(omega)
        record(&y)
        return y
      }
      if ahead.isEmpty {
        let b = min(preferred, d, max(min(r, d), draws))
        let block = (0..<b).map { _ in
          rng.fillNormal(&omega)
          return omega
        }
        ahead = try op.apply(Matrix(rows: d, columnVectors: block)).columnVectors
      }
      var y = ahead.removeFirst()
      record(&y)
      return y
    }
    for _ in 0..<min(r, d) { window.append(try draw()) }
    var epsStop = 0.0
    // Each pass accepts a vector or discards one that projected to exactly 0; a bound on
    // the passes (4d + 16) ends the loop even if discards repeat (e.g. a spectrum at the
    // edge of the floating-point range), with the residuals of the last window reported.
    var passes = 0
    let maximumPasses = d.saturatingMultiplied(by: 4).saturatingAdding(16)
    while q.count < d, passes < maximumPasses {
      passes += 1
      let frobenius = (sumSquares / Double(draws)).squareRoot()
      epsStop = tolerance(frobenius) / hmtFactor
      if window.allSatisfy({ BLAS.norm($0) <= epsStop }) { break }
      var y = window.removeFirst()
      projectOutOfQ(&y)
      let n = BLAS.norm(y)
      if n > 0 {
        BLAS.scale(1 / n, &y)
        q.append(y)
        stack.append(contentsOf: y)
        coefficients.append(0)
        for i in window.indices { Orthogonalization.project(&window[i], against: [y]) }
      }
      if q.count < d { window.append(try draw()) }
    }
    return RangeFinding(
      basis: q, finalTestResiduals: window.map(BLAS.norm), stoppingTolerance: epsStop,
      hessianVectorProducts: op.applicationCount - before)
  }

  /// Rayleigh–Ritz on span(Q): eigenvalues of M = Qᵀ H Q and the Frobenius norm
  /// of the residual H Q − Q·sym(M), both by gemm. Cost: p HVPs and 4·d·p² flops.
  public static func rayleighRitz(
    of op: HessianOperator, basis q: [[Double]]
  ) throws -> (values: [Double], residual: Double) {
    let p = q.count
    if p == 0 { return ([], 0) }
    let qMatrix = Matrix(rows: op.dimension, columnVectors: q)
    var hq = try op.apply(qMatrix)
    // M = Qᵀ(HQ) and the residual HQ − Q·sym(M), as two gemm calls.
    let m = BLAS.multiply(qMatrix, .transpose, hq)
    var symmetric = m
    for i in 0..<p { for j in 0..<p { symmetric[i, j] = 0.5 * (m[i, j] + m[j, i]) } }
    BLAS.gemm(qMatrix, .none, symmetric, .none, alpha: -1, beta: 1, into: &hq)
    let residual = BLAS.dot(hq.elements, hq.elements)
    return (try SymmetricEigen.values(of: m), residual.squareRoot())
  }

  /// The rank of `op` by the adaptive range finder and Rayleigh–Ritz.
  ///
  /// - Parameters:
  ///   - op: the Hessian; every product is counted by it.
  ///   - policy: how τ is chosen from the Ritz values.
  ///   - testVectors: r', the number of consecutive test vectors that
  ///     must be captured (failure probability 10^(−r')).
  ///   - rng: the source of the Gaussian test vectors; its seed is recorded in the result.
  public static func rank(
    of op: HessianOperator, policy: ThresholdPolicy = .precisionRelative, testVectors: Int = 10,
    using rng: inout SeededGenerator
  ) throws -> RankResult {
    let d = op.dimension
    let before = op.applicationCount
    // δ is read when used: an error model's accuracy may grow with the products made.
    let range = try findRange(of: op, testVectors: testVectors, tolerance: { scale in
      let floor = scale * Double(d) * op.accuracy
      switch policy {
      case .precisionRelative, .largestGap: return floor
      case let .relative(f): return max(floor, f * scale)
      case let .absolute(t): return max(floor, t)
      }
    }, using: &rng)
    let rr = try rayleighRitz(of: op, basis: range.basis)
    let decision = NumericalRank.decide(
      eigenvalues: rr.values, dimension: d, accuracy: op.accuracy, policy: policy)
    let scale = rr.values.map(abs).max() ?? 0
    let residualTolerance = max(decision.threshold, 10 * scale * Double(d) * op.accuracy)
    var warnings: [Warning] = []
    let converged = rr.residual <= residualTolerance
    if !converged {
      warnings.append(Warning(
        .rangeNotInvariant,
        "the captured range is not invariant: ‖HQ − QM‖_F = \(fmt(rr.residual)) > \(fmt(residualTolerance)); eigenvalues above τ may be missing"))
    }
    // No warning when the block grows to d: Q then spans ℝ^d, Rayleigh–Ritz is
    // the dense eigendecomposition and the rank is the dense rank (only the cost,
    // 2d + r' HVPs, is shown). A warning there fired on every full-rank matrix
    // and never on a wrong answer (`RankWarningRateTests`).
    // Outside span(Q) every eigenvalue is below HMT's bound on ‖(I − QQᵀ)H‖
    // (zero when Q spans the whole space).
    let outside = range.basis.count == d ? 0 : hmtFactor * (range.finalTestResiduals.max() ?? 0)
    return RankResult(
      rank: decision.rank, method: .block, dimension: d, hessianVectorProducts: op.applicationCount - before,
      decision: decision, policy: policy, eigenvalues: rr.values, converged: converged, warnings: warnings,
      seed: rng.seed, uncountedBound: outside)
  }
}
