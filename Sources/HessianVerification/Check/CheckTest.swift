/// How `check` judges an estimate against the known value (``EstimateJudge``).
public enum CheckTest: String, Sendable, Codable, CaseIterable {
  /// A standard error is given and the value is known: z = (estimate − truth)/SE, pass iff
  /// |z| ≤ z_{1−α/(2k)} (k comparisons, Bonferroni).
  case zTest = "z-test"
  /// A standard error is given and only bounds are known: z = (distance outside the bounds)/SE,
  /// 0 inside; conservative (the truth is taken at the nearest bound).
  case boundsZTest = "bounds-z-test"
  /// A rank without a standard error: an integer, judged by exact match.
  case exactMatch = "exact-match"
  /// λ known only by its bounds, without a standard error: inside passes, outside fails.
  case boundsContainment = "bounds-containment"
  /// Eigenvalues without a standard error: |error| ≤ tolerance·max|h| for each.
  case tolerance
  /// No standard error and a value that is not exact: the error is reported, not judged.
  case none
}

/// The outcome of `check`: exit status 0 for ``pass`` and ``undecided``, 1 for ``fail``.
public enum CheckVerdict: String, Sendable, Codable, CaseIterable {
  /// Every comparison passed its test.
  case pass
  /// At least one comparison failed its test.
  case fail
  /// No test was possible (no standard error for a quantity that is not exact).
  case undecided
}

/// Whether a stated standard error is believable, given the error it was stated with.
public enum StandardErrorAssessment: String, Sendable, Codable, CaseIterable {
  /// |z| ≤ z_crit: the error is within what the SE allows.
  case plausible
  /// z_crit < |z| ≤ 2·z_crit: the test fails; a moderate bias, or an SE somewhat too small.
  case strained
  /// |z| > 2·z_crit: the error is many SEs: the estimator is biased or its SE under-reported.
  case implausible
  /// The SE is as large as the whole bound interval, or as the true value itself: any estimate
  /// passes, so the check says little.
  case uninformative
}
