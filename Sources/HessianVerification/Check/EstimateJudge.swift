import Foundation

/// Judges estimates against a ``KnownQuantity``: errors always; with standard errors a z-test at a
/// stated false-failure probability α; without them only what is exact (see ``CheckTest``).
///
/// With k comparisons each is tested at α/k (Bonferroni), so a correct estimator with honest
/// Gaussian standard errors fails with probability at most α: pass iff every |zᵢ| ≤ z_{1−α/(2k)}.
/// The SE is ``StandardErrorAssessment/implausible`` when max|z| > 2·z_crit and
/// ``StandardErrorAssessment/uninformative`` when it is at least the width of the bound interval
/// (or |truth|). Cost: O(k) and k normal-CDF evaluations.
public enum EstimateJudge {
  /// The judgement of `estimates` (one, or k eigenvalues) with optional `standardErrors` (one for
  /// all, or one per estimate) against `known`, at the options' α and tolerance; `precision` is the
  /// landscape's (for the default eigenvalue tolerance √ε).
  ///
  /// - Throws: ``InputError/parameter(_:value:problem:)`` naming the estimate (wrong count, not
  ///   finite, a fractional rank without an SE), the standard error (wrong count, not finite and
  ///   positive), α or τ.
  public static func judge(
    estimates given: [Double], standardErrors givenSE: [Double]?, known: KnownQuantity, options: CheckOptions,
    precision: Precision = .float64
  ) throws(InputError) -> CheckJudgement {
    try options.validate()
    let (estimates, standardErrors, reordered) = try validated(given, givenSE, known: known)
    let alpha = options.falseFailureProbability
    let k = estimates.count
    var findings: [String] = []
    if reordered { findings.append("the estimates were sorted in descending order to be matched with the \(k) largest eigenvalues") }
    if let ses = standardErrors {
      let zc = try criticalZ(alpha: alpha, comparisons: k)
      var comparisons: [EstimateComparison] = []
      for i in 0..<k {
        let base = comparison(estimates[i], i, known)
        let z = base.error / ses[i]
        comparisons.append(EstimateComparison(
          estimate: base.estimate, truth: base.truth, error: base.error, relativeError: base.relativeError,
          standardError: ses[i], z: z, pValue: 2 * Distributions.normalCDF(-abs(z)), passed: abs(z) <= zc))
      }
      let test: CheckTest = known.isBoundsOnly ? .boundsZTest : .zTest
      let maxZ = comparisons.compactMap(\.z).map(abs).max() ?? 0
      let passed = comparisons.allSatisfy { $0.passed == true }
      findings += StatisticalFindings.zTest(
        test: test, known: known, alpha: alpha, criticalZ: zc, comparisons: k, largestAbsoluteZ: maxZ, passed: passed)
      let assessment = assess(known: known, standardErrors: ses, largestAbsoluteZ: maxZ, criticalZ: zc)
      findings += StatisticalFindings.standardError(assessment, known: known, standardErrors: ses, largestAbsoluteZ: maxZ, criticalZ: zc)
      return CheckJudgement(
        estimates: estimates, standardErrors: ses, falseFailureProbability: alpha, test: test, criticalZ: zc, tolerance: nil,
        comparisons: comparisons, verdict: passed ? .pass : .fail, standardErrorAssessment: assessment,
        largestAbsoluteZ: maxZ, findings: findings)
    }
    let (test, tolerance) = exactTest(known: known, options: options, precision: precision)
    let comparisons = (0..<k).map { i -> EstimateComparison in
      var c = comparison(estimates[i], i, known)
      switch test {
      case .exactMatch: c.passed = c.error == 0
      case .boundsContainment: c.passed = c.error == 0
      case .tolerance: c.passed = abs(c.error) <= tolerance ?? 0
      case .zTest, .boundsZTest, .none: c.passed = nil
      }
      return c
    }
    let verdict: CheckVerdict = test == .none ? .undecided : comparisons.allSatisfy { $0.passed == true } ? .pass : .fail
    findings += StatisticalFindings.withoutStandardError(
      test: test, known: known, estimate: estimates.first, tolerance: tolerance, relativeTolerance: options.relativeTolerance ?? precision.epsilon.squareRoot(),
      defaultTolerance: options.relativeTolerance == nil, precision: precision, verdict: verdict)
    return CheckJudgement(
      estimates: estimates, standardErrors: nil, falseFailureProbability: alpha, test: test, criticalZ: nil, tolerance: tolerance,
      comparisons: comparisons, verdict: verdict, standardErrorAssessment: nil, largestAbsoluteZ: nil, findings: findings)
  }

  /// z_{1−α/(2k)}: the two-sided normal threshold for k comparisons at family-wise α.
  public static func criticalZ(alpha: Double, comparisons k: Int) throws(InputError) -> Double {
    do { return try Distributions.twoSidedNormalQuantile(falseFailureProbability: alpha / Double(max(k, 1))) } catch {
      throw .parameter(.falseFailureProbability, value: "\(alpha)", problem: "α = \(alpha) gives no normal quantile (\(error))")
    }
  }

  /// The test used without a standard error, and its absolute tolerance for eigenvalues.
  static func exactTest(known: KnownQuantity, options: CheckOptions, precision: Precision) -> (CheckTest, Double?) {
    switch known.quantity {
    case .rank: return (.exactMatch, nil)
    case .llc where known.isBoundsOnly: return (.boundsContainment, nil)
    case .topEigenvalues:
      let tau = options.relativeTolerance ?? precision.epsilon.squareRoot()
      let scale = known.values.map(abs).max() ?? 0
      return (.tolerance, tau * (scale > 0 ? scale : 1))
    case .llc, .covarianceScale: return (.none, nil)
    }
  }

  /// The error of estimate `x` (index `i`) against `known`, without statistics.
  static func comparison(_ x: Double, _ i: Int, _ known: KnownQuantity) -> EstimateComparison {
    guard i < known.values.count else {
      let d = known.bounds?.distance(to: x) ?? 0
      return EstimateComparison(estimate: x, truth: nil, error: d, relativeError: nil, standardError: nil, z: nil, pValue: nil, passed: nil)
    }
    let truth = known.values[i]
    let error = x - truth
    return EstimateComparison(
      estimate: x, truth: truth, error: error, relativeError: truth == 0 ? nil : error / abs(truth), standardError: nil,
      z: nil, pValue: nil, passed: nil)
  }

  /// How believable the SEs are (see the type's documentation).
  static func assess(known: KnownQuantity, standardErrors: [Double], largestAbsoluteZ z: Double, criticalZ zc: Double) -> StandardErrorAssessment {
    let largest = standardErrors.max() ?? 0
    if let b = known.bounds, known.isBoundsOnly, b.width > 0, largest >= b.width { return .uninformative }
    if !known.isBoundsOnly, zip(standardErrors, known.values).contains(where: { $1 != 0 && $0 >= abs($1) }) { return .uninformative }
    if z <= zc { return .plausible }
    return z <= 2 * zc ? .strained : .implausible
  }
}
