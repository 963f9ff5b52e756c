import Foundation
import GSLBridge
import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

/// Statistical design (fixed seeds; false-failure probability p per check, the
/// chance that a correct sampler fails on a random seed):
///
/// R independent runs (child streams 0…R−1) each give log F̂(ε) = −#{levels ≥ ε}/N.
/// With exact moves #{levels ≥ ε} ~ Poisson(N·t), t = −log F(ε), so one run has
/// variance t/N; with correlated moves it is larger. The mean over the runs is
/// compared with the reference through SE = max(between-run SE, √(t/(RN))) and
/// Student's t with R − 1 degrees of freedom (the between-run SE is estimated),
/// |mean − reference| ≤ t_{R−1}(1 − p/2)·√(SE² + SE_ref²), p = 10⁻⁶.
@Suite("Multilevel splitting")
struct MultilevelSplittingTests {
  static let p = 1e-6

  /// Mean of log F̂(ε) over R runs, its standard error (as above) and the runs.
  static func pooled(
    _ land: some Landscape, level: Double, runs r: Int, configuration c: MultilevelSplitting.Configuration, seed: UInt64
  ) throws -> (mean: Double, se: Double, runs: [MultilevelSplitting.Run]) {
    let root = SeededGenerator(seed: seed)
    var runs: [MultilevelSplitting.Run] = []
    for i in 0..<r {
      var g = root.child(UInt64(i))
      runs.append(try MultilevelSplitting.run(on: land, targetLevel: level, configuration: c, using: &g))
    }
    let values = runs.map { $0.logTailProbability(below: level) }
    let mean = values.reduce(0, +) / Double(r)
    let s2 = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(r - 1)
    let ideal = (max(-mean, 0) / Double(r * c.particles)).squareRoot()
    return (mean, max((s2 / Double(r)).squareRoot(), ideal), runs)
  }

  /// x² in d = 1: F(ε) = P(X² < ε) = erf(√(ε/2)) exactly.
  @Test("x²: log F̂(10⁻⁶) matches erf(√(ε/2)) (false-failure 10⁻⁶)")
  func exactTail() throws {
    let land = try LandscapeSpec.resolve("poly:x0^2")
    let epsilon = 1e-6
    let exact = log(erf((epsilon / 2).squareRoot()))  // −7.1335
    let c = MultilevelSplitting.Configuration(particles: 128, movesPerIteration: 5)
    let (mean, se, runs) = try Self.pooled(land, level: epsilon, runs: 16, configuration: c, seed: 61)
    let bound = try Distributions.studentTQuantile(1 - Self.p / 2, degreesOfFreedom: 15) * se
    #expect(abs(mean - exact) <= bound, "log F̂ = \(mean) ± \(se), exact \(exact), bound \(bound)")
    // Power: an exponent 10% off (λ = 0.55 instead of 1/2) moves log F(10⁻⁶) by 0.05·ln 10⁶ = 0.69.
    #expect(bound < 0.05 * log(1 / epsilon), "bound \(bound) too wide to see a 10% exponent error")
    for run in runs {
      #expect(run.reachedTarget && run.finalLevel < epsilon)
      #expect(zip(run.levels, run.levels.dropFirst()).allSatisfy { $0 >= $1 })
      #expect(run.logTailProbability(below: epsilon) == -Double(run.levels.count) / 128)
      #expect(run.lossEvaluations > run.levels.count * c.movesPerIteration)
      #expect(run.gradientEvaluations > 0 && run.gradientEvaluations <= run.levels.count * c.movesPerIteration)
    }
  }

  /// dln-5-3-5 (d = 30): the level sets are thin tubes around a curved 13-dimensional
  /// true set. Reference: plain Monte Carlo, 2·10⁸ draws of N(w*, I) (NumPy,
  /// `default_rng(20260)`, K = ‖W₂W₁ − E₁₁‖²): 863 below ε = 10^0.5, so
  /// log F = log(863/2·10⁸) = −12.3534 with standard error 1/√863 = 0.034.
  /// The earlier random-walk sampler (differential evolution and pCN moves) read it too
  /// high: −11.45 ± 0.08 with 20 moves and N = 64, −10.0 with 6 moves.
  @Test("dln-5-3-5: log F̂(10^0.5) matches plain Monte Carlo (false-failure 10⁻⁶)")
  func deepLinearNetworkTail() throws {
    let land = try DeepLinearNetwork535()
    #expect(land.agreesWithZoo())
    let (reference, referenceSE) = (-12.3534, 0.034)
    let (mean, se, _) = try Self.pooled(land, level: pow(10, 0.5), runs: 16, configuration: .init(), seed: 62)
    let combined = (se * se + referenceSE * referenceSE).squareRoot()
    let bound = try Distributions.studentTQuantile(1 - Self.p / 2, degreesOfFreedom: 15) * combined
    #expect(abs(mean - reference) <= bound, "log F̂ = \(mean) ± \(se), plain Monte Carlo \(reference) ± \(referenceSE)")
    // Power: the earlier sampler's error at this level (−11.45 + 12.35 = 0.9 with 20 moves) lies outside the bound.
    #expect(bound < 0.9, "bound \(bound)")
  }

  @Test("same seed, same levels")
  func reproducible() throws {
    let land = try LandscapeSpec.resolve("poly:x0^2 + x1^4")
    let c = MultilevelSplitting.Configuration(particles: 16, movesPerIteration: 3)
    var a = SeededGenerator(seed: 9), b = SeededGenerator(seed: 9)
    let ra = try MultilevelSplitting.run(on: land, targetLevel: 1e-4, configuration: c, using: &a)
    let rb = try MultilevelSplitting.run(on: land, targetLevel: 1e-4, configuration: c, using: &b)
    #expect(ra == rb)
  }
}
