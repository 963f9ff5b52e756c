import Foundation
import Testing

@testable import HessianLab

/// Statistical design of these checks (fixed seeds; the false-failure
/// probability is what a *correct* estimator would suffer on a random seed):
///
/// - The estimate is a linear function (an OLS slope) of R = 16 independent
///   splitting runs, so it is close to normal. Its standard error is the larger
///   of the between-run value (15 degrees of freedom) and the ideal-splitting
///   Poisson value. With an unbiased estimate, P(|λ̂ − λ| > 3·SE) ≤ P(|t₁₅| > 3)
///   = 0.0090 per check (≤ 0.0027 when the Poisson value dominates).
/// - "within 0.05" is implied by 3·SE once SE ≤ 0.05/3, which each test
///   asserts first (so the budget is large enough for the check to bite).
/// - Deterministic bias of the fit range [1e-12, 1e-4] from the quadrature of
///   math notes §4 (simF2): ≤ 0.003 for x² + y⁴, ≈ 0.01 for (xy)² with the m = 2
///   correction, O(ε) for quadratics — small next to 3·SE ≈ 0.03.
@Suite("Volume-scaling estimator")
struct VolumeScalingEstimatorTests {
  static let config = VolumeScalingEstimator.Configuration(
    epsilonMin: 1e-12, epsilonMax: 1e-4, gridPoints: 15, replicates: 16,
    splitting: .init(particles: 40, movesPerIteration: 10))

  static func estimate(_ spec: String, multiplicity: Int, seed: UInt64, config: VolumeScalingEstimator.Configuration = config)
    throws -> VolumeScalingEstimate
  {
    let land = try LandscapeSpec.resolve(spec)
    var rng = SeededGenerator(seed: seed)
    return try VolumeScalingEstimator.estimate(on: land, multiplicity: multiplicity, configuration: config, using: &rng)
  }

  /// |λ̂ − λ| ≤ 3·SE and ≤ 0.05.
  static func agrees(_ e: VolumeScalingEstimate, _ lambda: Double, value: Double? = nil) -> Bool {
    guard let v = value ?? e.value, let se = e.standardError else { return false }
    return abs(v - lambda) <= 3 * se && abs(v - lambda) <= 0.05
  }

  @Test("x² + y⁴: λ = 3/4 within 3 SE and 0.05 (false-failure ≤ 0.9%)")
  func edge() throws {
    let e = try Self.estimate("poly:x0^2 + x1^4", multiplicity: 1, seed: 11)
    let se = try #require(e.standardError)
    #expect(se <= 0.05 / 3)
    #expect(Self.agrees(e, 0.75), "λ̂ = \(e.value ?? .nan) ± \(se)")
    #expect(e.lossEvaluations > 0 && e.warnings.isEmpty)
    // The check can fail: λ = 1/2 (what the Hessian rank alone would suggest) is rejected.
    #expect(!Self.agrees(e, 0.5))
  }

  @Test("rank-2 quadratic in d = 12 (random basis): λ = 1 (false-failure ≤ 0.9%)")
  func quadratic() throws {
    let land = try LandscapeSpec.resolve("quad:1,3:d=12:seed=7")
    #expect(land.knownAnswers.learningCoefficient.value == Rational(1))
    let e = try Self.estimate("quad:1,3:d=12:seed=7", multiplicity: 1, seed: 12)
    let se = try #require(e.standardError)
    #expect(se <= 0.05 / 3)
    #expect(Self.agrees(e, 1), "λ̂ = \(e.value ?? .nan) ± \(se)")
    #expect(!Self.agrees(e, 6))  // d/2: the check would catch a method blind to the flat directions
  }

  /// (xy)², λ = 1/2, m = 2: with the (m − 1) log correction the estimate agrees;
  /// the naive slope over the same runs is biased down by ≈ 1/log(1/ε) and fails
  /// the same check (the multiplicity bias, math notes §4).
  @Test("(xy)²: agrees with the m = 2 correction, the naive slope fails (false-failure ≤ 0.9%)")
  func multiplicity() throws {
    let e = try Self.estimate("poly:(x0*x1)^2", multiplicity: 2, seed: 13)
    let se = try #require(e.standardError)
    let naive = try #require(e.uncorrectedValue)
    #expect(se <= 0.05 / 3)
    #expect(Self.agrees(e, 0.5), "λ̂ = \(e.value ?? .nan) ± \(se)")
    #expect(!Self.agrees(e, 0.5, value: naive), "naive slope \(naive)")
    #expect(naive < 0.5 - 0.04)
  }

  /// d = 30, rank 2: rare-event sampling reaches P ≈ 1e-12 with a few 10⁵
  /// evaluations (plain Monte Carlo: ~10¹⁴). Looser budget: 3-SE check only.
  @Test("d = 30 quadratic of rank 2 reaches ε = 1e-12 and agrees within 3 SE (false-failure ≤ 0.9%)")
  func dimension30() throws {
    var c = Self.config
    c.splitting = .init(particles: 40, movesPerIteration: 6)
    let e = try Self.estimate("quad:1,2:d=30:seed=5", multiplicity: 1, seed: 14, config: c)
    let v = try #require(e.value), se = try #require(e.standardError)
    #expect(abs(v - 1) <= 3 * se, "λ̂ = \(v) ± \(se)")
    #expect((e.plainMonteCarloEquivalent ?? 0) > 1e12)
    #expect(e.lossEvaluations < 3_000_000)
  }

  @Test("same seed, same estimate; another seed, another estimate")
  func reproducible() throws {
    var c = Self.config
    c.replicates = 2
    let a = try Self.estimate("poly:x0^2 + x1^4", multiplicity: 1, seed: 5, config: c)
    let b = try Self.estimate("poly:x0^2 + x1^4", multiplicity: 1, seed: 5, config: c)
    let other = try Self.estimate("poly:x0^2 + x1^4", multiplicity: 1, seed: 6, config: c)
    #expect(a == b)
    #expect(a.value != other.value)
  }

  @Test("bad ranges are input errors naming the option")
  func validation() throws {
    let land = try LandscapeSpec.resolve("poly:x0^2")
    var rng = SeededGenerator(seed: 1)
    #expect(throws: InputError.self) {
      try VolumeScalingEstimator.estimate(on: land, multiplicity: 1, configuration: .init(epsilonMin: 1e-3, epsilonMax: 1e-4), using: &rng)
    }
    #expect(throws: InputError.self) { try VolumeScalingEstimator.estimate(on: land, multiplicity: 0, using: &rng) }
  }
}
