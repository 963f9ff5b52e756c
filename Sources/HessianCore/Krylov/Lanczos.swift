import Foundation

/// How the Lanczos vectors are kept orthogonal.
public enum Reorthogonalization: String, Sendable, Codable, CaseIterable {
  /// Classical Gram–Schmidt against every previous vector, twice ("twice is
  /// enough"): orthogonality to O(ε). Costs O(dk) flops per step, O(dk) memory.
  case full
  /// The plain three-term recurrence only. Kept for teaching: once a Ritz pair
  /// converges, rounding brings its eigenvector back and duplicate copies
  /// ("ghosts") of converged eigenvalues appear (Paige 1971; Templates node108).
  case none
}

/// The result of k Lanczos steps: T_k = tridiag(β, α, β) = Q_kᵀ H Q_k.
public struct LanczosRun: Sendable {
  /// Diagonal α₁…α_k of T_k.
  public var alpha: [Double] = []
  /// Off-diagonal β₁…β_{k−1} of T_k (never padded: T_k is k×k with k = steps).
  public var beta: [Double] = []
  /// β_k = ‖r_k‖, the norm of the residual left after the last step
  /// (≈ 0 at breakdown).
  public var residualNorm = 0.0
  /// Whether the Krylov space was exhausted: β_k ≤ tolerance·‖T‖.
  public var brokeDown = false
  /// The Lanczos vectors q₁…q_k, row after row (row j is q_{j+1}), in one
  /// contiguous buffer so that products with Q_k are single BLAS-2 calls.
  var basisElements: [Double] = []
  /// d, the length of each Lanczos vector (0 before the first step).
  var basisLength = 0
  /// HVPs made by this run (= steps).
  public var hessianVectorProducts = 0

  /// The Lanczos vectors q₁…q_k (built on access from the contiguous storage;
  /// read it once).
  public var basis: [[Double]] {
    get {
      let d = basisLength
      guard d > 0 else { return [] }
      return (0..<(basisElements.count / d)).map { Array(basisElements[($0 * d)..<(($0 + 1) * d)]) }
    }
    set {
      basisLength = newValue.first?.count ?? 0
      precondition(newValue.allSatisfy { $0.count == basisLength }, "Lanczos vectors differ in length")
      basisElements = newValue.flatMap { $0 }
    }
  }

  /// k, the number of steps taken (the order of T_k).
  public var steps: Int { alpha.count }

  /// T_k as a dense k×k matrix.
  public var tridiagonal: Matrix { Self.tridiagonal(alpha: alpha, beta: beta) }

  static func tridiagonal(alpha: [Double], beta: [Double]) -> Matrix {
    let k = alpha.count
    var t = Matrix(rows: k, columns: k)
    for i in 0..<k { t[i, i] = alpha[i] }
    for i in 0..<min(beta.count, max(k - 1, 0)) {
      t[i, i + 1] = beta[i]
      t[i + 1, i] = beta[i]
    }
    return t
  }

  /// Ritz values θ_i (ascending), the eigenvectors s_i of T_k, and the
  /// residual norms ‖H y_i − θ_i y_i‖ = β_k·|e_kᵀ s_i| of the Ritz vectors
  /// y_i = Q_k s_i (exact in exact arithmetic; Parlett, *The Symmetric
  /// Eigenvalue Problem*, §13.1).
  public func ritzPairs() throws -> (values: [Double], vectors: Matrix, residuals: [Double]) {
    try Self.ritzPairs(alpha: alpha, beta: beta, residualNorm: residualNorm)
  }

  /// Ritz pairs of T_k given by its coefficients (also used on partial runs,
  /// to decide when to stop).
  static func ritzPairs(
    alpha: [Double], beta: [Double], residualNorm: Double
  ) throws -> (values: [Double], vectors: Matrix, residuals: [Double]) {
    let k = alpha.count
    if k == 0 { return ([], Matrix(rows: 0, columns: 0), []) }
    let e = try SymmetricEigen.decomposition(of: tridiagonal(alpha: alpha, beta: beta))
    let residuals = (0..<k).map { abs(residualNorm * e.vectors[k - 1, $0]) }
    return (e.values, e.vectors, residuals)
  }

  /// The Ritz vector y = Q_k s for column `index` of `vectors`
  /// (one `gemv` with Q_kᵀ).
  public func ritzVector(_ vectors: Matrix, index: Int) -> [Double] {
    Self.combination(of: basisElements, length: basisLength, rows: steps, column: index, of: vectors)
  }

  /// Qᵀs for the first `rows` rows of a row-major basis `q` (rows of `length` entries) and s =
  /// column `column` of `vectors`: the Ritz vector of a Krylov basis (one `gemv`). Also used by
  /// ``BlockLanczosRun``.
  static func combination(of q: [Double], length d: Int, rows k: Int, column: Int, of vectors: Matrix) -> [Double] {
    var y = [Double](repeating: 0, count: d)
    guard d > 0, k > 0 else { return y }
    let s = (0..<k).map { vectors[$0, column] }
    q.withUnsafeBufferPointer { qp in
      y.withUnsafeMutableBufferPointer { yp in
        BLAS.gemv(rows: k, columns: d, qp.baseAddress!, lda: d, .transpose, s, into: yp.baseAddress!)
      }
    }
    return y
  }
}

/// Single-vector Lanczos tridiagonalisation of a symmetric operator.
///
/// ```
/// q₁ = v/‖v‖;  for j = 1…k:  w = H q_j − β_{j−1} q_{j−1};  α_j = q_jᵀw;  w −= α_j q_j
///   (full reorthogonalisation: w −= Q_j(Q_jᵀw), twice)
///   β_j = ‖w‖;  stop if β_j ≤ tol·max(|α|, β)   (breakdown: K_j(H, v) is invariant)
///   q_{j+1} = w/β_j
/// ```
///
/// In exact arithmetic the Krylov space K_k(H, v) has dimension equal to the
/// number of *distinct* eigenvalues whose eigenvectors v touches, so the run
/// breaks down there and every distinct eigenvalue appears exactly once among
/// the Ritz values: **single-vector Lanczos cannot see multiplicities**
/// (Templates, Bai et al. (eds.) SIAM 2000, §4.4). T_k is never padded with
/// zeros after a breakdown (padding invents zero eigenvalues: TensorNetwork
/// PR #831).
///
/// Full reorthogonalisation is classical Gram–Schmidt applied twice against
/// the locked vectors and the basis together, kept as one contiguous row-major
/// matrix [L; Q_j]: each pass is two `gemv` calls (c = [L; Q_j]w, then
/// w −= [L; Q_j]ᵀc), not 2j separate dot/axpy calls.
///
/// References: C. Lanczos, J. Res. Nat. Bur. Standards 45:255–282 (1950);
/// C. C. Paige, PhD thesis, London (1971) on loss of orthogonality;
/// Templates node108 "Reorthogonalization"; Daniel, Gragg, Kaufman & Stewart,
/// Math. Comp. 30:772–795 (1976) on CGS2.
///
/// - Complexity: k HVPs for k steps; full reorthogonalisation adds O(d(k + l)k)
///   flops (l locked vectors) and keeps k vectors (O(dk) memory).
public enum Lanczos {
  /// Relative breakdown tolerance: β_j ≤ 10⁻¹²·‖T‖ means K_j is invariant to
  /// working precision (theory §3.2 use the same value).
  public static let defaultBreakdownTolerance = 1e-12

  /// Runs at most `maxSteps` Lanczos steps from `start`.
  ///
  /// - Parameters:
  ///   - op: the Hessian; every product is counted by it.
  ///   - start: the start vector v (any nonzero length-d vector; normalised here).
  ///   - maxSteps: the most steps to take (the run stops earlier at a breakdown).
  ///   - reorthogonalization: ``Reorthogonalization/full`` (default) or
  ///     ``Reorthogonalization/none`` (teaching: shows ghost eigenvalues).
  ///   - breakdownTolerance: stop when β_j ≤ breakdownTolerance·‖T‖.
  ///   - locked: orthonormal vectors to deflate (the run works in their
  ///     orthogonal complement; used by restarts in ``ExtremeEigenvalues``).
  /// - Returns: the run; `hessianVectorProducts` = steps.
  public static func run(
    _ op: HessianOperator, start: [Double], maxSteps: Int,
    reorthogonalization: Reorthogonalization = .full,
    breakdownTolerance: Double = defaultBreakdownTolerance, locked: [[Double]] = []
  ) throws -> LanczosRun {
    try run(
      op, start: start, maxSteps: maxSteps, reorthogonalization: reorthogonalization,
      breakdownTolerance: breakdownTolerance, locked: locked, stopWhen: nil)
  }

  /// As ``run(_:start:maxSteps:reorthogonalization:breakdownTolerance:locked:)``,
  /// and after each step that would continue, asks `stopWhen(α, β, β_j)` (T_j's
  /// coefficients and the current residual norm) whether to stop there, as if
  /// `maxSteps` were j.
  static func run(
    _ op: HessianOperator, start: [Double], maxSteps: Int,
    reorthogonalization: Reorthogonalization = .full,
    breakdownTolerance: Double = defaultBreakdownTolerance, locked: [[Double]] = [],
    stopWhen: (([Double], [Double], Double) -> Bool)?
  ) throws -> LanczosRun {
    let d = op.dimension
    var result = LanczosRun()
    var q = start
    Orthogonalization.project(&q, against: locked)
    let n0 = BLAS.norm(q)
    guard n0 > 0, maxSteps > 0 else {
      result.brokeDown = true
      return result
    }
    BLAS.scale(1 / n0, &q)
    let full = reorthogonalization == .full
    // [L; Q_j], row-major; grows one row per step (amortised doubling).
    let l = full ? locked.count : 0
    var stack: [Double] = []
    stack.reserveCapacity((l + min(maxSteps, d, 64)) * d)
    if full { for u in locked { stack.append(contentsOf: u) } }
    var coefficients = [Double](repeating: 0, count: l + min(maxSteps, d) + 1)
    var w = [Double](repeating: 0, count: d)
    var previous = [Double](repeating: 0, count: d)
    var previousBeta = 0.0
    var scale = 0.0
    for j in 0..<maxSteps {
      stack.append(contentsOf: q)
      try op.apply(q, into: &w)
      result.hessianVectorProducts += 1
      let rows = stack.count / d  // l + j + 1
      if j > 0 { BLAS.axpy(-previousBeta, previous, &w) }
      var a = BLAS.dot(q, w)
      BLAS.axpy(-a, q, &w)
      if full {
        if coefficients.count < rows { coefficients += [Double](repeating: 0, count: rows - coefficients.count) }
        for _ in 0..<2 {
          Orthogonalization.projectOut(&w, rows: rows, of: stack, coefficients: &coefficients)
          a += coefficients[rows - 1]
        }
      }
      result.alpha.append(a)
      let b = BLAS.norm(w)
      scale = max(scale, abs(a), b)
      result.residualNorm = b
      if b <= breakdownTolerance * scale || j + 1 == d {
        result.brokeDown = true
        break
      }
      if j + 1 == maxSteps { break }
      if let stop = stopWhen, stop(result.alpha, result.beta, b) { break }
      result.beta.append(b)
      previousBeta = b
      swap(&previous, &q)  // no allocation: the buffers trade places
      let inv = 1 / b
      for i in 0..<d { q[i] = w[i] * inv }
    }
    if l > 0 { stack.removeFirst(l * d) }
    result.basisElements = stack
    result.basisLength = d
    return result
  }
}

/// Rank by single-vector Lanczos with full reorthogonalisation, stopped at the
/// Krylov dimension. The count of Ritz values above τ is the number of
/// *distinct* eigenvalues above τ that the run resolves.
///
/// When the run breaks down after k < d steps, the missing d − k directions
/// span the orthogonal complement of the Krylov space, which is invariant
/// under H. Usually that complement is the rest of the null space and the
/// count is the rank; it holds eigenvalues above τ only when the count is
/// short. One short Lanczos run from a Gaussian vector in the complement
/// (deflated against the k Lanczos vectors, at most
/// ``complementSteps`` steps, one step when the complement is numerically
/// null) decides which case it is, and the cause:
///
/// ```
/// δ = 10⁻¹²·‖T‖ (breakdown tolerance: eigenvalues closer than δ become one Ritz value)
/// complement Ritz pairs (θ', ρ') with |θ'| − ρ' > τ      → the count is short
///   |θ'| − ρ' ≥ 10⁶·δ   → multiplicityInvisible: merged with a partner within δ,
///                          i.e. equal to 10⁻⁶ relative — a repeated eigenvalue
///   otherwise           → smallEigenvaluesUnresolved: near zero, eigenvalues many
///                          times apart lie within δ of each other and merge
/// counted Ritz values with |θ| − ρ ≤ τ at breakdown   → smallEigenvaluesUnresolved
/// ```
///
/// A Gaussian start vector touches every eigenvector, so the first run misses
/// an eigenvalue only by merging it with another within δ; and a random vector
/// in the complement finds an eigenvalue well above τ there with probability 1
/// (one within a few ε·‖H‖ of τ may be missed). Without a short count, no
/// warning: the multiplicity warning is evidence, not a reminder that Lanczos
/// is blind to multiplicities (it is, and the method description says so).
/// `converged` is false when a small eigenvalue is unresolved (after a
/// breakdown) or a counted Ritz residual exceeds max(τ, λ_max·d·ε) (otherwise).
///
/// - Complexity: k ≤ min(maxSteps, d) HVPs, k = number of distinct eigenvalues
///   touched by the start vector (+1 in floating point at most), plus, after an
///   early breakdown, at most ``complementSteps`` for the complement check (1
///   when the complement is numerically null).
public enum LanczosRank {
  /// The most steps of the deflated complement check (20).
  public static let complementSteps = 20
  /// Relative agreement below which a complement Ritz value and a counted one are
  /// the same eigenvalue, repeated (10⁻⁶; also the verifier's grouping).
  public static let multiplicityRelativeTolerance = 1e-6

  /// The rank by Lanczos from a Gaussian start vector drawn from `rng`.
  ///
  /// - Parameters:
  ///   - op: the Hessian; every product is counted by it.
  ///   - policy: how τ is chosen from the Ritz values.
  ///   - maxSteps: default d (run to the Krylov dimension).
  ///   - reorthogonalization: ``Reorthogonalization/full`` (default) or ``Reorthogonalization/none``.
  ///   - rng: the source of the Gaussian start vector (and of the complement
  ///     check's vector); its seed is recorded in the result.
  public static func rank(
    of op: HessianOperator, policy: ThresholdPolicy = .precisionRelative, maxSteps: Int? = nil,
    reorthogonalization: Reorthogonalization = .full, using rng: inout SeededGenerator
  ) throws -> RankResult {
    let d = op.dimension
    let before = op.applicationCount
    let start = rng.normals(d)
    let steps = min(maxSteps ?? d, d)
    let run = try Lanczos.run(op, start: start, maxSteps: steps, reorthogonalization: reorthogonalization)
    let ritz = try run.ritzPairs()
    let decision = NumericalRank.decide(
      eigenvalues: ritz.values, dimension: d, accuracy: op.accuracy, policy: policy)
    let tau = decision.threshold
    let scale = ritz.values.map(abs).max() ?? 0
    let tol = max(tau, scale * Double(d) * op.accuracy)
    let unconverged = zip(ritz.values, ritz.residuals).filter { abs($0.0) > tau && $0.1 > tol }
    // Counted Ritz values whose residual interval reaches τ: their side of τ is unknown.
    let straddling = zip(ritz.values, ritz.residuals).filter { abs($0.0) > tau && abs($0.0) - $0.1 <= tau }
    let counted = ritz.values.filter { abs($0) > tau }
    var warnings: [Warning] = []
    var converged = unconverged.isEmpty
    let k = run.steps
    if run.brokeDown && k < d && reorthogonalization == .full {
      // Lanczos merges eigenvalues closer than δ = 10⁻¹²·‖T‖. A merged
      // eigenvalue of size ≥ δ/10⁻⁶ agrees with its partner to 10⁻⁶: a repeat.
      // A smaller one may differ from it by any factor: unresolved, not repeated.
      let resolution = Lanczos.defaultBreakdownTolerance * scale
      let rel = multiplicityRelativeTolerance
      let found = try complementEigenvalues(
        of: op, lanczosBasis: run.basis, maxSteps: min(complementSteps, d - k), scale: scale, using: &rng
      ).filter { abs($0.value) - $0.residual > tau }
      let repeated = found.filter { abs($0.value) - $0.residual >= resolution / rel }
      let small = found.filter { abs($0.value) - $0.residual < resolution / rel }
      if !repeated.isEmpty {
        // The repeated values that were resolved, for the message.
        let matched = repeated.filter { f in
          f.residual <= rel * abs(f.value) && counted.contains { abs($0 - f.value) <= rel * abs(f.value) }
        }
        let named = matched.isEmpty ? "" : " (eigenvalue " + matched.map { fmt($0.value) }.joined(separator: ", ") + " again)"
        warnings.append(Warning(
          .multiplicityInvisible,
          "Krylov space exhausted after \(k) of d = \(d) steps, and a restart in its orthogonal complement found "
            + "\(repeated.count) eigenvalue(s) above τ\(named): eigenvalues this far above Lanczos's resolution "
            + "(10⁻¹²·‖T‖ = \(fmt(resolution))) are missed only when repeated; each distinct eigenvalue appears once, "
            + "so \(decision.rank) (distinct eigenvalues above τ) is below the rank; use --method block"))
      }
      if !small.isEmpty || !straddling.isEmpty {
        let near = (small.map { abs($0.value) } + straddling.map { abs($0.0) }).max() ?? 0
        var cause: [String] = []
        if !small.isEmpty {
          cause.append(
            "a restart in the orthogonal complement of the Krylov space found \(small.count) eigenvalue(s) above τ "
              + "that the run did not resolve")
        }
        if !straddling.isEmpty {
          cause.append("\(straddling.count) counted Ritz values lie within their residual of τ")
        }
        warnings.append(Warning(
          .smallEigenvaluesUnresolved,
          "Krylov space exhausted after \(k) of d = \(d) steps, but \(cause.joined(separator: " and ")): "
            + "eigenvalues up to \(fmt(near)) lie within 10⁶× Lanczos's resolution 10⁻¹²·‖T‖ = \(fmt(resolution)) (τ = \(fmt(tau))), "
            + "where neighbours many times apart merge into one Ritz value; not a multiplicity. "
            + "\(decision.rank) is below the rank; use --method block or dense"))
      }
      converged = small.isEmpty && straddling.isEmpty
    } else if !run.brokeDown && k < d {
      warnings.append(Warning(
        .krylovSpaceNotExhausted,
        "Lanczos stopped after \(k) of d = \(d) steps without exhausting the Krylov space: "
          + "\(unconverged.count) Ritz values above τ are unconverged and eigenvalues above τ may not have been found; "
          + "raise --steps or use --method block"))
    }
    if reorthogonalization == .none {
      warnings.append(Warning(
        .ghostEigenvalues,
        "run without reorthogonalization: converged eigenvalues may appear as repeated copies (ghosts), over-counting the rank"))
    }
    return RankResult(
      rank: decision.rank, method: .lanczos, dimension: d, hessianVectorProducts: op.applicationCount - before,
      decision: decision, policy: policy, eigenvalues: ritz.values, converged: converged,
      warnings: warnings, seed: rng.seed)
  }

  /// Ritz pairs of H restricted to the orthogonal complement of `lanczosBasis`
  /// (an invariant subspace after a breakdown), from one Lanczos run started at
  /// a Gaussian vector and deflated against the basis. The run stops once its
  /// residual is at the breakdown tolerance relative to `scale` (‖H‖): then the
  /// complement's part touched by the vector is exhausted (one step when H is
  /// numerically zero there).
  static func complementEigenvalues(
    of op: HessianOperator, lanczosBasis: [[Double]], maxSteps: Int, scale: Double,
    using rng: inout SeededGenerator
  ) throws -> [(value: Double, residual: Double)] {
    guard maxSteps > 0 else { return [] }
    let start = rng.normals(op.dimension)
    let limit = Lanczos.defaultBreakdownTolerance * scale
    let run = try Lanczos.run(
      op, start: start, maxSteps: maxSteps, locked: lanczosBasis, stopWhen: { _, _, b in b <= limit })
    let ritz = try run.ritzPairs()
    return zip(ritz.values, ritz.residuals).map { ($0, $1) }
  }
}
