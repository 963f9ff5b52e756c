/// The verdict on an estimate with the statistics spelled out (``EstimateJudge``).
public struct CheckJudgement: Sendable, Equatable {
  /// The estimates, in the order compared (eigenvalues sorted descending).
  public var estimates: [Double]
  /// The standard errors, one per estimate, in the same order; nil when none was given.
  public var standardErrors: [Double]?
  /// α, the false-failure probability of the whole check.
  public var falseFailureProbability: Double
  /// The test applied.
  public var test: CheckTest
  /// z_{1−α/(2k)} for k comparisons (Bonferroni; z_{1−α/2} for one), nil without a z-test.
  public var criticalZ: Double?
  /// The absolute eigenvalue tolerance of ``CheckTest/tolerance``, nil otherwise.
  public var tolerance: Double?
  /// One comparison per estimate.
  public var comparisons: [EstimateComparison]
  /// Pass, fail, or undecided.
  public var verdict: CheckVerdict
  /// Whether the stated SE is believable; nil without a standard error.
  public var standardErrorAssessment: StandardErrorAssessment?
  /// The largest |z| over the comparisons (the error in stated SEs), nil without a standard error.
  public var largestAbsoluteZ: Double?
  /// Sentences that explain the test, the verdict and the SE assessment, in order.
  public var findings: [String]
}
