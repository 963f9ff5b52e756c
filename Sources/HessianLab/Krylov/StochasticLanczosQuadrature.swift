import Foundation

/// Stochastic Lanczos quadrature (SLQ): the spectral density of H and
/// tr f(H) from a few Lanczos runs on random probes.
///
/// ```
/// for each unit probe v_l (Rademacher/√d):  m Lanczos steps → T_m = S Θ Sᵀ
///   nodes θ_kl = Θ_kk,  weights τ_kl² = (e₁ᵀ s_k)²   (Σ_k τ_kl² = 1: Gauss quadrature)
/// density φ(t) ≈ (1/n_v) Σ_l Σ_k τ_kl² δ(t − θ_kl)
/// tr f(H) ≈ (d/n_v) Σ_l Σ_k τ_kl² f(θ_kl)
/// ```
///
/// Ubaru, Chen & Saad, "Fast estimation of tr(f(A)) via stochastic Lanczos
/// quadrature", SIAM J. Matrix Anal. Appl. 38(4):1075–1099 (2017); Golub &
/// Welsch (1969) for the quadrature. The weights are the squared first
/// components of the eigenvectors of T, squared *once* (PyHessian PR #23 and
/// the hessian-eigenthings docs got this wrong).
///
/// The rank as tr P_{>τ} (f = step at τ) is stochastic: per probe the variance
/// is ≈ 2r(1 − r/d)·d/(d + 2), so the integer rank needs ≈ 30.7·r(1 − r/d)
/// probes for 95% (math notes §5.6) — the lesson "integer rank by trace
/// estimation is expensive", with numbers.
///
/// - Complexity: n_v × m HVPs (fewer when a run breaks down), O(d m²) flops per probe.
public enum StochasticLanczosQuadrature {
  /// The quadrature of one probe.
  public struct ProbeQuadrature: Sendable, Codable, Equatable {
    /// Nodes θ_k (Ritz values), ascending.
    public var nodes: [Double]
    /// Weights τ_k² ≥ 0 with Σ τ_k² = 1.
    public var weights: [Double]
  }

  /// A spectral density estimate.
  public struct Density: Sendable, Codable, Equatable {
    /// d, the dimension of H.
    public var dimension: Int
    /// The Gauss quadrature of each probe (n_v of them).
    public var probes: [ProbeQuadrature]
    /// The Hessian-vector products made by all probes.
    public var hessianVectorProducts: Int
    /// m, the Lanczos steps requested per probe (a run that breaks down takes fewer).
    public var stepsPerProbe: Int

    /// (d/n_v) Σ_l Σ_k τ_kl² f(θ_kl) and its standard error across probes.
    public func trace(of f: (Double) -> Double) -> (value: Double, standardError: Double) {
      let perProbe = probes.map { p in
        Double(dimension) * zip(p.nodes, p.weights).reduce(0) { $0 + $1.1 * f($1.0) }
      }
      return TraceEstimators.meanAndStandardError(perProbe)
    }

    /// The density smoothed by a Gaussian of width `sigma`, on `grid`:
    /// φ_σ(t) = (1/n_v) Σ_l Σ_k τ_kl² N(t; θ_kl, σ²). Integrates to 1.
    public func smoothed(on grid: [Double], sigma: Double) -> [Double] {
      let n = Double(max(probes.count, 1))
      let c = 1 / (sigma * (2 * Double.pi).squareRoot())
      return grid.map { t in
        var s = 0.0
        for p in probes {
          for (x, w) in zip(p.nodes, p.weights) {
            let z = (t - x) / sigma
            s += w * c * exp(-0.5 * z * z)
          }
        }
        return s / n
      }
    }

    /// Every node with its weight divided by n_v (a discrete measure of mass 1).
    public var pooled: [(node: Double, weight: Double)] {
      let n = Double(max(probes.count, 1))
      return probes.flatMap { p in zip(p.nodes, p.weights).map { ($0, $1 / n) } }.sorted { $0.node < $1.node }
    }
  }

  /// The SLQ density with `probes` Rademacher probes and `steps` Lanczos steps
  /// (full reorthogonalisation) each.
  public static func density(
    of op: HessianOperator, probes: Int, steps: Int, using rng: inout SeededGenerator
  ) throws -> Density {
    precondition(probes > 0 && steps > 0, "SLQ needs at least one probe and one step")
    let before = op.applicationCount
    let d = op.dimension
    var v = [Double](repeating: 0, count: d)
    var quadratures: [ProbeQuadrature] = []
    for _ in 0..<probes {
      ProbeDistribution.rademacher.fill(&v, using: &rng)
      let run = Lanczos.run(op, start: v, maxSteps: min(steps, d))
      let ritz = try run.ritzPairs()
      let weights = (0..<run.steps).map { ritz.vectors[0, $0] * ritz.vectors[0, $0] }
      quadratures.append(ProbeQuadrature(nodes: ritz.values, weights: weights))
    }
    return Density(
      dimension: d, probes: quadratures, hessianVectorProducts: op.applicationCount - before,
      stepsPerProbe: min(steps, d))
  }

  /// The stochastic rank tr P_{|λ|>τ} by SLQ, with its standard error; `rank`
  /// is the estimate rounded to the nearest integer.
  ///
  /// τ follows `policy` with max|λ| taken from the largest |node| (Lanczos finds
  /// the extremes first); for the gap rule the pooled nodes of weight above
  /// 1/(2d) stand in for the eigenvalues.
  ///
  /// - Parameters:
  ///   - op: the Hessian; every product is counted by it.
  ///   - policy: how τ is chosen (from the quadrature nodes).
  ///   - probes: n_v, the Rademacher probes; the standard error falls as 1/√n_v.
  ///   - steps: Lanczos steps per probe (default min(d, 30); with too
  ///     few steps quadrature nodes fall inside the gap and bias the count).
  ///   - rng: the source of the probes; its seed is recorded in the result.
  public static func rank(
    of op: HessianOperator, policy: ThresholdPolicy = .precisionRelative, probes: Int = 100, steps: Int? = nil,
    using rng: inout SeededGenerator
  ) throws -> RankResult {
    let d = op.dimension
    let before = op.applicationCount
    let m = min(d, steps ?? 30)
    let dens = try density(of: op, probes: probes, steps: m, using: &rng)
    let pooled = dens.pooled
    let representative = pooled.filter { $0.weight * Double(probes) > 0.5 / Double(max(d, 1)) }.map(\.node)
    let scale = pooled.map { abs($0.node) }.max() ?? 0
    let decision = NumericalRank.decide(
      eigenvalues: representative, dimension: d, scale: scale, precision: op.precision, policy: policy)
    let tau = decision.threshold
    let (estimate, se) = dens.trace { abs($0) > tau ? 1 : 0 }
    let rounded = Int(estimate.rounded())
    var warnings = [
      "stochastic estimate from \(probes) probes × at most \(m) Lanczos steps (\(dens.hessianVectorProducts) HVPs): tr P = \(fmt(estimate)) ± \(fmt(se)); "
        + "the rounded rank is exact with 95% probability only if 1.96·SE < 0.5"
    ]
    let perProbeVariance = se * se * Double(probes)
    if 1.96 * se >= 0.5 {
      let needed = Int((perProbeVariance * (1.96 / 0.5) * (1.96 / 0.5)).rounded(.up))
      let perProbe = Double(dens.hessianVectorProducts) / Double(probes)
      warnings.append(
        "about \(needed) probes (≈ \(Int((Double(needed) * perProbe).rounded())) HVPs) would be needed for the integer rank at 95% "
          + "(variance per probe ≈ 2r(1 − r/d): the cost grows linearly with r)")
    }
    return RankResult(
      rank: rounded, method: .slq, dimension: d, hessianVectorProducts: op.applicationCount - before,
      decision: decision, policy: policy, eigenvalues: representative, converged: 1.96 * se < 0.5,
      warnings: warnings, seed: rng.seed, estimate: estimate, standardError: se)
  }
}
