import Foundation

/// Does a rank estimator return the exact rank often enough on one landscape? The number k of
/// runs that return exactly the known rank, with Clopper–Pearson bounds on P(exact) as `compare`
/// uses them:
///
/// ```
/// U = upper(k, n; p) = 1 − lower(n − k, n; p)      pass ⇔ U ≥ c   (not refuted)
/// L = lower(k, n; p)                               established ⇔ L ≥ c
/// ```
///
/// If the estimator is exact with probability at least c, the test fails with probability at
/// most p. "Established" is the stronger statement `compare` makes (false only with probability
/// p); it needs at least ⌈ln p / ln c⌉ runs, all exact. Cost: O(n²).
public struct ExactnessTest: Sendable, Equatable, Codable {
  /// k, the runs that returned the known rank.
  public let exact: Int
  /// n, the runs.
  public let runs: Int
  /// c, the probability of an exact rank the estimator is held to.
  public let confidence: Double
  /// L, the one-sided lower Clopper–Pearson bound on P(exact) at p.
  public let lower: Double
  /// U, the one-sided upper bound at p.
  public let upper: Double
  /// p, the probability that this test fails an estimator exact with probability ≥ c (at most).
  public let falseFailureProbability: Double
  /// U ≥ c.
  public let passed: Bool
  /// L ≥ c: the runs establish P(exact) ≥ c.
  public let established: Bool
  /// The test in one line, with its numbers.
  public let derivation: String

  /// The test on the returned `values` against the known rank `truth`, holding the estimator to `confidence`.
  public static func run(values: [Double], truth: Double, confidence c: Double, falseFailureProbability p: Double) -> ExactnessTest {
    let n = values.count
    precondition(n >= 1, "the exactness test needs at least one run")
    let k = values.filter { $0 == truth }.count
    let lower = BinomialBound.lowerConfidenceBound(successes: k, trials: n, risk: p)
    let upper = 1 - BinomialBound.lowerConfidenceBound(successes: n - k, trials: n, risk: p)
    let derivation =
      String(format: "%d/%d exact; Clopper–Pearson upper bound %.3f ", k, n, upper) + (upper >= c ? "≥" : "<")
      + String(format: " c = %.3g at p = %.3g (lower bound %.3f: ", c, p, lower)
      + (lower >= c ? "established)" : "not established)")
    return ExactnessTest(
      exact: k, runs: n, confidence: c, lower: lower, upper: upper, falseFailureProbability: p, passed: upper >= c,
      established: lower >= c, derivation: derivation)
  }
}
