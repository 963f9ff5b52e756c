/// `hessian-lab verify` as one library call: the correctness properties
/// (``VerificationSuite``) over a fixture corpus or one landscape, or over
/// freshly generated landscapes with failures shrunk (``PropertyExploration``),
/// or the calibration of an external estimator (``ExternalCalibration``), as a ``VerifyReport``.
public enum VerifyAnalysis {
  /// What to verify.
  public enum Target: Sendable, Equatable {
    /// Every fixture in a directory (the zoo when the directory is absent; ``VerificationCase/corpus(directory:)``).
    case corpus(directory: String)
    /// One fixture `.json`, zoo id or spec (``VerificationCase/resolve(_:)``).
    case landscape(String)
    /// `count` generated landscapes from child seeds of `root`.
    case explore(count: Int, root: UInt64)
    /// An external estimator, calibrated on landscapes with known answers (``ExternalCalibration``).
    case external(CalibrationOptions)
  }

  /// Runs the properties on `target` with the run's false-failure budget and sample sizes.
  ///
  /// - Parameter progress: receives one-line progress messages (a case started).
  /// - Throws: ``InputError`` for a bad budget, landscape or fixture directory, or (external) a
  ///   bad setting or a failed run of the estimator.
  public static func run(
    _ target: Target, options: VerificationSuite.Options, progress: (@Sendable (String) -> Void)? = nil
  ) async throws -> VerifyReport {
    if case let .external(calibration) = target {
      return .calibration(try ExternalCalibration.run(calibration, progress: progress))
    }
    try options.validate()
    switch target {
    case let .explore(count, root):
      let cases = try await PropertyExploration.explore(
        count: count, root: root, budget: options.budget, options: options, progress: progress)
      return .exploration(ExplorationReport(root: root, budget: options.budget, cases: cases))
    case let .landscape(text):
      return .suite(try await VerificationSuite.run([try VerificationCase.resolve(text)], options: options, progress: progress))
    case .external: preconditionFailure("handled above")
    case let .corpus(directory):
      return .suite(try await VerificationSuite.run(try VerificationCase.corpus(directory: directory), options: options, progress: progress))
    }
  }
}
