import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process-wide registry of live oracle children, so that no exit path leaves one behind.
///
/// A child is registered when it starts and removed when it is reaped. ``stopAll()`` ends and
/// reaps every registered child; it runs by itself at `exit` (an `atexit` handler installed with
/// the first child), and a signal handler that ends the process with `_exit` calls it first.
public enum OracleProcesses {
  private final class Registry: @unchecked Sendable {
    let lock = NSLock()
    var children: [pid_t: OracleChildProcess] = [:]
  }

  private static let registry = Registry()
  private static let setUp: Void = {
    signal(SIGPIPE, SIG_IGN)
    atexit { OracleProcesses.stopAll() }
  }()

  /// The process ids of the live (unreaped) oracle children, in increasing order. Cost: O(n log n).
  public static var liveProcessIDs: [Int32] {
    registry.lock.withLock { registry.children.keys.sorted() }
  }

  /// Ends every live oracle child and reaps it: SIGTERM to each child's process group, up to
  /// 2 s for all of them to end, then SIGKILL to the rest. Safe to call from any thread, more
  /// than once, and with no child running (it returns at once). Cost: at most about 2 s.
  public static func stopAll() { stopAll(where: { _ in true }) }

  /// ``stopAll()`` restricted to the children whose pid satisfies `include` (tests stop their own
  /// children only, so that parallel tests keep theirs).
  static func stopAll(where include: (pid_t) -> Bool) {
    let children = registry.lock.withLock { registry.children.values.filter { include($0.pid) } }
    guard !children.isEmpty else { return }
    children.forEach { $0.interrupt() }
    let deadline = OracleClock.Deadline(seconds: OracleChildProcess.gracePeriod)
    while children.contains(where: { $0.reapIfEnded() == nil }), deadline.remainingMilliseconds > 0 {
      usleep(5000)
    }
    for child in children where child.reapIfEnded() == nil {
      child.signalGroup(SIGKILL)
      _ = child.waitForExit(seconds: .infinity)
    }
  }

  /// Ignores SIGPIPE in this process (a write to a dead child's input then fails with EPIPE)
  /// and installs the `atexit` handler; done once, before the first child starts.
  static func ignoreBrokenPipes() { setUp }

  /// Adds a started child.
  static func register(_ child: OracleChildProcess) {
    registry.lock.withLock { registry.children[child.pid] = child }
  }

  /// Removes a reaped child.
  static func unregister(_ pid: pid_t) {
    let removed = registry.lock.withLock { registry.children.removeValue(forKey: pid) }
    _ = removed  // released here, outside the registry's lock
  }
}
