import Foundation

/// Are an estimator's stated standard errors right on one landscape? The fraction of runs whose
/// interval value ± z·SE contains the truth, z = Φ⁻¹(0.975) ≈ 1.96, against the nominal 95%,
/// with an exact two-sided Clopper–Pearson interval:
///
/// ```
/// k = #{ j : |vⱼ − truth| ≤ z·SEⱼ }
/// [L, U] = [lower(k, n; p/2), upper(k, n; p/2)]      (``BinomialBound``; upper(k) = 1 − lower(n − k))
/// pass ⇔ L ≤ 0.95 ≤ U
/// ```
///
/// A calibrated estimator (unbiased, normal errors of the stated SE) covers with probability
/// exactly 0.95 and fails with probability at most p (the interval is conservative). A bias or a
/// standard error stated too small under-covers; one stated too large over-covers (which fails
/// only with many runs). Distribution-free in the runs: only their independence is assumed.
/// Cost: O(n²) (two bound bisections).
public struct CoverageTest: Sendable, Equatable, Codable {
  /// k, the runs whose interval contains the truth.
  public let covered: Int
  /// n, the runs.
  public let runs: Int
  /// The nominal coverage, 0.95.
  public let nominal: Double
  /// z = Φ⁻¹(1 − (1 − nominal)/2) ≈ 1.96.
  public let z: Double
  /// L, the lower end of the two-sided Clopper–Pearson interval at p.
  public let lower: Double
  /// U, its upper end.
  public let upper: Double
  /// p, the probability that this test fails a calibrated estimator (at most).
  public let falseFailureProbability: Double
  /// L ≤ nominal ≤ U.
  public let passed: Bool
  /// The test in one line, with its numbers (and which way it failed).
  public let derivation: String

  /// The nominal coverage of the stated intervals.
  public static let nominalCoverage = 0.95

  /// The test on `values` with stated `standardErrors` (same length, n ≥ 1) against `truth`.
  public static func run(
    values: [Double], standardErrors: [Double], truth: Double, falseFailureProbability p: Double
  ) throws -> CoverageTest {
    let n = values.count
    precondition(n >= 1 && standardErrors.count == n, "one standard error per run")
    let z = try Distributions.twoSidedNormalQuantile(falseFailureProbability: 1 - nominalCoverage)
    let k = zip(values, standardErrors).filter { abs($0 - truth) <= z * $1 }.count
    let lower = BinomialBound.lowerConfidenceBound(successes: k, trials: n, risk: p / 2)
    let upper = 1 - BinomialBound.lowerConfidenceBound(successes: n - k, trials: n, risk: p / 2)
    let passed = lower <= nominalCoverage && nominalCoverage <= upper
    let verdict =
      passed ? "contains" : upper < nominalCoverage ? "below: intervals too narrow or biased" : "above: intervals too wide"
    let derivation =
      String(format: "%d/%d intervals v ± %.3f·SE cover; Clopper–Pearson [%.3f, %.3f] at p = %.3g ", k, n, z, lower, upper, p)
      + "\(verdict) \(nominalCoverage)"
    return CoverageTest(
      covered: k, runs: n, nominal: nominalCoverage, z: z, lower: lower, upper: upper, falseFailureProbability: p,
      passed: passed, derivation: derivation)
  }
}
