import Foundation
import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("Binomial confidence bounds and one-sided checks")
struct BinomialBoundTests {
  @Test("Clopper–Pearson bounds: closed forms and the zero-failure seed count")
  func closedForms() {
    #expect(abs(BinomialBound.lowerConfidenceBound(successes: 10, trials: 10, risk: 0.05) - pow(0.05, 0.1)) < 1e-12)
    #expect(BinomialBound.lowerConfidenceBound(successes: 0, trials: 10, risk: 0.05) == 0)
    #expect(BinomialBound.minimumTrials(confidence: 0.95, risk: 0.05) == 59)
    #expect(BinomialBound.minimumTrials(confidence: 0.8, risk: 0.2) == 8)
    // At the bound, the tail probability is the risk.
    let l = BinomialBound.lowerConfidenceBound(successes: 45, trials: 50, risk: 0.05)
    #expect(abs(BinomialBound.upperTail(successes: 45, trials: 50, probability: l) - 0.05) < 1e-9)
    #expect(BinomialBound.maximumFailures(trials: 59, confidence: 0.95, risk: 0.05) == 0)
    #expect(BinomialBound.maximumFailures(trials: 58, confidence: 0.95, risk: 0.05) == -1)
  }

  /// Calibration: when the true success rate equals the target, "established"
  /// must come out at most at the stated risk. 2,000 repetitions at risk 0.1:
  /// Binomial(2000, ≤ 0.1) has sd ≤ 13.4, so ≤ 200 + 5·13.4 = 267 false passes
  /// (meta false-failure < 1e-6). A planted success rate of 0.995 is detected
  /// (established) in ≥ 90% of runs (P(≤ 1 failure in 60) ≈ 0.96).
  @Test("proportionEstablished over-claims at most at its risk and detects a clearly better method")
  func calibration() {
    let reps = 2000, n = 60, target = 0.9, risk = 0.1
    var overClaims = 0, detected = 0
    for rep in 0..<reps {
      var rng = SeededGenerator(seed: SeedTable.seed(for: "binomial-calibration", index: rep))
      var sNull = 0, sGood = 0
      for _ in 0..<n {
        let u = rng.nextUniform()
        if u < target { sNull += 1 }
        if u < 0.995 { sGood += 1 }
      }
      if StatisticalCheck.proportionEstablished("p", successes: sNull, trials: n, target: target, risk: risk).passed { overClaims += 1 }
      if StatisticalCheck.proportionEstablished("p", successes: sGood, trials: n, target: target, risk: risk).passed { detected += 1 }
    }
    #expect(overClaims <= 267, "over-claims \(overClaims)")
    #expect(Double(detected) / Double(reps) >= 0.9, "detected \(detected)")
  }

  /// One-sided mean check: false-failure rate ≤ p (+5σ) on N(0, 1/n) means, and
  /// a planted excess of the planner's size is caught.
  @Test("meanAtMost is calibrated and detects a planted excess")
  func meanAtMost() throws {
    let p = 0.05, n = 100, reps = 2000
    var failures = 0, detected = 0
    let se = 1 / Double(n).squareRoot()
    let shift = 0.5  // ≥ (z₀.₉₅ + z₀.₉₉)·se = (1.645 + 2.326)·0.1
    for rep in 0..<reps {
      var rng = SeededGenerator(seed: SeedTable.seed(for: "mean-at-most-calibration", index: rep))
      let m = rng.normals(n).reduce(0, +) / Double(n)
      if !(try StatisticalCheck.meanAtMost("m", estimate: m, bound: 0, standardError: se, falseFailureProbability: p).passed) { failures += 1 }
      if !(try StatisticalCheck.meanAtMost("m", estimate: m + shift, bound: 0, standardError: se, falseFailureProbability: p).passed) { detected += 1 }
    }
    // Binomial(2000, 0.05): mean 100, sd 9.7 → ≤ 149.
    #expect(failures <= 149 && failures >= 55)
    #expect(Double(detected) / Double(reps) >= 0.97)
  }
}
