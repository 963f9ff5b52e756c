import Foundation
import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("Chain convergence: rank-normalised split-R̂, bulk ESS, drift")
struct ChainConvergenceTests {
  /// Deterministic chains that Python builds bit for bit: a 64-bit LCG
  /// (Knuth's MMIX constants), u = (s >> 11)·2⁻⁵³, x ← φx + (u − ½), and
  /// chain c reported as (x + shift·c)(1 + scale·c), or its exponential.
  static func chains(
    _ count: Int, _ n: Int, phi: Double, shift: Double, scale: Double, exponential: Bool, seed: UInt64
  ) -> [[Double]] {
    var s = seed
    return (0..<count).map { c in
      var x = 0.0
      return (0..<n).map { _ in
        s = s &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let u = Double(s >> 11) * 0x1p-53
        x = phi * x + (u - 0.5)
        let v = (x + shift * Double(c)) * (1 + scale * Double(c))
        return exponential ? exp(v) : v
      }
    }
  }

  /// Reference values from ArviZ (`arviz_stats` 0.8.0, `array_stats.rhat(x, method=…)` with
  /// "rank", "z_scale" (bulk) and "folded", and `array_stats.ess(x, method="bulk")`) on the same
  /// chains: an independent implementation (FFT autocovariances, SciPy ranks and normal quantiles).
  /// Agreement to 10⁻¹⁰ relative: only summation order differs.
  static let arviz:
    [(chains: Int, n: Int, phi: Double, shift: Double, scale: Double, exponential: Bool, seed: UInt64,
      rHat: Double, bulk: Double, folded: Double, ess: Double)] = [
      (4, 100, 0.9, 0, 0, false, 1, 1.2160304566771503, 1.2160304566771503, 1.0201518951213562, 16.23491273753556),
      (4, 101, 0.5, 0.3, 0, false, 2, 1.538619880832972, 1.538619880832972, 1.1077731761696477, 7.944123769414103),
      (3, 80, 0.2, 0, 1, false, 3, 1.1809646736897774, 1.008402074913772, 1.1809646736897774, 167.22315417124216),
      (8, 200, 0.95, 0, 0, true, 4, 1.3611169369337517, 1.3611169369337517, 1.187191356232, 19.264077163055365),
      (2, 9, 0, 0, 0, false, 5, 1.0638114727541055, 0.9364030779205266, 1.0638114727541055, 19.265919722494797),
    ]

  @Test("R̂ (rank, bulk, folded) and bulk ESS match ArviZ", arguments: arviz.indices)
  func matchesArviZ(_ i: Int) throws {
    let r = Self.arviz[i]
    let x = Self.chains(r.chains, r.n, phi: r.phi, shift: r.shift, scale: r.scale, exponential: r.exponential, seed: r.seed)
    let c = try #require(ChainConvergence(chains: x))
    func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-10 * abs(b) }
    #expect(close(c.rHat, r.rHat), "R̂ \(c.rHat) vs ArviZ \(r.rHat)")
    #expect(close(c.bulkRHat, r.bulk), "bulk R̂ \(c.bulkRHat) vs ArviZ \(r.bulk)")
    #expect(close(c.foldedRHat, r.folded), "folded R̂ \(c.foldedRHat) vs ArviZ \(r.folded)")
    #expect(close(c.effectiveSampleSize, r.ess), "ESS \(c.effectiveSampleSize) vs ArviZ \(r.ess)")
    #expect(c.draws == 2 * r.chains * (r.n / 2) && c.chains == r.chains)
  }

  @Test("Exact cases: constant draws, chains stuck at different levels, too few draws")
  func exactCases() throws {
    let constant = try #require(ChainConvergence(chains: Array(repeating: Array(repeating: 0.25, count: 10), count: 3)))
    #expect(constant.rHat == 1 && constant.effectiveSampleSize == 30 && constant.drift == 0 && constant.converged)
    // Every half chain constant, at two levels: W = 0 < B.
    let stuck = try #require(ChainConvergence(chains: [Array(repeating: 0, count: 8), Array(repeating: 1, count: 8)]))
    #expect(stuck.rHat == .infinity && !stuck.mixed && !stuck.converged && stuck.suggestedLengthFactor == nil)
    #expect(ChainConvergence(chains: [[1, 2, 3]]) == nil)
    #expect(ChainConvergence(chains: []) == nil)
    #expect(ChainConvergence(chains: [[0, 1, .nan, 2, 3]]) == nil)
    // One chain: split-R̂ still compares its halves; no drift test without a spread over chains.
    let one = try #require(ChainConvergence(chains: [[0, 1, 0, 1, 0, 1, 0, 1]]))
    #expect(one.driftStandardError == nil && !one.drifted)
    // A chain that is still climbing: its halves disagree.
    let ramp = try #require(ChainConvergence(chains: (0..<4).map { c in (0..<40).map { Double($0) + 0.1 * Double(c) } }))
    #expect(!ramp.mixed && abs(ramp.drift - 20) < 1e-12 && ramp.drifted)
  }

  /// Independent N(0, 1) draws: B/W is F(M − 1, M(N − 1)) (exactly for the raw
  /// draws, to rank-normalisation accuracy here), so R̂² = (N − 1)/N + (B/W)/N.
  /// A union bound over the numerator's upper and the denominator's lower χ²
  /// tail at p/2 each, and over the bulk and folded R̂, gives P(R̂ > bound) ≤ 2p,
  /// p = 10⁻⁶. Power: one chain of eight shifted by half a standard deviation
  /// gives B/W ≈ 15, far above the bound's F ≈ 4.
  @Test("i.i.d. chains pass within their F bound; one shifted chain fails it (false failure ≤ 2·10⁻⁶)")
  func independentDraws() throws {
    let chains = 8, n = 1_000
    let m = 2 * chains, half = n / 2
    let p = 1e-6
    let numerator = try Distributions.chiSquareQuantile(1 - p / 2, degreesOfFreedom: Double(m - 1)) / Double(m - 1)
    let denominatorDOF = Double(m * (half - 1))
    let denominator = try Distributions.chiSquareQuantile(p / 2, degreesOfFreedom: denominatorDOF) / denominatorDOF
    let f = numerator / denominator
    let bound = ((Double(half) - 1 + f) / Double(half)).squareRoot()
    for seed: UInt64 in [41, 42, 43] {
      var rng = SeededGenerator(seed: seed)
      var x = (0..<chains).map { _ in rng.normals(n) }
      let c = try #require(ChainConvergence(chains: x))
      #expect(c.rHat <= bound, "seed \(seed): R̂ = \(c.rHat), bound \(bound)")
      #expect(c.converged)
      x[0] = x[0].map { $0 + 0.5 }
      let shifted = try #require(ChainConvergence(chains: x))
      #expect(shifted.rHat > bound, "seed \(seed): shifted R̂ = \(shifted.rHat), bound \(bound)")
    }
  }

  /// The drift test is an exact t test for normal draws: independent N(0, 1)
  /// chains give drift/SE ~ t_{C−1}, so it fires with probability exactly
  /// p = 10⁻³. Over T = 2000 sets the count is Binomial(T, p); the test allows
  /// the smallest k with P(count ≥ k) ≤ 10⁻⁶, and the same count with the
  /// normal quantile in place of t₃'s (a plausible defect, rate ≈ 5%) exceeds it. Power: a trend of 3 per draw
  /// (half means 15 apart, δ_c's standard deviation √(2/5)) is missed only if the
  /// sample sd of 4 deltas exceeds 3.7 times its true value, P(χ²₃ > 41) < 10⁻⁸.
  @Test("drift between halves: false-alarm rate at its stated 10⁻³ (false failure ≤ 10⁻⁶), trends caught")
  func driftFalseAlarms() throws {
    let trials = 2_000, chains = 4, n = 10, trendTrials = 200
    var rng = SeededGenerator(seed: 44)
    var alarms = 0, normalAlarms = 0, caught = 0
    let z = try Distributions.twoSidedNormalQuantile(falseFailureProbability: ChainConvergence.driftFalseAlarmProbability)
    for _ in 0..<trials {
      let x = (0..<chains).map { _ in rng.normals(n) }
      let c = try #require(ChainConvergence(chains: x))
      if c.drifted { alarms += 1 }
      if abs(c.drift) > z * (c.driftStandardError ?? .infinity) { normalAlarms += 1 }
    }
    for _ in 0..<trendTrials {
      let x = (0..<chains).map { _ in rng.normals(n) }
      let trend = x.map { c in c.enumerated().map { $0.element + 3 * Double($0.offset) } }
      if try #require(ChainConvergence(chains: trend)).drifted { caught += 1 }
    }
    var limit = 0
    while BinomialBound.upperTail(successes: limit, trials: trials, probability: ChainConvergence.driftFalseAlarmProbability) > 1e-6 {
      limit += 1
    }
    #expect(alarms < limit, "\(alarms) alarms in \(trials), limit \(limit)")
    // The defect of a normal quantile (3.29) in place of t₃'s (12.9) fires about 5% of the time.
    #expect(normalAlarms >= limit, "\(normalAlarms) alarms with the normal quantile, limit \(limit)")
    #expect(caught == trendTrials)
  }

  @Test("suggested length factor: 2(R̂² − 1)/(1.05² − 1), rounded up, at least 2")
  func lengthFactor() throws {
    let c = try #require(ChainConvergence(chains: Self.chains(4, 101, phi: 0.5, shift: 0.3, scale: 0, exponential: false, seed: 2)))
    let expected = Int((2 * (c.rHat * c.rHat - 1) / (1.05 * 1.05 - 1)).rounded(.up))
    #expect(c.suggestedLengthFactor == max(2, expected) && expected > 2)
  }
}
