/// One block Lanczos run: an orthonormal basis Q of the block Krylov space
/// span{V, HV, H²V, …}, the Rayleigh quotient T = QᵀHQ, and its Ritz pairs with residual norms.
public struct BlockLanczosRun: Sendable {
  /// Ritz values θ_i of T, ascending.
  public internal(set) var values: [Double] = []
  /// Column i is the eigenvector s_i of T for `values[i]` (m × m).
  public internal(set) var vectors = Matrix(rows: 0, columns: 0)
  /// ‖H y_i − θ_i y_i‖ for the Ritz vector y_i = Q s_i (exact in exact arithmetic: the block
  /// Lanczos relation, see ``BlockLanczos``).
  public internal(set) var residuals: [Double] = []
  /// The Hessian-vector products the run made (one per column of every block).
  public internal(set) var hessianVectorProducts = 0
  /// True when the space became invariant (every column of the next block was dependent).
  public internal(set) var brokeDown = false
  /// The blocks applied.
  public internal(set) var blocks = 0
  /// Q as rows of length d, row-major (m × d).
  var basisElements: [Double] = []
  /// d.
  var basisLength = 0

  /// m, the dimension of the basis.
  public var dimension: Int { basisLength == 0 ? 0 : basisElements.count / basisLength }

  /// The Ritz vector y = Q s_i for column `index` of ``vectors`` (one `gemv` with Qᵀ).
  public func ritzVector(index: Int) -> [Double] {
    LanczosRun.combination(of: basisElements, length: basisLength, rows: dimension, column: index, of: vectors)
  }
}

/// Block Lanczos with full reorthogonalisation: the Krylov space of a block of b start vectors,
/// built one block product H·V_j (b HVPs in one call of the operator) per step.
///
/// ```
/// V₁ = orth(start ⊥ L);  for j = 1, 2, …:
///   P = H V_j                                   (one block product: b HVPs)
///   T[:, block j] = [Q_j]ᵀ P                     (Q_j = [V₁ … V_j]; T = QᵀHQ grows by b columns)
///   Z = (I − [L; Q_j][L; Q_j]ᵀ) P, twice (CGS2);  Z = V_{j+1} R  (Gram–Schmidt QR, columns with
///       r_kk ≤ tol·‖T‖ dropped: the space is invariant along them)
///   T s_i = θ_i s_i;  ‖H y_i − θ_i y_i‖ = ‖R · s_i[block j]‖   (y_i = Q_j s_i)
/// ```
///
/// The residual identity is the block Lanczos relation H Q_j = Q_j T_j + V_{j+1} R E_jᵀ
/// (Golub & Underwood 1977; Templates, Bai et al. (eds.) SIAM 2000, §4.6): H V_i ∈ span(Q_{i+1})
/// for every earlier block, so only the last block's component outside span(Q_j) remains. A block
/// of b vectors sees an eigenvalue of multiplicity up to b (a single vector sees one copy); the
/// restarts of ``ExtremeEigenvalues`` find further copies.
///
/// Why blocks: for a dense operator too large for cache, a product streams all of H from memory
/// once, whatever the number of columns, so b columns cost little more than one; Krylov methods
/// on such an operator are bound by the number of passes over H, not by the HVP count.
///
/// - Complexity: b HVPs per step (⌈m/b⌉ block products for a basis of m); full
///   reorthogonalisation adds O(d·(l + m)·m) flops (l locked vectors); a dense eigensolve of
///   the m × m T after every step up to m = 96, then once m has grown by ⌈m/32⌉ (and at the
///   end), O(m³) flops in all, like ``ExtremeEigenvalues``' checks; O(m·d + m²) memory (T grows
///   with the basis, ``GrowingSquare``).
public enum BlockLanczos {
  /// Runs block Lanczos from the columns of `start` until the basis holds `maxDimension` vectors,
  /// the space is invariant, or `stopWhen(θ, residuals)` (ascending Ritz values of the current T
  /// and their residual norms) says to stop after a step.
  ///
  /// - Parameters:
  ///   - op: the Hessian; every product is counted by it.
  ///   - start: b start vectors of length d (Gaussian; orthonormalised here against `locked`).
  ///   - maxDimension: the most basis vectors (at most d).
  ///   - breakdownTolerance: a column of the next block whose norm after projection is at most
  ///     this × ‖T‖ is dependent and dropped.
  ///   - locked: orthonormal vectors to deflate (the run works in their orthogonal complement).
  ///   - stopWhen: asked after each step that could continue and at which T was eigensolved
  ///     (every step up to 96 basis vectors, then every ⌈m/32⌉ vectors).
  static func run(
    _ op: HessianOperator, start: [[Double]], maxDimension: Int,
    breakdownTolerance: Double = Lanczos.defaultBreakdownTolerance, locked: [[Double]] = [],
    stopWhen: (([Double], [Double]) -> Bool)?
  ) throws -> BlockLanczosRun {
    let d = op.dimension
    var run = BlockLanczosRun()
    let limit = min(maxDimension, d)
    let l = locked.count
    var stack: [Double] = []  // [L; Q], row-major
    stack.reserveCapacity((l + limit) * d)
    for u in locked { stack.append(contentsOf: u) }
    var coefficients = [Double](repeating: 0, count: l + limit + 1)
    // V₁: the start block, each column scaled to unit norm, made orthonormal against L and itself.
    let unit = start.map { v -> [Double] in
      let n = BLAS.norm(v)
      return n > 0 && n.isFinite ? v.map { $0 / n } : v.map { _ in 0 }
    }
    var block = orthonormalise(unit, stack: stack, rows: l, coefficients: &coefficients, tolerance: 1e-12).vectors
    if block.isEmpty { run.brokeDown = true }
    var t = GrowingSquare(capacity: min(limit, 64))  // T, grown as the basis grows
    var scale = 0.0  // max |θ| at the last eigensolve (a lower bound of the current one: interlacing)
    var nextSolve = 0  // the basis size at which T is next eigensolved
    var m0 = 0  // basis size before the current block
    while !block.isEmpty {
      let b = min(block.count, limit - m0)
      if b < block.count { block.removeLast(block.count - b) }
      for v in block { stack.append(contentsOf: v) }
      let m = m0 + b
      t.grow(to: m, limit: limit)
      // P = H V_j as one block product (d × b, column k = H v_k).
      var columns = Matrix(rows: d, columns: b)
      for (k, v) in block.enumerated() { for i in 0..<d { columns.elements[i * b + k] = v[i] } }
      let product = try op.apply(columns)
      run.hessianVectorProducts += b
      run.blocks += 1
      var z = (0..<b).map { k in (0..<d).map { product.elements[$0 * b + k] } }
      // T's new columns from the first projection pass; then the second pass.
      for k in 0..<b {
        let rows = l + m
        if coefficients.count < rows { coefficients += [Double](repeating: 0, count: rows - coefficients.count) }
        Orthogonalization.projectOut(&z[k], rows: rows, of: stack, coefficients: &coefficients)
        for i in 0..<m {
          let c = coefficients[l + i]
          if i >= m0 {
            // Within the new block: average the two computed entries (T symmetric).
            t[i, m0 + k] += 0.5 * c
            t[m0 + k, i] += 0.5 * c
          } else {
            t[i, m0 + k] = c
            t[m0 + k, i] = c
          }
        }
        Orthogonalization.projectOut(&z[k], rows: rows, of: stack, coefficients: &coefficients)
      }
      // Z = V_{j+1} R: Gram–Schmidt within the block (Z is already ⊥ [L; Q]). The breakdown scale
      // is max |θ| of the last eigensolve (of this step's T when one is due now).
      var e: SymmetricEigendecomposition?
      if m >= nextSolve {
        e = try SymmetricEigen.decomposition(of: t.leading(m))
        scale = max(scale, e?.values.map(abs).max() ?? 0)
        nextSolve = m + (m < 96 ? 1 : (m + 31) / 32)
      }
      let qr = orthonormalise(z, stack: stack, rows: l + m, coefficients: &coefficients,
                              tolerance: breakdownTolerance * max(scale, .leastNormalMagnitude), project: false)
      let last = qr.vectors.isEmpty || m >= limit
      if e == nil && last {
        e = try SymmetricEigen.decomposition(of: t.leading(m))
      }
      if let e {
        // Ritz pairs of the m × m leading block of T, and ‖R · s_i[block j]‖.
        run.values = e.values
        run.vectors = e.vectors
        run.residuals = (0..<m).map { i in
          var sum = 0.0
          for r in 0..<b {
            var x = 0.0
            for c in r..<b { x += qr.r[r * b + c] * e.vectors[m0 + c, i] }
            sum += x * x
          }
          return sum.squareRoot()
        }
      }
      if qr.vectors.isEmpty {
        run.brokeDown = true
        break
      }
      if m >= limit { break }
      if e != nil, let stop = stopWhen, stop(run.values, run.residuals) { break }
      block = qr.vectors
      m0 = m
    }
    run.basisLength = d
    run.basisElements = Array(stack[(l * d)...])
    return run
  }

  /// Gram–Schmidt QR of the columns `z` (each projected twice against the first `rows` rows of
  /// `stack` when `project`, then against the block's earlier columns): the orthonormal columns
  /// kept (norm above `tolerance`) and R (b × b, row-major, upper triangular, r_kk the norm before
  /// normalising, also for dropped columns).
  static func orthonormalise(
    _ z: [[Double]], stack: [Double], rows: Int, coefficients: inout [Double], tolerance: Double,
    project: Bool = true
  ) -> (vectors: [[Double]], r: [Double]) {
    let b = z.count
    var r = [Double](repeating: 0, count: b * b)
    var kept: [[Double]] = []
    var keptIndex: [Int] = []
    for k in 0..<b {
      var w = z[k]
      if project {
        if coefficients.count < rows { coefficients += [Double](repeating: 0, count: rows - coefficients.count) }
        for _ in 0..<2 { Orthogonalization.projectOut(&w, rows: rows, of: stack, coefficients: &coefficients) }
      }
      for _ in 0..<2 {
        for (n, u) in kept.enumerated() {
          let c = BLAS.dot(u, w)
          r[keptIndex[n] * b + k] += c
          BLAS.axpy(-c, u, &w)
        }
      }
      let norm = BLAS.norm(w)
      r[k * b + k] = norm
      if norm > tolerance, norm.isFinite {
        BLAS.scale(1 / norm, &w)
        kept.append(w)
        keptIndex.append(k)
      }
    }
    return (kept, r)
  }
}
