/// How HessianLab runs an external estimator once, on one landscape with one seed (the
/// `verify --external` contract, `docs/external-estimators.md`):
///
/// - the command line is `COMMAND --landscape 'SPEC' --seed N` (the two options appended as
///   shell words, the spec single-quoted), run by `/bin/sh -c`;
/// - the environment adds `HESSIAN_LAB_LANDSCAPE=SPEC`, `HESSIAN_LAB_SEED=N` and
///   `HESSIAN_LAB_QUANTITY=llc|rank` (for an estimator that does not parse options);
/// - its standard input is empty; its standard error passes through to ours;
/// - it prints one JSON object `{"value": …, "standardError": …}` (``EstimatorReply``) and exits 0
///   within the timeout.
///
/// Cost: one process per run (``ExternalCommandRun``).
public enum EstimatorInvocation {
  /// The environment variable that carries the landscape spec.
  public static let landscapeVariable = "HESSIAN_LAB_LANDSCAPE"
  /// The environment variable that carries the run's seed.
  public static let seedVariable = "HESSIAN_LAB_SEED"
  /// The environment variable that carries the quantity (`llc` or `rank`).
  public static let quantityVariable = "HESSIAN_LAB_QUANTITY"

  /// `command --landscape 'spec' --seed N`.
  public static func commandLine(_ command: String, landscape: String, seed: UInt64) -> String {
    "\(command) --landscape \(shellQuoted(landscape)) --seed \(seed)"
  }

  /// `text` as one POSIX shell word: single-quoted, each `'` written `'\''`.
  public static func shellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  /// The variables added to a run's environment (on top of `options.environment`).
  public static func environment(quantity: CalibrationQuantity, landscape: String, seed: UInt64) -> [String: String] {
    [landscapeVariable: landscape, seedVariable: "\(seed)", quantityVariable: quantity.rawValue]
  }

  /// Runs the estimator of `options` on `landscape` with `seed` and reads its answer.
  ///
  /// - Throws: ``InputError/estimator(command:landscape:seed:problem:lastStandardErrorLine:)``
  ///   when the run fails (cannot start, non-zero exit, signal, timeout, too much output) or its
  ///   answer is unusable (``EstimatorReply/parse(_:for:)``), quoting its last standard-error line.
  public static func run(_ options: CalibrationOptions, landscape: String, seed: UInt64) throws(InputError) -> EstimatorReply {
    let environment = options.environment.merging(
      Self.environment(quantity: options.quantity, landscape: landscape, seed: seed)) { _, run in run }
    let output: ExternalCommandRun
    do {
      output = try ExternalCommandRun.run(
        commandLine(options.command, landscape: landscape, seed: seed), environment: environment,
        timeoutSeconds: options.timeoutSeconds)
    } catch {
      throw .estimator(
        command: options.command, landscape: landscape, seed: seed, problem: InputError.Phrase(error.problem),
        lastStandardErrorLine: error.lastStandardErrorLine)
    }
    do {
      return try EstimatorReply.parse(output.standardOutput, for: options.quantity)
    } catch {
      throw .estimator(
        command: options.command, landscape: landscape, seed: seed, problem: InputError.Phrase(error.text),
        lastStandardErrorLine: output.lastStandardErrorLine)
    }
  }
}
