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
/// probes for 95% (theory §3.6) — the lesson "integer rank by trace
/// estimation is expensive", with numbers.
///
/// It is also only as good as the nodes' resolution at τ. The null space
/// carries probe weight ≈ (d − r)/d, and a step function is integrated
/// correctly only if that weight sits on a node within τ of 0 and no node
/// mixes eigenvalues from both sides of τ. With too few steps the node nearest
/// 0 is a blend of the null space and the small eigenvalues: on a spectrum over
/// −1000…5 or 10⁻⁶…10⁶ it lands above τ, every node counts, and 30 steps give
/// tr P = d with a standard error of 10⁻¹³. The rank therefore judges each node
/// by its Ritz residual ρ_k = ‖H y_k − θ_k y_k‖ = β_m·|e_mᵀ s_k|, the exact
/// standard deviation of λ under the spectral measure of its Ritz vector y_k
/// (and [θ_k − ρ_k, θ_k + ρ_k] holds an eigenvalue: the residual bound, Parlett,
/// *The Symmetric Eigenvalue Problem*, ch. 4):
///
/// ```
/// node k unresolved ⇔ |θ_k| − ρ_k ≤ τ < |θ_k| + ρ_k      (its interval straddles τ)
/// u_l = d Σ_{k unresolved} τ_kl²                          (eigenvalues probe l cannot place)
/// each run stops at breakdown (exact quadrature), when u_l ≤ 0.05, or at the step cap
/// unresolvedCount s = (1/n_v) Σ_l u_l;   converged ⇔ s + 1.96·SE < 0.5
/// ```
///
/// A run that breaks down (after at most the number of distinct eigenvalues
/// + 1 steps) has residuals at the breakdown tolerance and resolves τ; a
/// converged node far from τ is resolved long before. When the cap is reached
/// unresolved, the result says so (``WarningCode/quadratureUnresolved``) with
/// the interval [d·Σ τ² over nodes surely above τ, that + s] that the nodes
/// allow, and is not converged.
///
/// - Complexity: density: n_v × m HVPs. Rank: n_v × m_l HVPs, m_l ≤ the step
///   cap (default min(d, 300)), the steps probe l needed to resolve τ or break
///   down; O(d m²) flops per probe, plus an eigendecomposition of T_j at
///   j = 10, 13, 17, … (×1.25) to test the resolution.
public enum StochasticLanczosQuadrature {
  /// The quadrature of one probe.
  public struct ProbeQuadrature: Sendable, Codable, Equatable {
    /// Nodes θ_k (Ritz values), ascending.
    public var nodes: [Double]
    /// Weights τ_k² ≥ 0 with Σ τ_k² = 1.
    public var weights: [Double]
    /// Ritz residuals ρ_k = β_m·|e_mᵀ s_k| = ‖H y_k − θ_k y_k‖: the standard
    /// deviation of λ under the spectral measure of node k's Ritz vector.
    public var residuals: [Double]
    /// Whether the Lanczos run broke down (Krylov space exhausted: the
    /// quadrature is exact for every f, to working precision).
    public var brokeDown: Bool

    /// The weight on nodes whose residual interval [|θ| − ρ, |θ| + ρ] contains τ:
    /// the probe weight this quadrature cannot place on either side of τ.
    public func unresolvedWeight(threshold tau: Double) -> Double {
      var u = 0.0
      for k in nodes.indices where abs(nodes[k]) - residuals[k] <= tau && tau < abs(nodes[k]) + residuals[k] {
        u += weights[k]
      }
      return u
    }

    /// Σ τ_k² over nodes with |θ_k| > τ (the Gauss quadrature of the step).
    public func countedWeight(threshold tau: Double) -> Double {
      zip(nodes, weights).reduce(0) { $0 + (abs($1.0) > tau ? $1.1 : 0) }
    }

    /// Σ τ_k² over nodes surely above τ: |θ_k| − ρ_k > τ.
    public func surelyCountedWeight(threshold tau: Double) -> Double {
      var w = 0.0
      for k in nodes.indices where abs(nodes[k]) - residuals[k] > tau { w += weights[k] }
      return w
    }
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
  ///
  /// The runs see H' = 2ˢ·H with ‖H'‖ ≈ 1 (``PowerOfTwoScaledOperator``); the nodes (Ritz
  /// values) and their residuals are scaled back by 2⁻ˢ, the weights are unchanged, and the HVP
  /// count is the source's.
  public static func density(
    of op: HessianOperator, probes: Int, steps: Int, using rng: inout SeededGenerator
  ) throws -> Density {
    let before = op.applicationCount
    let scaled = PowerOfTwoScaledOperator(op)
    var result = try densityUnscaled(of: HessianOperator(scaled, name: op.name), probes: probes, steps: steps, using: &rng)
    result.hessianVectorProducts = op.applicationCount - before
    let s = scaled.exponent
    guard s != 0 else { return result }
    let back = { (x: Double) in PowerOfTwoScaledOperator.scale(x, by: -s) }
    result.probes = result.probes.map { p in
      var q = p
      q.nodes = p.nodes.map(back)
      q.residuals = p.residuals.map(back)
      return q
    }
    return result
  }

  /// ``density(of:probes:steps:using:)`` on `op` as it is (no scaling).
  static func densityUnscaled(
    of op: HessianOperator, probes: Int, steps: Int, using rng: inout SeededGenerator
  ) throws -> Density {
    precondition(probes > 0 && steps > 0, "SLQ needs at least one probe and one step")
    let before = op.applicationCount
    let d = op.dimension
    var v = [Double](repeating: 0, count: d)
    var quadratures: [ProbeQuadrature] = []
    for _ in 0..<probes {
      ProbeDistribution.rademacher.fill(&v, using: &rng)
      let run = try Lanczos.run(op, start: v, maxSteps: min(steps, d))
      quadratures.append(try quadrature(alpha: run.alpha, beta: run.beta, residualNorm: run.residualNorm, brokeDown: run.brokeDown))
    }
    return Density(
      dimension: d, probes: quadratures, hessianVectorProducts: op.applicationCount - before,
      stepsPerProbe: min(steps, d))
  }

  /// The Gauss quadrature of a Lanczos run (T given by its coefficients).
  static func quadrature(alpha: [Double], beta: [Double], residualNorm: Double, brokeDown: Bool) throws -> ProbeQuadrature {
    let ritz = try LanczosRun.ritzPairs(alpha: alpha, beta: beta, residualNorm: residualNorm)
    let weights = (0..<alpha.count).map { ritz.vectors[0, $0] * ritz.vectors[0, $0] }
    return ProbeQuadrature(nodes: ritz.values, weights: weights, residuals: ritz.residuals, brokeDown: brokeDown)
  }

  /// The default cap on Lanczos steps per probe for the rank, min(d, 300):
  /// at most 300·n_v HVPs. The runs usually stop far earlier.
  public static let defaultMaxSteps = 300

  /// A probe's run stops once its quadrature leaves at most this many
  /// eigenvalues unresolved at τ (d × its unresolved weight).
  public static let probeResolutionTarget = 0.05

  /// τ as `policy` sets it from one probe's nodes (those of weight > 1/(2d),
  /// max|λ| from the largest |node|): the run's own stopping test.
  static func threshold(
    of q: ProbeQuadrature, dimension d: Int, accuracy: Double, policy: ThresholdPolicy
  ) -> Double {
    let representative = zip(q.nodes, q.weights).filter { $0.1 > 0.5 / Double(max(d, 1)) }.map(\.0)
    let scale = q.nodes.map(abs).max() ?? 0
    return NumericalRank.decide(
      eigenvalues: representative, dimension: d, scale: scale, accuracy: accuracy, policy: policy
    ).threshold
  }

  /// The stochastic rank tr P_{|λ|>τ} by SLQ, with its standard error and the
  /// quadrature's resolution at τ; `rank` is the estimate rounded to the
  /// nearest integer.
  ///
  /// τ follows `policy` with max|λ| taken from the largest |node| (Lanczos finds
  /// the extremes first); for the gap rule the pooled nodes of weight above
  /// 1/(2d) stand in for the eigenvalues. Each probe's run grows until its
  /// nodes resolve τ (see the type's documentation), it breaks down, or it
  /// reaches `steps`. The result is converged only when
  /// `unresolvedCount + 1.96·standardError < 0.5`; otherwise a warning names
  /// the cause (``WarningCode/quadratureUnresolved``, ``WarningCode/tooFewProbes``).
  ///
  /// - Parameters:
  ///   - op: the Hessian; every product is counted by it.
  ///   - policy: how τ is chosen (from the quadrature nodes).
  ///   - probes: n_v, the Rademacher probes; the standard error falls as 1/√n_v.
  ///   - steps: the most Lanczos steps per probe (default min(d, 300)); a run
  ///     stops earlier when it breaks down or its nodes resolve τ.
  ///   - rng: the source of the probes; its seed is recorded in the result.
  /// - Complexity: n_v × m_l HVPs with m_l ≤ min(d, steps) (see the type).
  public static func rank(
    of op: HessianOperator, policy: ThresholdPolicy = .precisionRelative, probes: Int = 100, steps: Int? = nil,
    using rng: inout SeededGenerator
  ) throws -> RankResult {
    precondition(probes > 0, "SLQ needs at least one probe")
    let d = op.dimension
    let before = op.applicationCount
    let cap = max(1, min(d, steps ?? defaultMaxSteps))
    var v = [Double](repeating: 0, count: d)
    var quadratures: [ProbeQuadrature] = []
    for _ in 0..<probes {
      ProbeDistribution.rademacher.fill(&v, using: &rng)
      var nextCheck = min(10, cap)
      let run = try Lanczos.run(op, start: v, maxSteps: cap, stopWhen: { alpha, beta, b in
        let j = alpha.count
        guard j >= nextCheck else { return false }
        nextCheck = max(j + 1, Int((Double(j) * 1.25).rounded(.up)))
        guard let q = try? quadrature(alpha: alpha, beta: beta, residualNorm: b, brokeDown: false) else { return false }
        let tau = threshold(of: q, dimension: d, accuracy: op.accuracy, policy: policy)
        return Double(d) * q.unresolvedWeight(threshold: tau) <= probeResolutionTarget
      })
      quadratures.append(
        try quadrature(alpha: run.alpha, beta: run.beta, residualNorm: run.residualNorm, brokeDown: run.brokeDown))
    }
    let n = Double(probes)
    let pooled = quadratures.flatMap { q in zip(q.nodes, q.weights).map { (node: $0, weight: $1 / n) } }
      .sorted { $0.node < $1.node }
    let representative = pooled.filter { $0.weight * n > 0.5 / Double(max(d, 1)) }.map(\.node)
    let scale = pooled.map { abs($0.node) }.max() ?? 0
    let decision = NumericalRank.decide(
      eigenvalues: representative, dimension: d, scale: scale, accuracy: op.accuracy, policy: policy)
    let tau = decision.threshold
    let dd = Double(d)
    let counts = quadratures.map { dd * $0.countedWeight(threshold: tau) }
    let (estimate, se) = TraceEstimators.meanAndStandardError(counts)
    let unresolved = quadratures.map { dd * $0.unresolvedWeight(threshold: tau) }
    let s = unresolved.reduce(0, +) / n
    let rounded = Int(clamping: estimate)
    let converged = s + 1.96 * se < 0.5
    let hvps = op.applicationCount - before
    var warnings: [Warning] = []
    if s >= 0.25 {
      let lower = quadratures.map { dd * $0.surelyCountedWeight(threshold: tau) }.reduce(0, +) / n
      let stuck = zip(quadratures, unresolved).filter { !$0.0.brokeDown && $0.0.nodes.count >= cap && $0.1 > probeResolutionTarget }.count
      // The heaviest unresolved node of the worst probe, as an example.
      var example = ""
      if let worst = zip(quadratures, unresolved).max(by: { $0.1 < $1.1 })?.0,
        let k = worst.nodes.indices.filter({
          abs(worst.nodes[$0]) - worst.residuals[$0] <= tau && tau < abs(worst.nodes[$0]) + worst.residuals[$0]
        }).max(by: { worst.weights[$0] < worst.weights[$1] })
      {
        example = " (e.g. a node at \(fmt(worst.nodes[k])) ± \(fmt(worst.residuals[k])) with weight \(fmt(worst.weights[k])))"
      }
      warnings.append(Warning(
        .quadratureUnresolved,
        "the quadrature nodes do not resolve τ = \(fmt(tau)): on average \(fmt(s)) eigenvalues' worth of probe weight sits on nodes "
          + "whose residual interval contains τ\(example), so the nodes only place tr P(|λ| > τ) in [\(fmt(lower)), \(fmt(lower + s))]; "
          + "\(stuck) of \(probes) Lanczos runs reached the cap of \(cap) steps unresolved. "
          + (cap < d ? "Raise --steps (a run that breaks down, after at most the number of distinct eigenvalues + 1 steps, is exact) or use" : "Use")
          + " --method block or dense"))
    }
    if 1.96 * se >= 0.25 {
      let perProbeVariance = se * se * n
      var text =
        "tr P = \(fmt(estimate)) ± \(fmt(se)) from \(probes) probes: the rounded rank is exact with 95% probability only if "
        + "1.96·SE + unresolved < 0.5"
      if s < 0.45 {
        let margin = 0.5 - s
        let needed = Int(clamping: perProbeVariance * (1.96 / margin) * (1.96 / margin), rounding: .up)
        let perProbe = Double(hvps) / n
        text +=
          "; about \(needed) probes (≈ \(Int(clamping: Double(needed) * perProbe)) HVPs) would be needed "
          + "(variance per probe ≈ 2r(1 − r/d): the cost grows linearly with r)"
      }
      warnings.append(Warning(.tooFewProbes, text))
    }
    return RankResult(
      rank: rounded, method: .slq, dimension: d, hessianVectorProducts: hvps,
      decision: decision, policy: policy, eigenvalues: representative, converged: converged,
      warnings: warnings, seed: rng.seed, estimate: estimate, standardError: se, unresolvedCount: s)
  }
}
