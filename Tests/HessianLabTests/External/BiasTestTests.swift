import Foundation
import Testing

import HessianLab
@testable import HessianVerification

@Suite("BiasTest: the t-test of mean(value − truth)")
struct BiasTestTests {
  @Test("The statistic and the critical value (SciPy: t_11(0.9975) = 3.4966)")
  func values() throws {
    let b = try BiasTest.run(values: [1.1, 0.9, 1.2, 1.0], truth: 1, falseFailureProbability: 0.05)
    #expect(abs(b.mean - 0.05) < 1e-12)
    // s² = ((0.05)² + (0.15)² + (0.15)² + (0.05)²)/3 = 0.05/3, se = √(0.05/3/4).
    #expect(abs(b.standardError - (0.05 / 3 / 4).squareRoot()) < 1e-12)
    #expect(b.degreesOfFreedom == 3)
    let c = try BiasTest.run(values: Array(repeating: 0, count: 11) + [1], truth: 0, falseFailureProbability: 0.005)
    #expect(abs(c.critical - 3.4966141732536835) < 1e-6)
  }

  @Test("No spread: the truth itself (to rounding) passes, a constant offset fails")
  func noSpread() throws {
    #expect(try BiasTest.run(values: [8 + 1e-12, 8 + 1e-12], truth: 8, falseFailureProbability: 0.01).passed)
    #expect(try BiasTest.run(values: [8, 8, 8], truth: 8, falseFailureProbability: 0.01).passed)
    let off = try BiasTest.run(values: [8.3, 8.3, 8.3], truth: 8, falseFailureProbability: 0.01)
    #expect(!off.passed)
    #expect(off.t == .greatestFiniteMagnitude)
    #expect(off.derivation.contains("> t_2(1 − p/2)"), "\(off.derivation)")
  }

  /// 4000 simulated calibrations of n = 10 normal runs at p = 0.05. Unbiased: the t-test is
  /// exact, so the failures are Binomial(4000, 0.05); a bias of 2.5·σ/√n is caught with the
  /// noncentral-t power 0.6061 (SciPy `nct`). Both counts must fall in their bands of
  /// probability 1 − 1e-6 (``RateBand``). A z-test in place of the t-test (rate 0.08 at n = 10:
  /// 332 failures against the band [136, 271], checked by breaking it) falls outside the first band.
  @Test("Its false-failure rate is p and its power the noncentral t's")
  func rates() throws {
    let m = 4000, n = 10, p = 0.05, sigma = 0.1, truth = 0.5
    var rng = SeededGenerator(seed: 2026)
    var nullFailures = 0, biasedCaught = 0
    let shift = 2.5 * sigma / Double(n).squareRoot()
    for _ in 0..<m {
      let noise = rng.normals(n).map { $0 * sigma }
      if !(try BiasTest.run(values: noise.map { truth + $0 }, truth: truth, falseFailureProbability: p).passed) { nullFailures += 1 }
      if !(try BiasTest.run(values: noise.map { truth + shift + $0 }, truth: truth, falseFailureProbability: p).passed) {
        biasedCaught += 1
      }
    }
    #expect(RateBand.band(trials: m, probability: p, risk: 1e-6).contains(nullFailures), "\(nullFailures) of \(m)")
    #expect(RateBand.band(trials: m, probability: 0.6061383742015277, risk: 1e-6).contains(biasedCaught), "\(biasedCaught) of \(m)")
  }
}
