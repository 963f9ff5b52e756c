import Foundation
import Testing
import TestSupport

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

/// Statistical design (fixed seeds): λ̂ is the mean of C independent chains
/// (child streams), SE their standard deviation over √C, so (λ̂ − E λ̂)/SE is
/// approximately t with C − 1 degrees of freedom. The checks require λ̂ to lie
/// within 3·SE of the documented bias band (``SGLDEstimator/biasBand``), so a
/// correct estimator fails with probability ≤ P(|t_{C−1}| > 3): 0.9% for C = 16,
/// 2.0% for C = 8 (one-sided excursions past the band are rarer still).
@Suite("SGLD estimator")
struct SGLDEstimatorTests {
  static func run(_ spec: String, seed: UInt64, _ c: SGLDEstimator.Configuration) throws -> SGLDEstimate {
    let land = try LandscapeSpec.resolve(spec)
    var rng = SeededGenerator(seed: seed)
    return try SGLDEstimator.estimate(on: land, configuration: c, using: &rng)
  }

  /// The codes of `e`'s warnings.
  static func codes(_ e: SGLDEstimate) -> [WarningCode] { e.warnings.map(\.code) }

  static func withinBand(_ e: SGLDEstimate, lambda: Double, m: Int) -> Bool {
    guard let v = e.value, let se = e.standardError else { return false }
    let band = SGLDEstimator.biasBand(lambda: lambda, multiplicity: m, estimate: e)
    return v >= band.lowerBound - 3 * se && v <= band.upperBound + 3 * se
  }

  @Test("x² + y⁴: within the documented bias of 3/4 (false-failure ≤ 0.9%)")
  func edge() throws {
    let e = try Self.run("poly:x0^2 + x1^4", seed: 21, .init(localisation: 1, chains: 16, steps: 50_000, burnIn: 5_000))
    let se = try #require(e.standardError)
    #expect(Self.withinBand(e, lambda: 0.75, m: 1), "λ̂ = \(e.value ?? .nan) ± \(se)")
    #expect(se < 0.03)
    #expect(e.warnings.isEmpty, "\(e.warnings)")
    #expect(e.gradientEvaluations == 16 * 50_000)
    // The check can fail: the rank's lower bound 1/2 is not within the band.
    #expect(!Self.withinBand(e, lambda: 0.5, m: 1))
  }

  /// DLN 2-1-2 at true rank 0 is K = |a|²|b|², λ = 1, m = 2 (Aoyagi); at
  /// n = 10⁴ the leading-order band is [(1 − 1/log nβ)/(1 + η), 1 + step] ≈ [0.78, 1.0].
  @Test("deep linear network dln-2-1-2: within the documented bias of λ = 1 (false-failure ≤ 2%)")
  func deepLinear() throws {
    let land = try LandscapeSpec.resolve("dln-2-1-2")
    let lambda = try #require(land.knownAnswers.learningCoefficient.value).doubleValue
    let m = try #require(land.knownAnswers.multiplicity.value)
    let e = try Self.run("dln-2-1-2", seed: 22, .init(localisation: 1, chains: 8, steps: 16_000, burnIn: 3_000))
    #expect(Self.withinBand(e, lambda: lambda, m: m), "λ̂ = \(e.value ?? .nan) ± \(e.standardError ?? .nan)")
    #expect(!Self.withinBand(e, lambda: 2, m: 1))  // d/2 (a regular model) is rejected
  }

  /// γ = 100 violates γ ≪ (nβ)^{1/2} = 33 for the y⁴ direction (theory §6.3):
  /// the warning fires, and λ̂ (≈ 0.58 in simG) falls below 3/4 by far more than
  /// 3 SE — the check that ignores the localiser's share η fails, so the
  /// localisation term of the band is doing real work.
  @Test("γ too large for the flattest direction: warned, and biased beyond 3 SE")
  func localisationTooLarge() throws {
    let e = try Self.run("poly:x0^2 + x1^4", seed: 23, .init(localisation: 100, chains: 16, steps: 20_000, burnIn: 4_000))
    #expect(Self.codes(e).contains(.localisationTooStrong), "\(e.warnings)")
    #expect(e.localiserShare > 1)
    let v = try #require(e.value), se = try #require(e.standardError)
    #expect(v + 3 * se < 0.75)
  }

  /// nβ·E[K] under the localised posterior p(w) ∝ exp(−nβK(w) − (γ/2)‖w‖²) for
  /// K = x²|y|^q, by quadrature (independent of the sampler): given y, x is
  /// Gaussian with precision 2nβ|y|^q + γ, so E[nβK | y] = nβ|y|^q/(2nβ|y|^q + γ),
  /// and y has the marginal density ∝ (2nβ|y|^q + γ)^{−1/2} e^{−γy²/2}. Composite
  /// Simpson on [0, 14/√γ] (the tail beyond is below e^{−98}) with 2·10⁵ intervals;
  /// the integrands are smooth (q even) and vary on the scale (γ/2nβ)^{1/q} ≥ 0.02,
  /// 300 intervals at least.
  static func exactLocalisedExpectation(q: Double, nBeta t: Double, gamma g: Double) -> Double {
    let intervals = 200_000
    let b = 14 / g.squareRoot(), h = b / Double(intervals)
    var numerator = 0.0, denominator = 0.0
    for i in 0...intervals {
      let y = Double(i) * h
      let weight: Double = (i == 0 || i == intervals) ? 1 : (i % 2 == 1 ? 4 : 2)
      let k = pow(y, q), precision = 2 * t * k + g
      let density = exp(-g * y * y / 2) / precision.squareRoot()
      numerator += weight * density * t * k / precision
      denominator += weight * density
    }
    return numerator / denominator
  }

  /// The quadrature above against SciPy (`integrate.quad` on the same reduction,
  /// and a 2-D sinh-spaced grid sum without it; both agree to 10⁻¹⁵ at nβ = 10⁴/log 10⁴, γ = 1).
  @Test("the exact localised expectations of x²y⁶ and (xy)² by quadrature (the issue's 0.151 and 0.391)")
  func exactTargets() {
    let nBeta = SGLDEstimator.Configuration().nBeta
    #expect(abs(Self.exactLocalisedExpectation(q: 6, nBeta: nBeta, gamma: 1) - 0.15122595566342123) < 1e-10)
    #expect(abs(Self.exactLocalisedExpectation(q: 2, nBeta: nBeta, gamma: 1) - 0.3912465564676611) < 1e-10)
  }

  /// Issue #15 item 4. At the defaults (8 chains × 20,000 steps, burn-in 4,000,
  /// ε = 0.01/nβ, γ = 1, n = 10⁴) the chains on x²y⁶ and (xy)² have not spread
  /// along the axes, where only γ confines w (relaxation time 1/(εγ) ≈ 108,600
  /// steps), and λ̂ reads low. Measured with the `llc` command over seeds 1…200
  /// (exact target by the quadrature above; λ̂ mean ± its standard error over seeds):
  ///
  /// | landscape, run | mean λ̂ | exact | warned (R̂ > 1.05) | R̂ min / median / max |
  /// |---|---|---|---|---|
  /// | nc-x2y6, defaults | 0.0924 ± 0.0034 | 0.1512 | 200/200 | 1.119 / 1.428 / 1.812 |
  /// | nc-xy2, defaults | 0.3294 ± 0.0040 | 0.3912 | 191/200 | 1.031 / 1.099 / 1.214 |
  /// | nc-x2y4, defaults | 0.1660 ± 0.0042 | 0.2254 | 200/200 | 1.110 / 1.269 / 1.509 |
  /// | nc-x2, defaults | 0.5014 ± 0.0013 | 0.4998 (+0.25% step bias) | 0/200 | 1.000 / 1.004 / 1.011 |
  /// | newton-edge (x² + y⁴), defaults | 0.7523 ± 0.0035 | 0.7472 | 7/200 | 1.008 / 1.027 / 1.063 |
  /// | nc-x4, defaults | 0.2495 ± 0.0032 | 0.2475 | 184/200 | 1.033 / 1.086 / 1.218 |
  /// | nc-x2y6, 600,000 steps, burn-in 120,000 | 0.1491 ± 0.0011 | 0.1512 | 1/120 | 1.004 / 1.017 / 1.053 |
  /// | nc-xy2, 200,000 steps, burn-in 40,000 | 0.3798 ± 0.0022 | 0.3912 | 0/100 | 1.006 / 1.016 / 1.033 |
  ///
  /// So the warning detects every biased default run on x²y⁶ and x²y⁴ and 95.5%
  /// on (xy)², never fires on x², fires on 1 of 120 runs of x²y⁶ long enough to
  /// reach the target (the test below, `HESSIANLAB_SLOW_TESTS=1`) and on 3.5% of
  /// correct x² + y⁴ runs. It measures mixing, not bias: x⁴ at the defaults mixes slowly
  /// (bulk ESS ≈ 80 of 12,800 draws) and is warned on 92% of the runs although
  /// its λ̂ is right there. The drift check fired on none of these 2,020 runs
  /// (its power is low for heavy-tailed draws; it catches common trends).
  ///
  /// This test: x²y⁶ at seeds 1…3 must all warn (0 misses in 200 measured; the
  /// smallest R̂ was 1.119, far above 1.05) and name the valleys as the cause;
  /// (xy)² at seeds 1…6 must warn at least 4 times (miss rate 9/200 measured:
  /// P(≥ 3 misses in 6) ≈ 1.6·10⁻³); x² at seeds 1, 2 must not (largest R̂ 1.011
  /// in 200). On the original code none of these runs warned.
  @Test("SGLD at the defaults: unconverged runs on x²y⁶ and (xy)² are warned, converged x² is not")
  func convergenceAtDefaults() throws {
    let defaults = SGLDEstimator.Configuration()
    for seed: UInt64 in 1...3 {
      let e = try Self.run("nc-x2y6", seed: seed, defaults)
      let c = try #require(e.convergence)
      #expect(!c.mixed && !c.converged && c.rHat > ChainConvergence.rHatThreshold, "seed \(seed): R̂ = \(c.rHat)")
      #expect(c.draws == 8 * 1_600 && c.effectiveSampleSize < 100, "seed \(seed): ESS \(c.effectiveSampleSize)")
      let warning = try #require(e.warnings.first { $0.code == .chainsNotConverged }, "\(e.warnings)")
      // The message names the cause and the remedy.
      #expect(warning.message.contains("valleys") && warning.message.contains("-fold"), "\(warning)")
    }
    var warned = 0
    for seed: UInt64 in 1...6 {
      let e = try Self.run("nc-xy2", seed: seed, defaults)
      if Self.codes(e).contains(.chainsNotConverged) { warned += 1 }
      #expect(Self.codes(e).contains(.chainsNotConverged) == !(e.convergence?.mixed ?? true))
      #expect(Self.codes(e).contains(.chainsDrifting) == (e.convergence?.drifted ?? false))
    }
    #expect(warned >= 4, "(xy)²: \(warned) of 6 default runs warned")
    for seed: UInt64 in 1...2 {
      let e = try Self.run("nc-x2", seed: seed, defaults)
      let c = try #require(e.convergence)
      #expect(c.converged && c.effectiveSampleSize > 800, "seed \(seed): R̂ = \(c.rHat), ESS \(c.effectiveSampleSize)")
      #expect(e.warnings.isEmpty, "\(e.warnings)")
    }
  }

  /// A run long enough to reach the target: x²y⁶ at 30 times the default length
  /// (8 chains × 600,000 steps, burn-in 120,000; 4.8·10⁶ gradients, about a minute in
  /// a debug build, so it runs only with `HESSIANLAB_SLOW_TESTS=1`). Over seeds
  /// 1…120 of the `llc` command it warned once (R̂ = 1.053; median 1.017) and λ̂
  /// averaged 0.1491 ± 0.0011 against the exact 0.1512. Checked here: no convergence warning, and λ̂
  /// within t₇ at false-failure 10⁻³ (5.41 SE) of the quadrature.
  @Test(
    "SGLD on x²y⁶ run 30× longer: converged, silent, on target",
    .enabled(if: ProcessInfo.processInfo.environment["HESSIANLAB_SLOW_TESTS"] == "1", "set HESSIANLAB_SLOW_TESTS=1"))
  func convergedWhenLongEnough() throws {
    let e = try Self.run("nc-x2y6", seed: 1, .init(steps: 600_000, burnIn: 120_000))
    let c = try #require(e.convergence)
    #expect(c.converged, "R̂ = \(c.rHat), drift \(c.drift) ± \(c.driftStandardError ?? .nan)")
    #expect(!Self.codes(e).contains(.chainsNotConverged) && !Self.codes(e).contains(.chainsDrifting), "\(e.warnings)")
    let exact = Self.exactLocalisedExpectation(q: 6, nBeta: e.nBeta, gamma: 1)
    let v = try #require(e.value), se = try #require(e.standardError)
    let t = try Distributions.studentTQuantile(1 - 1e-3 / 2, degreesOfFreedom: 7)
    #expect(abs(v - exact) <= t * se, "λ̂ = \(v) ± \(se), exact \(exact)")
  }

  /// Each cause of ``SGLDEstimator/convergenceWarnings`` has its own code, on chains built
  /// to have exactly one defect (20 chains × 2 000 i.i.d. N(0, 1) draws, seeded):
  /// - shifted chain means (chain c offset by c/2, stationary): R̂ ≫ 1.05, no drift
  ///   (δ_c ~ N(0, 2/1000), |drift|/SE is t₁₉, beyond 3.88 with probability 10⁻³);
  /// - every chain's second half raised by 0.1: drift 0.1 against SE ≈ 0.01 (10 SE, far
  ///   beyond 3.88), while R̂² − 1 ≈ (0.05)² makes R̂ ≈ 1.001 < 1.05;
  /// - unaltered draws: neither.
  @Test("convergence warnings: R̂ is chainsNotConverged, a drift between halves is chainsDrifting")
  func convergenceWarningCodes() throws {
    var rng = SeededGenerator(seed: 29)
    let noise = (0..<20).map { _ in rng.normals(2_000) }
    func codes(_ chains: [[Double]]) throws -> [WarningCode] {
      let cv = try #require(ChainConvergence(chains: chains))
      return SGLDEstimator.convergenceWarnings(cv, configuration: .init(), stepSize: 1e-4, flatDirections: 0).map(\.code)
    }
    let shifted = noise.enumerated().map { c, x in x.map { $0 + Double(c) / 2 } }
    #expect(try codes(shifted) == [.chainsNotConverged])
    let drifting = noise.map { x in x.enumerated().map { i, v in i >= 1_000 ? v + 0.1 : v } }
    #expect(try codes(drifting) == [.chainsDrifting])
    #expect(try codes(noise).isEmpty)
  }

  /// The closed form against the exact variance recursion v ← a²v + ε,
  /// a = 1 − εc/2, started at v = 0 (an independent computation).
  @Test("the relaxation deficit matches the exact AR(1) variance recursion", arguments: [
    (2e-5, 4_000, 20_000), (1e-3, 100, 5_000), (1e-4, 0, 30_000),
  ])
  func deficitFormula(rate: Double, burnIn: Int, steps: Int) {
    let eps = 1e-5, c = rate / eps
    let a = 1 - eps * c / 2
    let equilibrium = eps / (1 - a * a)
    var v = 0.0, missing = 0.0
    for t in 1...steps {
      v = a * a * v + eps
      if t > burnIn { missing += 1 - v / equilibrium }
    }
    missing /= Double(steps - burnIn)
    let formula = SGLDEstimator.relaxationDeficit(rate: rate, burnIn: Double(burnIn), steps: Double(steps))
    #expect(abs(formula - missing) <= 0.01 * max(missing, 1e-3), "formula \(formula), recursion \(missing)")
  }

  /// quad:1,0.001: the weak direction relaxes over T ≈ 52 000 steps at the
  /// default ε, far beyond 20 000 steps. The warning fires, and it is not a false
  /// alarm: λ̂ is below the equilibrium value ½/(1 + γ/(nβ·10⁻³)) + ½/(1 + γ/nβ)
  /// ≈ 0.76 (which already includes the localiser's bias) by more than 3 SE.
  /// Relaxed (no warning) on a well-conditioned quadratic.
  @Test("chains too short for the weakest direction: warned, and really biased")
  func relaxation() throws {
    let e = try Self.run("quad:1,0.001:d=4", seed: 25, .init(localisation: 1, chains: 8, steps: 20_000, burnIn: 4_000))
    #expect(Self.codes(e).contains(.slowRelaxation), "\(e.warnings)")
    let nBeta = e.nBeta
    let equilibrium = 0.5 / (1 + 1 / (nBeta * 0.001)) + 0.5 / (1 + 1 / nBeta)
    let v = try #require(e.value), se = try #require(e.standardError)
    #expect(v + 3 * se < equilibrium, "λ̂ = \(v) ± \(se), equilibrium \(equilibrium)")
    let fine = try Self.run("quad:1,2:d=2", seed: 26, .init(localisation: 1, chains: 2, steps: 2_000, burnIn: 500))
    #expect(!Self.codes(fine).contains(.slowRelaxation), "\(fine.warnings)")
  }

  /// (x₀ − x₁)²: H = [[2, −2], [−2, 2]], eigenvalues 4 and 0 (dense, independent
  /// of the estimator). The old power iteration started at 1/√d = (1, 1)/√2, in
  /// H's null space: Hv = 0, h_max read 0, the default step was 0.01/nβ (twice
  /// 0.01/(nβ·h_max/2)) and the reported step bias 0. A seeded random start finds
  /// 4 after one product (H has rank 1), to rounding.
  @Test("h_max from a seeded random start: (x₀ − x₁)² reads 4, not 0, and its HVPs are counted")
  func largestCurvatureFromRandomStart() throws {
    let land = try LandscapeSpec.resolve("poly:(x0-x1)^2")
    let dense = try SymmetricEigen.decomposition(of: land.denseHessianAtMinimum())
    let hMax = try #require(dense.values.map(abs).max())
    #expect(abs(hMax - 4) <= Tolerance.dense(n: 2, scale: 4))
    let e = try Self.run("poly:(x0-x1)^2", seed: 27, .init(chains: 2, steps: 400, burnIn: 100))
    #expect(abs(e.largestCurvature - hMax) <= Tolerance.dense(n: 2, scale: hMax), "h_max = \(e.largestCurvature)")
    // The default step 0.01/(nβ·max(1, h_max/2)) = 0.01/(2nβ), to h_max's relative rounding.
    #expect(abs(e.stepSize * 2 * e.nBeta / 0.01 - 1) <= Tolerance.dense(n: 2, scale: 1))
    let bias = 0.5 * e.stepSize * e.nBeta * hMax / 2
    #expect(abs(e.relativeStepBias - bias / (1 - bias)) <= 1e-12 && e.relativeStepBias > 0.004)
    // 20 power-iteration products (the landscape knows H, so the localisation diagnostic needs none).
    var diagnosticRng = SeededGenerator(seed: 1)
    let localisation = try LocalisationDiagnostic(landscape: land, nBeta: e.nBeta, gamma: 1, using: &diagnosticRng)
    #expect(e.hessianVectorProducts == 20 + localisation.hessianVectorProducts, "\(e.hessianVectorProducts) HVPs")
    var rng = SeededGenerator(seed: 5)
    let direct = try SGLDEstimator.largestCurvature(of: HessianOperator(landscape: land), using: &rng)
    #expect(direct.hessianVectorProducts == 20 && abs(direct.estimate - hMax) <= Tolerance.dense(n: 2, scale: hMax))
    // H = 0 (x⁴): the first product is zero and the iteration stops there.
    var zeroRng = SeededGenerator(seed: 5)
    let flat = try SGLDEstimator.largestCurvature(of: HessianOperator(landscape: try LandscapeSpec.resolve("nc-x4")), using: &zeroRng)
    #expect(flat.estimate == 0 && flat.hessianVectorProducts == 1)
  }

  /// Multiplicity: Z(t) ∝ t^{−λ}(log t)^{m−1} makes nβ(E[L] − L*) = λ − (m − 1)/log(nβ)
  /// to leading order (theory §6.3): 1/log(1085.7) = 0.1431 for (xy)² (m = 2), 0 for
  /// x² (m = 1), unknown (nil) where the landscape does not know m.
  @Test("multiplicity m > 1: the expected shortfall (m − 1)/log(nβ) is reported and warned")
  func multiplicityShortfall() throws {
    let config = SGLDEstimator.Configuration(chains: 2, steps: 400, burnIn: 100)
    let xy = try Self.run("nc-xy2", seed: 28, config)
    #expect(xy.multiplicity == 2)
    let shortfall = try #require(xy.expectedMultiplicityShortfall)
    #expect(abs(shortfall - 1 / log(10_000 / log(10_000.0))) <= 1e-15)
    #expect(abs(shortfall - 0.1431) < 5e-5)
    let warning = try #require(xy.warnings.first { $0.code == .multiplicityShortfall }, "\(xy.warnings)")
    #expect(warning.message.contains("multiplicity m = 2") && warning.message.contains("0.143"), "\(warning)")
    let x2 = try Self.run("nc-x2", seed: 28, config)
    #expect(x2.expectedMultiplicityShortfall == 0 && !Self.codes(x2).contains(.multiplicityShortfall))
    let unknown = try Self.run("poly-degenerate", seed: 28, config)
    #expect(unknown.multiplicity == nil && unknown.expectedMultiplicityShortfall == nil)
    #expect(SGLDEstimator.multiplicityShortfall(multiplicity: 3, nBeta: exp(2)) == 1)
  }

  @Test("a step far too large diverges and is reported")
  func divergence() throws {
    let e = try Self.run("poly:x0^2 + x1^4", seed: 24, .init(stepSize: 0.5, chains: 2, steps: 2_000, burnIn: 100))
    #expect(e.divergedChains == 2 && e.value == nil)
    #expect(Self.codes(e).contains(.chainsDiverged), "\(e.warnings)")
    // The same landscape at a stable step (the edge test's run) diverges nowhere and says nothing of it.
    let stable = try Self.run("poly:x0^2 + x1^4", seed: 24, .init(chains: 2, steps: 2_000, burnIn: 100))
    #expect(stable.divergedChains == 0 && !Self.codes(stable).contains(.chainsDiverged), "\(stable.warnings)")
  }

  @Test("chains are reproducible from the seed and independent of the chain count")
  func reproducible() throws {
    let c2 = SGLDEstimator.Configuration(chains: 2, steps: 2_000, burnIn: 500)
    var c3 = c2
    c3.chains = 3
    let a = try Self.run("poly:x0^2 + x1^4", seed: 9, c2)
    let b = try Self.run("poly:x0^2 + x1^4", seed: 9, c2)
    let wider = try Self.run("poly:x0^2 + x1^4", seed: 9, c3)
    let other = try Self.run("poly:x0^2 + x1^4", seed: 10, c2)
    #expect(a == b)
    #expect(Array(wider.perChain.prefix(2)) == a.perChain)
    #expect(other.perChain != a.perChain)
    #expect(a.traces.count == 2 && a.traces.allSatisfy { $0.count == 48 })
  }
}
