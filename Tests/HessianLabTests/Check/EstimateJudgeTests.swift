import Foundation
import HessianLab
import Testing

@testable import HessianCore
@testable import HessianVerification
@testable import HessianZoo

/// The verdict's statistics against values computed by hand (z, p = 2Φ(−|z|) from SciPy's
/// `norm.sf`, thresholds from `norm.ppf`).
@Suite("EstimateJudge: errors, z-scores, p-values and the verdict")
struct EstimateJudgeTests {
  static let lambda8 = KnownQuantity(quantity: .llc, values: [8], exact: "8", bounds: KnownBounds(rank: 14, dimension: 27), provenance: .theorem, source: "t")
  static let bounds = KnownQuantity(quantity: .llc, values: [], bounds: KnownBounds(rank: 1, dimension: 2), provenance: .theorem, source: "b")

  @Test("z = error/SE and p = 2Φ(−|z|): 8.3 ± 0.2 against 8 gives z = 1.5, p = 0.13361 (SciPy 2·norm.sf(1.5))")
  func zAndP() throws {
    let j = try EstimateJudge.judge(estimates: [8.3], standardErrors: [0.2], known: Self.lambda8, options: CheckOptions())
    let c = try #require(j.comparisons.first)
    #expect(abs(c.error - 0.3) <= 1e-12)
    #expect(abs((c.relativeError ?? 0) - 0.0375) <= 1e-12)
    #expect(abs((c.z ?? 0) - 1.5) <= 1e-12)
    #expect(abs((c.pValue ?? 0) - 0.13361440253771614) <= 1e-9)
    // z_{1−0.01/2} = 2.5758293035489004 (SciPy norm.ppf(0.995)).
    #expect(abs((j.criticalZ ?? 0) - 2.5758293035489004) <= 1e-9)
    #expect(j.verdict == .pass && j.test == .zTest && j.standardErrorAssessment == .plausible)
  }

  @Test("a deliberately wrong λ + 0.3 with a small SE (0.05) fails with an implausible SE; the truth passes")
  func wrongValueFails() throws {
    let wrong = try EstimateJudge.judge(estimates: [8.3], standardErrors: [0.05], known: Self.lambda8, options: CheckOptions())
    // z = 0.3/0.05 = 6 > 2·2.576: the error is 6 SEs.
    #expect(wrong.verdict == .fail)
    #expect(wrong.standardErrorAssessment == .implausible)
    #expect(wrong.findings.contains { $0.contains("the error is 6× the stated SE: the estimator is biased, or the SE is under-reported") })
    let truth = try EstimateJudge.judge(estimates: [8], standardErrors: [0.05], known: Self.lambda8, options: CheckOptions())
    #expect(truth.verdict == .pass && truth.comparisons[0].z == 0)
  }

  @Test("the threshold follows α: z = 2.7 fails at α = 0.01 (2.576) … and passes at α = 0.005 (2.807)")
  func alphaMatters() throws {
    let at01 = try EstimateJudge.judge(estimates: [8.27], standardErrors: [0.1], known: Self.lambda8, options: CheckOptions())
    #expect(at01.verdict == .fail && at01.standardErrorAssessment == .strained)
    let at005 = try EstimateJudge.judge(
      estimates: [8.27], standardErrors: [0.1], known: Self.lambda8, options: CheckOptions(falseFailureProbability: 0.005))
    #expect(at005.verdict == .pass)
  }

  @Test("a correct estimator with honest SEs fails at rate α: 4000 seeded draws at α = 0.01")
  func calibrated() throws {
    // F ~ Binomial(4000, 0.01): mean 40, sd 6.29; at false-failure probability 10⁻⁶ (z = 4.89) the
    // count lies in [9, 71]. Power: a judge at α = 0.05 (mean 200) or with no threshold lies outside.
    var rng = SeededGenerator(seed: 2026)
    var failures = 0, failuresAt5 = 0
    for _ in 0..<4000 {
      let x = 8 + 0.2 * rng.nextNormal()
      if try EstimateJudge.judge(estimates: [x], standardErrors: [0.2], known: Self.lambda8, options: CheckOptions()).verdict == .fail {
        failures += 1
      }
      let at5 = CheckOptions(falseFailureProbability: 0.05)
      if try EstimateJudge.judge(estimates: [x], standardErrors: [0.2], known: Self.lambda8, options: at5).verdict == .fail {
        failuresAt5 += 1
      }
    }
    #expect((9...71).contains(failures), "\(failures) failures")
    #expect(!(9...71).contains(failuresAt5), "the bound cannot tell α = 0.05 from 0.01: \(failuresAt5)")
  }

  @Test("three eigenvalues: Bonferroni z_{1−α/6} = 2.9352 (SciPy norm.ppf(1 − 0.01/6)); one SE for all; sorted descending")
  func eigenvaluesWithSE() throws {
    let known = KnownQuantity(quantity: .topEigenvalues, values: [10, 9, 8], provenance: .construction, source: "c")
    let j = try EstimateJudge.judge(estimates: [8.1, 10.05, 8.9], standardErrors: [0.1], known: known, options: CheckOptions())
    #expect(abs((j.criticalZ ?? 0) - 2.935199468866699) <= 1e-9)
    #expect(j.estimates == [10.05, 8.9, 8.1])
    #expect(j.findings.first?.contains("sorted") == true)
    #expect(j.verdict == .pass)
    let off = try EstimateJudge.judge(estimates: [10, 9, 7.5], standardErrors: [0.1, 0.1, 0.1], known: known, options: CheckOptions())
    #expect(off.verdict == .fail && off.comparisons[2].passed == false && off.comparisons[0].passed == true)
  }

  @Test("eigenvalues without an SE: within √ε·max|h| passes, 10⁻⁶ off fails; a stated τ is used")
  func eigenvalueTolerance() throws {
    let known = KnownQuantity(quantity: .topEigenvalues, values: [10, 9], provenance: .construction, source: "c")
    let close = try EstimateJudge.judge(estimates: [10 + 1e-8, 9], standardErrors: nil, known: known, options: CheckOptions())
    #expect(close.test == .tolerance && close.verdict == .pass)
    #expect(abs((close.tolerance ?? 0) - 10 * Double.ulpOfOne.squareRoot()) <= 1e-20)
    let far = try EstimateJudge.judge(estimates: [10 + 1e-6, 9], standardErrors: nil, known: known, options: CheckOptions())
    #expect(far.verdict == .fail)
    let loose = try EstimateJudge.judge(
      estimates: [10 + 1e-6, 9], standardErrors: nil, known: known, options: CheckOptions(relativeTolerance: 1e-6))
    #expect(loose.verdict == .pass)
  }

  @Test("without an SE: a rank by exact match, bounds by containment, an exact λ undecided")
  func withoutStandardError() throws {
    let rank = KnownQuantity(quantity: .rank, values: [5], exact: "5", provenance: .construction, source: "c")
    #expect(try EstimateJudge.judge(estimates: [5], standardErrors: nil, known: rank, options: CheckOptions()).verdict == .pass)
    #expect(try EstimateJudge.judge(estimates: [4], standardErrors: nil, known: rank, options: CheckOptions()).verdict == .fail)
    #expect(throws: InputError.self) { try EstimateJudge.judge(estimates: [4.5], standardErrors: nil, known: rank, options: CheckOptions()) }
    #expect(try EstimateJudge.judge(estimates: [0.6], standardErrors: nil, known: Self.bounds, options: CheckOptions()).verdict == .pass)
    let outside = try EstimateJudge.judge(estimates: [0.8], standardErrors: nil, known: Self.bounds, options: CheckOptions())
    #expect(outside.verdict == .fail && abs(outside.comparisons[0].error - 0.05) <= 1e-12)
    let exact = try EstimateJudge.judge(estimates: [7.5], standardErrors: nil, known: Self.lambda8, options: CheckOptions())
    #expect(exact.verdict == .undecided && exact.test == .none && exact.comparisons[0].passed == nil)
    #expect(exact.findings.contains { $0.contains("no statistical verdict is possible") })
  }

  @Test("bounds with an SE: z is the distance outside over the SE; an SE wider than the interval is uninformative")
  func boundsWithStandardError() throws {
    // [1/2, 3/4]: 0.2 is 0.3 below; SE 0.1 → z = −3 (fail); SE 0.3 ≥ width 0.25 → uninformative.
    let j = try EstimateJudge.judge(estimates: [0.2], standardErrors: [0.1], known: Self.bounds, options: CheckOptions())
    #expect(j.test == .boundsZTest && abs((j.comparisons[0].z ?? 0) + 3) <= 1e-12 && j.verdict == .fail)
    let wide = try EstimateJudge.judge(estimates: [0.6], standardErrors: [0.3], known: Self.bounds, options: CheckOptions())
    #expect(wide.verdict == .pass && wide.standardErrorAssessment == .uninformative)
    let huge = try EstimateJudge.judge(estimates: [8], standardErrors: [9], known: Self.lambda8, options: CheckOptions())
    #expect(huge.standardErrorAssessment == .uninformative)
  }

  @Test("bad input: SE not finite and positive, wrong counts, non-finite estimates, α outside (0, 0.5]")
  func badInput() {
    let k = Self.lambda8
    for se in [0.0, -1, .nan, .infinity] {
      #expect(throws: InputError.self) { try EstimateJudge.judge(estimates: [8], standardErrors: [se], known: k, options: CheckOptions()) }
    }
    #expect(throws: InputError.self) { try EstimateJudge.judge(estimates: [8, 9], standardErrors: nil, known: k, options: CheckOptions()) }
    #expect(throws: InputError.self) { try EstimateJudge.judge(estimates: [.nan], standardErrors: nil, known: k, options: CheckOptions()) }
    #expect(throws: InputError.self) { try EstimateJudge.judge(estimates: [8], standardErrors: [1, 2], known: k, options: CheckOptions()) }
    for a in [0.0, 0.6, .nan] {
      #expect(throws: InputError.self) {
        try EstimateJudge.judge(estimates: [8], standardErrors: [1], known: k, options: CheckOptions(falseFailureProbability: a))
      }
    }
  }
}
