/// One run of an external command that answers on its standard output and exits: `/bin/sh -c
/// COMMAND`, started and ended by the same child-process code as an external oracle
/// (`posix_spawn` in a process group of its own, standard error passed through to ours, a
/// deadline, reaping, and the registry that ends it on Ctrl-C or exit).
///
/// Its standard input is closed at once (it reads end of file). The run succeeds when the
/// command's standard output ends and it exits with status 0, both within the timeout; whatever
/// is left of its process group is then killed (no orphan). Cost: one process, plus up to
/// about 4.5 s of grace when it has to be stopped.
public struct ExternalCommandRun: Sendable, Equatable {
  /// Everything the command printed on standard output (at most the run's limit).
  public let standardOutput: [UInt8]
  /// Its last non-empty standard-error line, nil when it printed none.
  public let lastStandardErrorLine: String?

  /// The most bytes of standard output a run may print by default (1 MiB).
  public static let defaultOutputLimit = 1 << 20

  /// Runs `command` with our environment plus `environment`, waits for its output to end and
  /// for it to exit, and returns what it printed.
  ///
  /// - Parameters:
  ///   - timeoutSeconds: the longest the whole run may take (> 0; infinite allowed).
  ///   - outputLimit: the most bytes of standard output accepted.
  /// - Throws: ``ExternalCommandFailure`` when the command cannot start, does not finish within
  ///   the timeout (it is then stopped: SIGTERM to its group, SIGKILL 2 s later), prints more
  ///   than `outputLimit` bytes, or exits with a non-zero status or by a signal.
  public static func run(
    _ command: String, environment: [String: String] = [:], timeoutSeconds: Double,
    outputLimit: Int = defaultOutputLimit
  ) throws(ExternalCommandFailure) -> ExternalCommandRun {
    let child: OracleChildProcess
    do {
      child = try OracleChildProcess.start(command, environment: environment)
    } catch {
      throw ExternalCommandFailure(problem: error.description, lastStandardErrorLine: nil)
    }
    child.closeInput()
    let deadline = OracleClock.Deadline(seconds: timeoutSeconds)
    func stopped(_ problem: String) -> ExternalCommandFailure {
      child.terminate()
      return ExternalCommandFailure(problem: problem, lastStandardErrorLine: child.standardError.lastNonEmptyLine)
    }
    let output: [UInt8]
    do {
      output = try child.receiveToEnd(limit: outputLimit, deadline: deadline)
    } catch .timeout {
      throw stopped("did not finish within \(OracleChildFailure.seconds(timeoutSeconds)) (stopped)")
    } catch {
      throw stopped("\(error.description) (stopped)")
    }
    let remaining = Double(deadline.remainingMilliseconds) / 1000
    guard let ended = child.waitForExit(seconds: remaining) else {
      throw stopped("did not finish within \(OracleChildFailure.seconds(timeoutSeconds)) (stopped)")
    }
    let line = child.standardError.finish(within: 0.5)
    guard ended == .exited(0) else { throw ExternalCommandFailure(problem: ended.description, lastStandardErrorLine: line) }
    return ExternalCommandRun(standardOutput: output, lastStandardErrorLine: line)
  }
}
