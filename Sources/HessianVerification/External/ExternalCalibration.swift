/// `hessian-lab verify --external` as one library call: runs an external estimator once per
/// landscape and seed (``EstimatorInvocation``) and judges its answers against the landscapes'
/// known values (``CalibrationTruth``) with tests whose false-failure probabilities add up to
/// the stated overall one (``LandscapeCalibration``), as a ``CalibrationReport``.
///
/// Every setting, landscape and known value is checked before the first run; the first failed
/// run stops the calibration (an ``InputError`` naming the command, landscape and seed). Runs
/// are sequential. Cost: landscapes × seeds runs of the estimator, nothing else of note.
public enum ExternalCalibration {
  /// Calibrates the estimator of `options`.
  ///
  /// - Parameter progress: receives a one-line message before each run (`run 3/100: nc-x2, seed …`).
  /// - Throws: ``InputError`` for a bad setting, a landscape that cannot be resolved or has no
  ///   qualifying known value (with the reason), or a failed run.
  public static func run(_ options: CalibrationOptions, progress: (@Sendable (String) -> Void)? = nil) throws -> CalibrationReport {
    try options.validate()
    var truths: [CalibrationTruth] = []
    for spec in options.landscapes {
      do {
        truths.append(try CalibrationTruth.of(options.quantity, on: try LandscapeSpec.resolve(spec)))
      } catch {
        throw InputError.parameter(.calibrationLandscapes, value: spec, problem: InputError.Phrase(error.description))
      }
    }
    let total = options.landscapes.count * options.seeds
    var results: [LandscapeCalibration] = []
    for (i, spec) in options.landscapes.enumerated() {
      var runs: [CalibrationRun] = []
      for j in 0..<options.seeds {
        let seed = CalibrationOptions.runSeed(master: options.masterSeed, landscape: i, run: j)
        progress?("external estimator: run \(i * options.seeds + j + 1)/\(total): \(spec), seed \(seed)")
        let reply = try EstimatorInvocation.run(options, landscape: spec, seed: seed)
        runs.append(CalibrationRun(seed: seed, value: reply.value, standardError: reply.standardError))
      }
      results.append(try LandscapeCalibration.judge(landscape: spec, truth: truths[i], runs: runs, options: options))
    }
    return CalibrationReport(options: options, landscapes: results)
  }
}
