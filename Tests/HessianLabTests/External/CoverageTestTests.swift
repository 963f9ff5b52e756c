import Foundation
import Testing

import HessianLab
@testable import HessianVerification

@Suite("CoverageTest: value ± 1.96·SE against 95% with Clopper–Pearson")
struct CoverageTestTests {
  /// SciPy: U(8, 12; 0.0025) = beta.ppf(0.9975, 9, 4) = 0.94846, U(9, 12) = 0.97628,
  /// L(8, 12; 0.0025) = beta.ppf(0.0025, 8, 5) = 0.24616.
  @Test("The interval equals SciPy's beta quantiles; the verdict flips between k = 8 and 9 of 12")
  func interval() throws {
    func run(covered k: Int) throws -> CoverageTest {
      let values = (0..<12).map { $0 < k ? 0.0 : 1.0 }
      return try CoverageTest.run(values: values, standardErrors: Array(repeating: 0.1, count: 12), truth: 0, falseFailureProbability: 0.005)
    }
    let eight = try run(covered: 8), nine = try run(covered: 9)
    #expect(abs(eight.upper - 0.9484569220987811) < 1e-6)
    #expect(abs(eight.lower - 0.24615508369975309) < 1e-6)
    #expect(abs(nine.upper - 0.9762802111889922) < 1e-6)
    #expect(!eight.passed && nine.passed)
    #expect(eight.derivation.contains("below"))
    #expect(abs(eight.z - 1.959963984540054) < 1e-9)
  }

  @Test("Just inside z·SE is covered, just outside is not; SE 0 covers only the truth")
  func boundary() throws {
    let z = 1.959963984540054
    let c = try CoverageTest.run(
      values: [z * 0.1 * (1 - 1e-9), z * 0.1 * (1 + 1e-9), 0, 0.5], standardErrors: [0.1, 0.1, 0, 0], truth: 0,
      falseFailureProbability: 0.01)
    #expect(c.covered == 2)
  }

  /// 4000 simulated calibrations of n = 10 runs at p = 0.05. Calibrated (normal errors of the
  /// stated SE): the test fails when k ≤ 7, probability 0.01150 (SciPy binom, the exact rate of
  /// the conservative interval, ≤ p). Under-reported by 3× (coverage 0.4865): fails with
  /// probability 0.95449. Each count must fall in its band of probability 1 − 1e-6. A z of 1.645
  /// (90% intervals) gives 280 failures, far outside the first band [17, 83] (checked by
  /// breaking it); one-sided bounds at p instead of p/2 happen to fail on the same k ≤ 7 at
  /// n = 10, so `interval` checks the bounds themselves against SciPy.
  @Test("Its false-failure rate and its power against a 3× under-reported SE are the binomial's")
  func rates() throws {
    let m = 4000, n = 10, p = 0.05, sigma = 0.1, truth = 8.0
    var rng = SeededGenerator(seed: 2027)
    var nullFailures = 0, caught = 0
    for _ in 0..<m {
      let values = rng.normals(n).map { truth + sigma * $0 }
      let honest = try CoverageTest.run(values: values, standardErrors: Array(repeating: sigma, count: n), truth: truth, falseFailureProbability: p)
      let under = try CoverageTest.run(values: values, standardErrors: Array(repeating: sigma / 3, count: n), truth: truth, falseFailureProbability: p)
      if !honest.passed { nullFailures += 1 }
      if !under.passed { caught += 1 }
    }
    #expect(RateBand.band(trials: m, probability: 0.011503557379296892, risk: 1e-6).contains(nullFailures), "\(nullFailures) of \(m)")
    #expect(RateBand.band(trials: m, probability: 0.9544877509537139, risk: 1e-6).contains(caught), "\(caught) of \(m)")
  }
}
