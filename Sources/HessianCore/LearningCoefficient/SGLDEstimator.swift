import Foundation

/// The SGLD estimator of the local learning coefficient, as devinterp defines it:
///
///     λ̂(w*) = nβ · ( E_{w ~ p}[L(w)] − L(w*) ),   β = 1/log n,
///     p(w) ∝ exp( −nβ L(w) − (γ/2)‖w − w*‖² ),
///
/// the expectation taken along C Langevin chains started at w*, each with the
/// update (full-batch here: the landscape's L is the population loss)
///
///     w ← w + (ε/2)·( −nβ ∇L(w) + γ (w* − w) ) + N(0, ε I),
///
/// discarding `burnIn` steps and averaging L over every `thinning`-th step after.
/// λ̂ is the mean of the per-chain estimates, the standard error their standard
/// deviation over √C. Chain c draws from child stream c of the generator, so a
/// chain is reproducible from the seed alone.
///
/// Documented bias (theory §6.3), used by the tests:
/// - multiplicity: Z(t) ∝ t^{−λ}(log t)^{m−1} gives E = λ − (m−1)/log(nβ) to
///   leading order (down);
/// - localisation: down by a factor ≈ 1/(1 + η), η = (γ/2)r² at the flattest
///   direction (``LocalisationDiagnostic``; exact for quadratic directions);
/// - step: Euler–Maruyama inflates a quadratic direction of curvature a by
///   1/(1 − εnβa/2) (up); the default ε = 0.01/(nβ·max(1, h_max/2)) keeps it ≤ 0.5%;
/// - relaxation: chains start at w*, so a weak curved direction h_min whose
///   variance relaxes over T = 1/(ε(nβh_min + γ)) steps, longer than the run,
///   is under-sampled (down; warned with the steps needed, see
///   `relaxationWarning(weakestCurvature:stepSize:nBeta:configuration:)`).
///
/// Convergence (``ChainConvergence``, on the kept draws of nβ(L − L*)):
/// rank-normalised split-R̂ (Vehtari et al. 2021), bulk effective sample size
/// (Geyer's initial monotone sequence) and the drift between chain halves. A
/// run with R̂ > ``ChainConvergence/rHatThreshold`` or a significant drift is
/// warned, with the factor by which to lengthen it: at the defaults the
/// chains on x²y⁶ and (xy)² have not spread along the valleys that only γ
/// confines (relaxation time ≈ 1/(εγ) ≈ 10⁵ steps), and λ̂ reads low (0.092 and
/// 0.329 on average over 200 seeds against the exact 0.151 and 0.391 of the localised
/// posterior).
///
/// The expected multiplicity shortfall (m − 1)/log(nβ) is reported when the
/// landscape knows m (``SGLDEstimate/expectedMultiplicityShortfall``), and a
/// warning names it when m > 1.
///
/// Cost: C·steps gradient evaluations, C·steps/thinning loss evaluations, plus
/// the diagnostics (≤ 20 HVPs for h_max; ``LocalisationDiagnostic``: d HVPs unless
/// H is known, and its loss evaluations), all counted in the result.
/// References: Lau, Furman, Wang, Murfet & Wei, "The Local Learning Coefficient",
/// AISTATS 2025, arXiv:2308.12108; Welling & Teh, ICML 2011 (SGLD); Watanabe,
/// JMLR 14, 2013 (WBIC, β = 1/log n).
public enum SGLDEstimator {
  /// The tuning of the estimator.
  public struct Configuration: Sendable, Equatable {
    /// n, the nominal sample size (β = 1/log n); > 1.
    public var sampleSize: Double
    /// γ, the localisation (devinterp "elasticity"); ≥ 0.
    public var localisation: Double
    /// ε, the step size; `nil` for 0.01/(nβ·max(1, h_max/2)).
    public var stepSize: Double?
    /// C, chains.
    public var chains: Int
    /// Steps per chain, burn-in included.
    public var steps: Int
    /// Steps discarded at the start of each chain.
    public var burnIn: Int
    /// Record L every `thinning` steps.
    public var thinning: Int
    /// Points of each chain's loss trace kept for the sparkline.
    public var traceLength: Int

    /// A configuration (defaults n = 10⁴, γ = 1, ε = `nil` for the default step, C = 8, 20,000 steps, burn-in 4,000,
    /// thinning 10, 48 trace points); ``validate()`` checks the ranges.
    public init(
      sampleSize: Double = 10_000, localisation: Double = 1, stepSize: Double? = nil, chains: Int = 8,
      steps: Int = 20_000, burnIn: Int = 4_000, thinning: Int = 10, traceLength: Int = 48
    ) {
      self.sampleSize = sampleSize
      self.localisation = localisation
      self.stepSize = stepSize
      self.chains = chains
      self.steps = steps
      self.burnIn = burnIn
      self.thinning = thinning
      self.traceLength = traceLength
    }

    /// nβ = n / log n.
    public var nBeta: Double { sampleSize / log(sampleSize) }

    /// Checks the ranges, naming the offending field.
    public func validate() throws(InputError) {
      guard sampleSize > 1, sampleSize.isFinite else {
        throw InputError.parameter(.sampleSize, value: "\(sampleSize)", problem: "n = \(sampleSize) must be a finite number > 1 (β = 1/log n)")
      }
      guard localisation >= 0, localisation.isFinite else {
        throw InputError.parameter(.localisation, value: "\(localisation)", problem: "γ = \(localisation) must be finite and ≥ 0")
      }
      if let e = stepSize, !(e > 0 && e.isFinite) {
        throw InputError.parameter(.stepSize, value: "\(e)", problem: "ε = \(e) must be positive and finite")
      }
      guard chains >= 1 else { throw InputError.parameter(.chains, value: "\(chains)", problem: "\(chains) must be at least 1") }
      guard burnIn >= 0 else { throw InputError.parameter(.burnIn, value: "\(burnIn)", problem: "\(burnIn) must be ≥ 0") }
      guard steps > burnIn else {
        throw InputError.parameter(
          .burnIn, value: "\(burnIn)", problem: "\(burnIn) must be less than \(setting: .chainSteps, steps) (no draws would be kept)")
      }
      guard thinning >= 1 else {
        throw InputError.configuration(field: "SGLD thinning", value: "\(thinning)", problem: "\(thinning) must be at least 1")
      }
      guard (steps - burnIn) / thinning >= 1 else {
        throw InputError.configuration(field: "SGLD thinning", value: "\(thinning)", problem: "no draws after burn-in with this thinning")
      }
    }
  }

  /// Runs the estimator on a loss oracle, with curvature probes through a counted operator.
  ///
  /// - Parameters:
  ///   - oracle: the loss and its gradient; its ``LossOracle/center`` is w*. Every evaluation
  ///     goes through a ``CountingLossOracle``, so the reported counts are counts.
  ///   - hessian: H = ∇²L(w*): the step-size probe (≤ 20 HVPs) and the localisation
  ///     diagnostic (d HVPs, or none when the operator knows its matrix) use it.
  ///   - multiplicity: the multiplicity m of the LLC when known (the verification layer
  ///     passes it): m > 1 adds the (m − 1)/log(nβ) warning; `nil` when unknown.
  /// - Throws: ``InputError`` for an invalid configuration; any error of the oracles.
  public static func estimate(
    oracle: some LossOracle, hessian: HessianOperator, configuration c: Configuration = .init(),
    multiplicity: Int? = nil, using rng: inout SeededGenerator
  ) throws -> SGLDEstimate {
    try c.validate()
    try c.checkBudgets(dimension: oracle.dimension)
    let landscape = CountingLossOracle(oracle)
    let hvpBefore = hessian.applicationCount
    let d = landscape.dimension
    let center = landscape.center
    let base = try landscape.loss(at: center)
    let nBeta = c.nBeta
    var powerRng = rng.child(UInt64.max - 1)
    let curvature = try largestCurvature(of: hessian, using: &powerRng)
    let hMax = curvature.estimate
    let eps = c.stepSize ?? 0.01 / (nBeta * max(1, hMax / 2))
    var diagRng = rng.child(UInt64.max)
    let localisation = try LocalisationDiagnostic(
      oracle: landscape, hessian: hessian, nBeta: nBeta, gamma: c.localisation, using: &diagRng)
    let divergenceLevel = 100 * Double(d + 10)
    var perChain: [Double] = []
    var traces: [[Double]] = []
    var kept: [[Double]] = []
    var diverged = 0
    var g = [Double](repeating: 0, count: d)
    let noise = eps.squareRoot()
    for chain in 0..<c.chains {
      var chainRng = rng.child(UInt64(chain))
      var w = center
      var record: [Double] = []
      var sum = 0.0, count = 0
      var blewUp = false
      for step in 1...c.steps {
        try landscape.gradient(at: w, into: &g)
        for i in 0..<d {
          w[i] += 0.5 * eps * (-nBeta * g[i] + c.localisation * (center[i] - w[i])) + noise * chainRng.nextNormal()
        }
        if step % c.thinning == 0 {
          let k = nBeta * (try landscape.loss(at: w) - base)
          record.append(k)
          if !k.isFinite || k > divergenceLevel {
            blewUp = true
            break
          }
          if step > c.burnIn {
            sum += k
            count += 1
          }
        }
      }
      traces.append(downsample(record, to: c.traceLength))
      if blewUp || count == 0 {
        diverged += 1
        continue
      }
      perChain.append(sum / Double(count))
      kept.append(Array(record.suffix(count)))
    }
    var warnings: [Warning] = []
    if diverged > 0 {
      warnings.append(Warning(
        .chainsDiverged,
        "\(diverged) of \(c.chains) chains diverged (nβ·(L − L*) non-finite or above \(Int(divergenceLevel))) and were dropped: lower the step size"))
    }
    if localisation.largestLocaliserShare > LocalisationDiagnostic.warningThreshold, let r = localisation.flattestRadius {
      warnings.append(Warning(
        .localisationTooStrong,
        String(
          format: "gamma = %g is too large for the flattest direction found (radial degree p ≈ %.2g): the loss confines w only at radius %.3g, where the localiser's share (γ/2)r² = %.3g > %.1f; λ̂ is biased down (need γ ≪ 2/r² = %.3g)",
          c.localisation, localisation.flattestDegree ?? 2, r, localisation.largestLocaliserShare, LocalisationDiagnostic.warningThreshold, 2 / (r * r))))
    }
    if let relaxation = relaxationWarning(
      weakestCurvature: localisation.weakestCurvature, stepSize: eps, nBeta: nBeta, configuration: c)
    {
      warnings.append(relaxation)
    }
    let value = perChain.isEmpty ? nil : perChain.reduce(0, +) / Double(perChain.count)
    var se: Double? = nil
    if let v = value, perChain.count >= 2 {
      let s2 = perChain.reduce(0) { $0 + ($1 - v) * ($1 - v) } / Double(perChain.count - 1)
      se = (s2 / Double(perChain.count)).squareRoot()
    }
    let convergence = ChainConvergence(chains: kept)
    if let cv = convergence {
      warnings += convergenceWarnings(cv, configuration: c, stepSize: eps, flatDirections: localisation.flatDirections)
    }
    let shortfall = multiplicity.map { multiplicityShortfall(multiplicity: $0, nBeta: nBeta) }
    if let m = multiplicity, m > 1, let f = shortfall {
      warnings.append(Warning(
        .multiplicityShortfall,
        String(
          format: "multiplicity m = %d: even an exact sampler reads λ̂ below λ by about (m − 1)/log(nβ) = %.3g at nβ = %.4g (Z(t) ∝ t^{−λ}(log t)^{m−1}, docs/theory.md §6.3), so compare λ̂ with λ − %.3g, not with λ",
          m, f, nBeta, f)))
    }
    let stepBias = 0.5 * eps * nBeta * max(hMax, 0) / 2
    return SGLDEstimate(
      value: value, standardError: se, perChain: perChain, nBeta: nBeta, beta: 1 / log(c.sampleSize),
      localisation: c.localisation, stepSize: eps, chains: c.chains, steps: c.steps, burnIn: c.burnIn,
      thinning: c.thinning, gradientEvaluations: landscape.gradientEvaluations,
      lossEvaluations: landscape.lossEvaluations, hessianVectorProducts: hessian.applicationCount - hvpBefore, divergedChains: diverged,
      largestCurvature: hMax, localiserShare: localisation.largestLocaliserShare,
      flatDirections: localisation.flatDirections, relativeStepBias: stepBias / max(1 - stepBias, 1e-12),
      traces: traces, convergence: convergence, multiplicity: multiplicity, expectedMultiplicityShortfall: shortfall,
      warnings: warnings)
  }

  /// (m − 1)/log(nβ): how far below λ the expectation nβ(E[L] − L*) lies for
  /// a singularity of multiplicity m, to leading order as γ → 0.
  ///
  /// The localised partition function behaves as Z(t) ∝ t^{−λ}(log t)^{m−1}
  /// at inverse temperature t = nβ, and nβ(E[L] − L*) = −t·d log Z/dt =
  /// λ − (m − 1)/log t (theory §6.3). simG checks it: (xy)²
  /// (λ = 1/2, m = 2) reads 0.39 at n = 10⁴, 0.43 at n = 10⁶.
  public static func multiplicityShortfall(multiplicity m: Int, nBeta: Double) -> Double {
    Double(max(m, 1) - 1) / log(nBeta)
  }

  /// The warnings of a ``ChainConvergence`` that did not pass: R̂ above its
  /// threshold (``WarningCode/chainsNotConverged``, with its likely cause and the
  /// factor to lengthen the run by) and a significant drift (``WarningCode/chainsDrifting``).
  ///
  /// The cause named with R̂: when ``LocalisationDiagnostic`` found directions
  /// along which K stays flat (valleys through w*, such as the axes of x²y⁶ or
  /// (xy)²), only γ confines w there, and the chains spread along them at the
  /// rate εγ: over the kept steps they miss the fraction
  /// ``relaxationDeficit(rate:burnIn:steps:)`` at rate εγ of that spread, and λ̂
  /// reads low. Otherwise the draws are simply strongly autocorrelated.
  static func convergenceWarnings(
    _ cv: ChainConvergence, configuration c: Configuration, stepSize eps: Double, flatDirections: Int
  ) -> [Warning] {
    var out: [Warning] = []
    if !cv.mixed {
      let rHat = cv.rHat.isFinite ? String(format: "%.3f", cv.rHat) : "∞"
      var advice = "raise --steps and --burn-in substantially"
      if let k = cv.suggestedLengthFactor {
        advice = "raise --steps and --burn-in about \(k)-fold (to ≈ \(k.saturatingMultiplied(by: c.steps)) and \(k.saturatingMultiplied(by: c.burnIn))), since R̂² − 1 falls like 1/steps"
      }
      let summary = String(
        format: "> %.2f, bulk ESS %.0f of %d kept draws", ChainConvergence.rHatThreshold, cv.effectiveSampleSize, cv.draws)
      var cause = "the draws are strongly autocorrelated, so λ̂ may be off by more than its standard error says (low if the chains have not yet spread from w*, where they start)"
      let rate = eps * c.localisation
      if flatDirections > 0 {
        if rate > 0 {
          let deficit = relaxationDeficit(rate: rate, burnIn: Double(c.burnIn), steps: Double(c.steps))
          if deficit > 0.05 {
            cause = String(
              format: "K is flat along valleys through w* (%d probed directions), where only γ confines w: the chains spread along them over ≈ 1/(εγ) = %.0f steps and have covered only about %.0f%% of that spread in the kept steps, so λ̂ reads low",
              flatDirections, 1 / rate, 100 * (1 - deficit))
          }
        } else {
          cause = "K is flat along valleys through w* (\(flatDirections) probed directions) and γ = 0 does not confine w there: the chains never settle along them"
        }
      }
      out.append(Warning(
        .chainsNotConverged,
        "the chains have not converged: rank-normalised split-R̂ of nβ(L − L*) = \(rHat) \(summary); \(cause); \(advice)"))
    }
    if cv.drifted, let se = cv.driftStandardError {
      out.append(Warning(
        .chainsDrifting,
        String(
          format: "the last half of the kept draws differs from the first by %+.3g (%.1f standard errors, beyond the t quantile %.2g at false-alarm probability %g): the chains are still drifting; raise --burn-in and --steps",
          cv.drift, abs(cv.drift) / se, cv.driftCriticalValue ?? .nan, ChainConvergence.driftFalseAlarmProbability)))
    }
    return out
  }

  /// The leading-order bias band [lower, upper] around the true λ that
  /// E[λ̂] should fall in (see the type's documentation).
  public static func biasBand(lambda: Double, multiplicity m: Int, estimate e: SGLDEstimate) -> ClosedRange<Double> {
    let lower = (lambda - multiplicityShortfall(multiplicity: m, nBeta: e.nBeta)) / (1 + e.localiserShare)
    let upper = lambda * (1 + e.relativeStepBias)
    return min(lower, upper)...upper
  }

  /// Have the chains relaxed along the weakest curved direction h = h_min?
  ///
  /// Along an eigenvector of H with eigenvalue h the chains (started at w*)
  /// follow x ← (1 − εc/2)x + √ε ξ with c = nβh + γ, so the variance reaches
  /// 1 − e^{−εct} of its equilibrium after t steps. Averaged over the kept
  /// steps t ∈ (B, S] the missing fraction is
  ///
  ///     f = (e^{−εcB} − e^{−εcS}) / (εc(S − B)),
  ///
  /// and that direction's share ½/(1 + γ/(nβh)) of λ̂ is short by that fraction.
  /// Returns a ``WarningCode/slowRelaxation`` warning when f > 5%, `nil` otherwise (or when H is zero).
  /// Cost: none (h_min comes from ``LocalisationDiagnostic``).
  static func relaxationWarning(
    weakestCurvature h: Double?, stepSize eps: Double, nBeta: Double, configuration c: Configuration
  ) -> Warning? {
    guard let h, h > 0 else { return nil }
    let rate = eps * (nBeta * h + c.localisation)
    let b = Double(c.burnIn), s = Double(c.steps)
    guard rate > 0, s > b else { return nil }
    let deficit = relaxationDeficit(rate: rate, burnIn: b, steps: s)
    guard deficit > 0.05 else { return nil }
    let share = 0.5 / (1 + c.localisation / (nBeta * h))
    let relaxationSteps = 1 / rate
    return Warning(
      .slowRelaxation,
      String(
        format: "the chains have not relaxed along the weakest curved direction (h = %.3g): its variance relaxes over T = 1/(ε(nβh + γ)) ≈ %.0f steps, so the kept steps reach on average only %.0f%% of it and λ̂ is low by about %.2g; use --burn-in ≳ %.0f and --steps ≳ %.0f (3T and 3T + 20T), or a larger --step-size",
        h, relaxationSteps, 100 * (1 - deficit), share * deficit, 3 * relaxationSteps, 23 * relaxationSteps))
  }

  /// f = (e^{−rB} − e^{−rS}) / (r(S − B)): the mean missing variance fraction
  /// over the kept steps (B, S] of a direction relaxing at rate r per step.
  static func relaxationDeficit(rate r: Double, burnIn b: Double, steps s: Double) -> Double {
    (exp(-r * b) - exp(-r * s)) / (r * (s - b))
  }

  /// h_max ≈ the largest |eigenvalue| of H = ∇²L(w*) by 20 power iterations,
  /// ‖Hv‖ for unit v, through the counted ``HessianOperator``.
  ///
  /// The start is a seeded Gaussian vector: a fixed start can lie in H's null
  /// space (1/√d for (x₀ − x₁)², where Hv = 0), which read h_max = 0, so the
  /// default step ignored the curvature (twice too large there) and the step
  /// bias read 0; a random start lies in the null space with probability 0. Stops early when Hv = 0 (H = 0 along the whole Krylov space).
  /// Cost: at most 20 HVPs, returned with the estimate.
  static func largestCurvature(
    of op: HessianOperator, using rng: inout SeededGenerator
  ) throws -> (estimate: Double, hessianVectorProducts: Int) {
    let d = op.dimension
    guard d > 0 else { return (0, 0) }
    let before = op.applicationCount
    var v = rng.normals(d)
    let start = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
    v = v.map { $0 / start }
    var hv = [Double](repeating: 0, count: d)
    var estimate = 0.0
    for _ in 0..<20 {
      try op.apply(v, into: &hv)
      let norm = hv.reduce(0) { $0 + $1 * $1 }.squareRoot()
      guard norm > 0, norm.isFinite else { break }
      estimate = norm
      for i in 0..<d { v[i] = hv[i] / norm }
    }
    return (estimate, op.applicationCount - before)
  }

  /// Bucket means of `x`, at most `count` of them.
  static func downsample(_ x: [Double], to count: Int) -> [Double] {
    guard x.count > count, count > 0 else { return x }
    return (0..<count).map { b in
      let lo = b * x.count / count, hi = max((b + 1) * x.count / count, lo + 1)
      return x[lo..<hi].reduce(0, +) / Double(hi - lo)
    }
  }
}

/// The result of ``SGLDEstimator``.
public struct SGLDEstimate: Sendable, Equatable, Codable {
  /// λ̂, the mean over non-diverged chains; `nil` if all diverged.
  public var value: Double?
  /// Standard deviation of the per-chain estimates over √(chains); `nil` with < 2 chains.
  public var standardError: Double?
  /// nβ(mean L − L*) per non-diverged chain.
  public var perChain: [Double]
  /// nβ = n/log n and β = 1/log n.
  public var nBeta: Double
  /// β = 1/log n.
  public var beta: Double
  /// γ and ε as used.
  public var localisation: Double
  /// ε as used: the configured one, or the default 0.01/(nβ·max(1, h_max/2)).
  public var stepSize: Double
  /// C, the chains run, diverged ones included.
  public var chains: Int
  /// Steps per chain, burn-in included (a diverged chain stops early).
  public var steps: Int
  /// Steps discarded at the start of each chain.
  public var burnIn: Int
  /// L was recorded every `thinning` steps.
  public var thinning: Int
  /// Cost.
  public var gradientEvaluations: Int
  /// Loss evaluations: one at w*, those of ``LocalisationDiagnostic``, and one per recorded step.
  public var lossEvaluations: Int
  /// Hessian-vector products: the power iteration for h_max (≤ 20) and
  /// ``LocalisationDiagnostic``'s (d, none when H is known).
  public var hessianVectorProducts: Int
  /// Chains dropped because a recorded nβ(L − L*) was non-finite or above 100(d + 10).
  public var divergedChains: Int
  /// h_max, the power-iteration estimate of the largest |eigenvalue| of H, used for the default step.
  public var largestCurvature: Double
  /// η of ``LocalisationDiagnostic`` and its flat-direction count.
  public var localiserShare: Double
  /// The number of probed null-space directions ``LocalisationDiagnostic`` classified flat.
  public var flatDirections: Int
  /// Relative upward Euler–Maruyama bias bound for the stiffest quadratic direction.
  public var relativeStepBias: Double
  /// nβ(L − L*) per chain, bucket-averaged, burn-in included (for sparklines).
  public var traces: [[Double]]
  /// R̂, bulk ESS and drift of the kept draws of nβ(L − L*) (``ChainConvergence``);
  /// `nil` when fewer than 4 draws per chain were kept or every chain diverged.
  public var convergence: ChainConvergence?
  /// m, the landscape's known multiplicity; `nil` when unknown.
  public var multiplicity: Int?
  /// (m − 1)/log(nβ), the leading-order shortfall of E[λ̂] below λ
  /// (``SGLDEstimator/multiplicityShortfall(multiplicity:nBeta:)``); `nil` when m is unknown.
  public var expectedMultiplicityShortfall: Double?
  /// Typed caveats, in this order: diverged chains (``WarningCode/chainsDiverged``), γ too
  /// large (``WarningCode/localisationTooStrong``), unrelaxed chains
  /// (``WarningCode/slowRelaxation``), R̂ too high (``WarningCode/chainsNotConverged``), a
  /// drift between halves (``WarningCode/chainsDrifting``), multiplicity shortfall
  /// (``WarningCode/multiplicityShortfall``); empty when none.
  public var warnings: [Warning]
}
