/// How an oracle child process ended, decoded from its `waitpid` status.
///
/// `/bin/sh -c COMMAND` does not always `exec` the command (Debian's dash forks it), so a
/// command killed by a signal often shows as the shell exiting with 128 + signal; the
/// description names the signal in that case too.
public enum OracleTermination: Equatable, Sendable, CustomStringConvertible {
  /// The process called `exit(status)`.
  case exited(Int32)
  /// The process was ended by signal `number`.
  case signaled(Int32)
  /// The process was gone before HessianLab could collect its status (reaped elsewhere).
  case vanished

  /// The termination a raw `waitpid` status word describes (the `WIFEXITED`/`WTERMSIG` macros,
  /// which Swift cannot import, written out). A stopped or continued status reads as a signal.
  public init(waitStatus status: Int32) {
    let low = status & 0x7F
    self = low == 0 ? .exited((status >> 8) & 0xFF) : .signaled(low)
  }

  /// `exited with status 1`, `killed by signal 9 (SIGKILL)`, or for a shell's 128 + n
  /// `exited with status 137 (128 + 9: killed by signal 9, SIGKILL)`.
  public var description: String {
    switch self {
    case .exited(let status):
      if status > 128, status < 128 + 32 {
        return "exited with status \(status) (128 + \(status - 128): killed by signal \(status - 128)\(Self.name(status - 128).map { ", \($0)" } ?? ""))"
      }
      return "exited with status \(status)"
    case .signaled(let number):
      return "killed by signal \(number)\(Self.name(number).map { " (\($0))" } ?? "")"
    case .vanished:
      return "ended (its exit status was collected elsewhere)"
    }
  }

  /// The usual name of a POSIX signal number on Linux, nil for the others.
  static func name(_ number: Int32) -> String? {
    let names: [Int32: String] = [
      1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 4: "SIGILL", 5: "SIGTRAP", 6: "SIGABRT", 7: "SIGBUS",
      8: "SIGFPE", 9: "SIGKILL", 10: "SIGUSR1", 11: "SIGSEGV", 12: "SIGUSR2", 13: "SIGPIPE",
      14: "SIGALRM", 15: "SIGTERM",
    ]
    return names[number]
  }
}
