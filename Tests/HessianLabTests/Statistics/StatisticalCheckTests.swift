import Foundation
import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("Statistical assertion library")
struct StatisticalCheckTests {
  /// Over many seeds with the null hypothesis true, the empirical false-failure
  /// rate must not exceed the stated p by more than sampling error. With 2,000
  /// repetitions at p = 0.05 the failure count is Binomial(2000, 0.05): mean 100,
  /// sd 9.7; allowing 100 + 5·9.7 ≈ 149 failures bounds the meta-test's own
  /// false-failure probability below 1e-6.
  @Test("Normal-mean check fails at most at its stated rate and detects a planted shift")
  func normalMeanCalibration() throws {
    let p = 0.05, n = 64, repetitions = 2000
    var failures = 0, detected = 0
    for rep in 0..<repetitions {
      var rng = SeededGenerator(seed: SeedTable.seed(for: "normal-mean-calibration", index: rep))
      let x = rng.normals(n)
      let mean = x.reduce(0, +) / Double(n)
      let se = 1 / Double(n).squareRoot()
      if !(try StatisticalCheck.normalMean("mean", estimate: mean, truth: 0, standardError: se, falseFailureProbability: p).passed) {
        failures += 1
      }
      // A planted shift of the size the planner says is detectable at β = 0.01.
      if !(try StatisticalCheck.normalMean("mean", estimate: mean + 0.6, truth: 0, standardError: se, falseFailureProbability: p).passed) {
        detected += 1
      }
    }
    #expect(failures <= 149, "false failures \(failures) of \(repetitions)")
    #expect(failures >= 55, "a check that never fails is not calibrated (\(failures))")
    let needed = try CheckPlanner.requiredSampleSize(shift: 0.6, standardDeviation: 1, falseFailureProbability: p, missProbability: 0.01)
    #expect(needed <= n)
    #expect(Double(detected) / Double(repetitions) >= 0.97)
  }

  @Test("Chi-square variance check is calibrated and catches a 30% variance error")
  func varianceCalibration() throws {
    let p = 0.05, k = 99, repetitions = 1000
    var failures = 0, detected = 0
    for rep in 0..<repetitions {
      var rng = SeededGenerator(seed: SeedTable.seed(for: "variance-calibration", index: rep))
      let x = rng.normals(k + 1)
      let m = x.reduce(0, +) / Double(k + 1)
      let s2 = x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(k)
      if !(try StatisticalCheck.normalVariance("var", sampleVariance: s2, degreesOfFreedom: k, truth: 1, falseFailureProbability: p).passed) { failures += 1 }
      if !(try StatisticalCheck.normalVariance("var", sampleVariance: 1.7 * s2, degreesOfFreedom: k, truth: 1, falseFailureProbability: p).passed) { detected += 1 }
    }
    // Binomial(1000, 0.05): mean 50, sd 6.9; 50 + 5·6.9 ≈ 85.
    #expect(failures <= 85)
    #expect(Double(detected) / Double(repetitions) >= 0.9)
  }

  @Test("DKW and Hoeffding checks hold on their null and reject planted errors")
  func dkwAndHoeffding() throws {
    var rng = SeededGenerator(seed: SeedTable.seed(for: "dkw"))
    let x = rng.normals(5000)
    let ok = StatisticalCheck.distribution("normal", samples: x, cdf: Distributions.normalCDF, falseFailureProbability: 1e-6)
    #expect(ok.passed)
    let shifted = StatisticalCheck.distribution("shifted", samples: x.map { $0 + 0.2 }, cdf: Distributions.normalCDF, falseFailureProbability: 1e-6)
    #expect(!shifted.passed)
    #expect(StatisticalCheck.proportionAtLeast("p", successes: 950, trials: 1000, target: 0.95, falseFailureProbability: 1e-6).passed)
    #expect(!StatisticalCheck.proportionAtLeast("p", successes: 800, trials: 1000, target: 0.95, falseFailureProbability: 1e-6).passed)
  }

  @Test("The planner refuses an underpowered check; the budget splits evenly")
  func plannerAndBudget() throws {
    #expect(throws: CheckPlanner.Underpowered.self) {
      try CheckPlanner.require("tiny", sampleSize: 10, shift: 0.1, standardDeviation: 1, falseFailureProbability: 1e-6)
    }
    try CheckPlanner.require("enough", sampleSize: 10_000, shift: 0.1, standardDeviation: 1, falseFailureProbability: 1e-6)
    #expect(FalseFailureBudget(total: 1e-3, checkCount: 10).perCheck == 1e-4)
    #expect(SeedTable.seed(for: "a") != SeedTable.seed(for: "b"))
    #expect(SeedTable.seed(for: "a", index: 1) == SeedTable.seed(for: "a", index: 1))
  }

  /// `verify` (not --quick) pools 6000 kept points over a 15-dimensional null
  /// block: k = 90 000 degrees of freedom, where GSL's χ² inverse returned NaN and
  /// every null-variance row failed. The band must be finite, contain the truth
  /// and still reject a 3% error (the band's half-width is ≈ 4.5·√(2/k) ≈ 2%).
  @Test("variance check with 90 000 degrees of freedom has a finite band that still detects a 3% error")
  func largeDegreesOfFreedom() throws {
    let p = 1.2e-5
    let exact = try StatisticalCheck.normalVariance("var", sampleVariance: 1, degreesOfFreedom: 90_000, truth: 1, falseFailureProbability: p)
    #expect(exact.passed && exact.threshold.isFinite, "\(exact.derivation)")
    let off = try StatisticalCheck.normalVariance("var", sampleVariance: 1.03, degreesOfFreedom: 90_000, truth: 1, falseFailureProbability: p)
    #expect(!off.passed && off.threshold.isFinite, "\(off.derivation)")
  }
}
