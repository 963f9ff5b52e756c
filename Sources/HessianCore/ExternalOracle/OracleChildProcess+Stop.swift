import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension OracleChildProcess {
  /// Reaps the child if it has ended, without waiting: nil while it runs.
  ///
  /// The end is first observed without reaping (`waitid` with `WNOWAIT`), then whatever is left
  /// of its process group (a command the shell forked) is sent SIGKILL, and only then is the
  /// shell reaped: the group id cannot be reused while the unreaped shell holds it, so the
  /// signal never reaches an unrelated process. Cost: two system calls.
  func reapIfEnded() -> OracleTermination? {
    let (ended, newly) = lock.withLock { () -> (OracleTermination?, Bool) in
      if let termination { return (termination, false) }
      var info = siginfo_t()
      let observed = waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT)
      if observed == 0, info._sifields._sigchld.si_pid == 0 { return (nil, false) }  // still running
      if observed != 0, errno != ECHILD { return (nil, false) }
      _ = kill(-pid, SIGKILL)
      var status: Int32 = 0
      var reaped: pid_t
      repeat { reaped = waitpid(pid, &status, 0) } while reaped < 0 && errno == EINTR
      termination = reaped == pid ? OracleTermination(waitStatus: status) : .vanished
      return (termination, true)
    }
    if newly { OracleProcesses.unregister(pid) }  // outside our lock: the registry never waits on it
    return ended
  }

  /// Waits up to `seconds` (polling every 5 ms) for the child to end and reaps it; nil when it
  /// is still running then.
  func waitForExit(seconds: Double) -> OracleTermination? {
    let deadline = OracleClock.Deadline(seconds: seconds)
    while true {
      if let ended = reapIfEnded() { return ended }
      if deadline.remainingMilliseconds == 0 { return nil }
      usleep(5000)
    }
  }

  /// Sends `signal` to the child's process group while it is unreaped (never after: its pid
  /// may be reused).
  func signalGroup(_ signal: Int32) {
    lock.withLock {
      if termination == nil { _ = kill(-pid, signal) }
    }
  }

  /// Ends the child: closes its input (a well-behaved server exits on end of file, or on the
  /// SHUTDOWN frame the caller sent), waits ``gracePeriod``, then ``terminate()``s it. Returns
  /// how it ended. Cost: at most about 4.5 s. Idempotent.
  @discardableResult
  func stop() -> OracleTermination {
    closeInput()
    if let ended = waitForExit(seconds: Self.gracePeriod) {
      _ = standardError.finish(within: 0.5)
      return ended
    }
    return terminate()
  }

  /// Ends the child after a failure, without the grace for a clean exit: closes its input, sends
  /// SIGTERM to its group, waits ``gracePeriod``, sends SIGKILL, reaps it, and waits briefly for
  /// its last standard-error bytes. Returns how it ended. Cost: at most about 2.5 s. Idempotent.
  @discardableResult
  func terminate() -> OracleTermination {
    closeInput()
    var ended = reapIfEnded()
    if ended == nil {
      signalGroup(SIGTERM)
      ended = waitForExit(seconds: Self.gracePeriod)
    }
    if ended == nil {
      signalGroup(SIGKILL)
      ended = waitForExit(seconds: .infinity)
    }
    _ = standardError.finish(within: 0.5)
    return ended ?? .vanished
  }

  /// Ends the child at once for an interrupt or an exit: SIGTERM now (the caller waits and then
  /// sends SIGKILL through ``signalGroup(_:)``).
  func interrupt() { signalGroup(SIGTERM) }
}
