import Foundation

/// Is an estimator unbiased on one landscape? The mean difference d̄ = mean(value − truth) over
/// n independent runs, its standard error from the sample spread, and a two-sided t-test:
///
/// ```
/// d̄ = (1/n)·Σ (vⱼ − truth),  s² = Σ (vⱼ − truth − d̄)²/(n − 1),  se = s/√n,  t = d̄/se
/// pass ⇔ |t| ≤ t_{n−1}(1 − p/2)
/// ```
///
/// When the runs are independent and their errors normal, an unbiased estimator fails with
/// probability exactly p (approximately p otherwise, by the central limit theorem); a bias δ is
/// caught with the power of the noncentral t with δ/(σ/√n). The stated standard errors are not
/// used: this test is about the values alone. When every run gives the same difference (s = 0),
/// the test passes only if |d̄| is at most ``roundingTolerance``·max(1, |truth|) (a deterministic
/// estimator that prints the truth). Cost: O(n).
public struct BiasTest: Sendable, Equatable, Codable {
  /// d̄, the mean of value − truth.
  public let mean: Double
  /// se = s/√n, the standard error of d̄ from the sample spread.
  public let standardError: Double
  /// t = d̄/se (0 when d̄ = 0; ±∞ is written as the largest finite number with the sign of d̄).
  public let t: Double
  /// The critical value t_{n−1}(1 − p/2).
  public let critical: Double
  /// n − 1.
  public let degreesOfFreedom: Int
  /// p, the probability that this test fails an unbiased estimator.
  public let falseFailureProbability: Double
  /// |t| ≤ critical.
  public let passed: Bool
  /// The test in one line, with its numbers.
  public let derivation: String

  /// The relative difference below which a spread-free mean difference counts as rounding.
  public static let roundingTolerance = 1e-9

  /// The test on `values` against `truth` at false-failure probability `p`; needs n ≥ 2 values.
  public static func run(values: [Double], truth: Double, falseFailureProbability p: Double) throws -> BiasTest {
    let n = values.count
    precondition(n >= 2, "the bias test needs at least two runs")
    let d = values.map { $0 - truth }
    let mean = d.reduce(0, +) / Double(n)
    let variance = d.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
    let se = (variance / Double(n)).squareRoot()
    let critical = try Distributions.studentTQuantile(1 - p / 2, degreesOfFreedom: Double(n - 1))
    let t: Double
    let passed: Bool
    if se > 0 {
      t = mean / se
      passed = abs(t) <= critical
    } else {
      let rounding = abs(mean) <= roundingTolerance * max(1, abs(truth))
      t = rounding ? 0 : (mean > 0 ? .greatestFiniteMagnitude : -.greatestFiniteMagnitude)
      passed = rounding
    }
    let derivation =
      String(format: "|t| = |d̄/se| = %.3g ", abs(t)) + (passed ? "≤" : ">")
      + String(format: " t_%d(1 − p/2) = %.3f, d̄ = %.4g, se = s/√n = %.3g, p = %.3g", n - 1, critical, mean, se, p)
    return BiasTest(
      mean: mean, standardError: se, t: t, critical: critical, degreesOfFreedom: n - 1, falseFailureProbability: p,
      passed: passed, derivation: derivation)
  }
}
