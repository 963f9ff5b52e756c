/// Why one run of an external command (``ExternalCommandRun``) gave no usable output: it could
/// not start, exited non-zero or was killed, timed out, or printed too much. The caller names the
/// command and what it was asked (an ``InputError``).
public struct ExternalCommandFailure: Error, Equatable, Sendable, CustomStringConvertible {
  /// What went wrong, in a few words: `exited with status 1`, `no answer within 5 s (stopped)`.
  public let problem: String
  /// The command's last non-empty standard-error line, nil when it printed none.
  public let lastStandardErrorLine: String?

  /// A failure with its problem and the command's last standard-error line.
  public init(problem: String, lastStandardErrorLine: String?) {
    self.problem = problem
    self.lastStandardErrorLine = lastStandardErrorLine
  }

  /// The problem, then the quoted standard-error line when there is one.
  public var description: String {
    problem + (lastStandardErrorLine.map { "; its last standard-error line: \"\($0)\"" } ?? "")
  }
}
