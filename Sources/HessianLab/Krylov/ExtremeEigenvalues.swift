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
/// run Lanczos (m steps) on (I − LLᵀ) H (I − LLᵀ) from a random start ⊥ L
/// Ritz pairs (θ_i, y_i), residual ‖H y_i − θ_i y_i‖ = β_m |e_mᵀ s_i|
/// lock converged y_i that enter the current k best into L; restart
/// stop when a restart adds nothing to the k best
/// ```
///
/// A single Lanczos run sees each distinct eigenvalue once; restarting in the
/// orthogonal complement of the locked vectors finds the further copies of a
/// multiple eigenvalue (Templates, Bai et al. (eds.) SIAM 2000, §4.4,
/// "Multiple eigenvalues": deflation and restarts). Each value comes with its
/// residual norm, and `converged` means residual ≤ tolerance·max|θ|
/// (Parlett, *The Symmetric Eigenvalue Problem*, §13.1).
///
/// - Complexity: about m HVPs per run, at most k + 1 runs; m defaults to
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
    /// Plain-language warnings (unconverged values, a run that broke down early).
    public var warnings: [String]
  }

  /// The `count` extreme eigenvalues of `op` at `end`.
  ///
  /// - Parameters:
  ///   - op: the Hessian; every product is counted by it.
  ///   - end: the largest (``SpectrumEnd/top``) or smallest (``SpectrumEnd/bottom``) eigenvalues.
  ///   - k: how many eigenvalues, with multiplicity.
  ///   - steps: Lanczos steps per run (default min(d, max(2k + 20, 40))).
  ///   - tolerance: relative residual tolerance of the convergence flags.
  ///   - rng: the source of the Gaussian start vector of each run.
  public static func compute(
    of op: HessianOperator, end: SpectrumEnd, count k: Int, steps: Int? = nil, tolerance: Double = 1e-8,
    using rng: inout SeededGenerator
  ) throws -> Result {
    let d = op.dimension
    let before = op.applicationCount
    let want = min(max(k, 0), d)
    let m = min(d, steps ?? max(2 * want + 20, 40))
    // Sort key: larger is better.
    func key(_ x: Double) -> Double { end == .top ? x : -x }
    var locked: [(value: Double, vector: [Double], residual: Double)] = []
    var lastUnconverged: [(value: Double, residual: Double)] = []
    var runs = 0
    var scale = 0.0
    while runs < want + 1 && locked.count < d {
      runs += 1
      let start = rng.normals(d)
      let run = Lanczos.run(op, start: start, maxSteps: m, locked: locked.map(\.vector))
      let ritz = try run.ritzPairs()
      scale = max(scale, ritz.values.map(abs).max() ?? 0, locked.map { abs($0.value) }.max() ?? 0)
      let tol = tolerance * max(scale, Double.leastNormalMagnitude)
      let kth = locked.map { key($0.value) }.sorted(by: >).dropFirst(want - 1).first
      var added = 0
      lastUnconverged = []
      let order = ritz.values.indices.sorted { key(ritz.values[$0]) > key(ritz.values[$1]) }
      for i in order.prefix(want) {
        let better = locked.count < want || kth.map { key(ritz.values[i]) > $0 + tol } ?? true
        guard better else { continue }
        if ritz.residuals[i] <= tol {
          var y = run.ritzVector(ritz.vectors, index: i)
          BlockKrylovRank.project(&y, locked.map(\.vector))
          let n = BLAS.norm(y)
          guard n > 0.5 else { continue }
          BLAS.scale(1 / n, &y)
          locked.append((ritz.values[i], y, ritz.residuals[i]))
          added += 1
        } else {
          lastUnconverged.append((ritz.values[i], ritz.residuals[i]))
        }
      }
      if added == 0 { break }
    }
    let tol = tolerance * max(scale, Double.leastNormalMagnitude)
    var entries = locked.map { (value: $0.value, residual: $0.residual) } + lastUnconverged
    entries.sort { key($0.value) > key($1.value) }
    entries = Array(entries.prefix(want))
    var warnings: [String] = []
    let bad = entries.filter { $0.residual > tol }.count
    if bad > 0 {
      warnings.append("\(bad) of \(entries.count) eigenvalues have residual > \(fmt(tol)): not converged; increase --steps")
    }
    if entries.count < want {
      warnings.append("only \(entries.count) of \(want) eigenvalues were found")
    }
    return Result(
      end: end, values: entries.map(\.value), residuals: entries.map(\.residual),
      converged: entries.map { $0.residual <= tol }, hessianVectorProducts: op.applicationCount - before,
      runs: runs, warnings: warnings)
  }
}
