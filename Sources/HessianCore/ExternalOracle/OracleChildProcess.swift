import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One oracle child: `/bin/sh -c COMMAND` started with `posix_spawn` in a process group of
/// its own, with pipes for standard input and output and a ``OracleStandardErrorPump`` for
/// standard error. Reads and writes wait with `poll` against a deadline, so a hung child is a
/// timeout, and a child that has gone is an error (SIGPIPE is ignored: a write to a dead
/// child's input fails with EPIPE instead of killing HessianLab).
///
/// Every child is in ``OracleProcesses``' registry from its start until it is reaped;
/// ``stop()`` and the registry both end it (SIGTERM to its group, SIGKILL 2 s later) and reap
/// it exactly once, under a lock, so a recycled pid is never signalled.
final class OracleChildProcess: @unchecked Sendable {
  /// The shell's process id (also the id of the child's process group).
  let pid: pid_t
  /// The command as the user gave it.
  let command: String
  /// The child's standard error, passed through and remembered.
  let standardError: OracleStandardErrorPump
  /// Our end of the child's standard input (written, non-blocking).
  let input: Int32
  /// Our end of the child's standard output (read by ``receive(_:deadline:)`` and ``receiveToEnd(limit:deadline:)``).
  let output: Int32
  /// Guards ``termination`` and ``inputOpen`` (reaping and closing happen once).
  let lock = NSLock()
  /// How the child ended, once it is reaped.
  var termination: OracleTermination?
  /// Whether our end of its standard input is still open.
  var inputOpen = true

  /// Seconds between SIGTERM and SIGKILL (and the grace after closing the input).
  static let gracePeriod = 2.0

  private init(pid: pid_t, command: String, input: Int32, output: Int32, standardError: Int32) {
    self.pid = pid
    self.command = command
    self.input = input
    self.output = output
    self.standardError = OracleStandardErrorPump(descriptor: standardError)
  }

  deinit {
    _ = stop()
    close(output)
  }

  /// Closes our end of the child's standard input (its next read sees end of file). Idempotent.
  func closeInput() {
    lock.withLock {
      if inputOpen { close(input) }
      inputOpen = false
    }
  }

  /// Starts `/bin/sh -c command` and registers it, with our environment plus `environment`
  /// (whose entries win). With `largePipes`, its standard input and
  /// output pipes get ``OraclePipeCapacity/bytes`` of buffer where the system allows it (a block
  /// then crosses in a few large writes instead of one 64 KiB pipeful per context switch).
  /// Cost: one `posix_spawn`, three pipes, one thread.
  ///
  /// - Throws: ``OracleChildFailure/spawn(_:)`` with the errno text when a pipe or the spawn fails.
  static func start(
    _ command: String, largePipes: Bool = true, environment: [String: String] = [:]
  ) throws(OracleChildFailure) -> OracleChildProcess {
    OracleProcesses.ignoreBrokenPipes()
    var pipes: [[Int32]] = []
    func closeAll() { pipes.joined().forEach { close($0) } }
    for _ in 0..<3 {
      var ends: [Int32] = [-1, -1]
      guard systemPipe2(&ends, O_CLOEXEC) == 0 else {
        let failure = OracleChildFailure.spawn(String(cString: strerror(errno)))
        closeAll()
        throw failure
      }
      pipes.append(ends)
    }
    var pid: pid_t = 0
    let status = spawnShell(
      command, environment: environment, stdin: pipes[0][0], stdout: pipes[1][1], stderr: pipes[2][1], pid: &pid)
    guard status == 0 else {
      closeAll()
      throw .spawn(String(cString: strerror(status)))
    }
    close(pipes[0][0])
    close(pipes[1][1])
    close(pipes[2][1])
    _ = fcntl(pipes[0][1], F_SETFL, fcntl(pipes[0][1], F_GETFL) | O_NONBLOCK)
    if largePipes { [pipes[0][1], pipes[1][0]].forEach { OraclePipeCapacity.enlarge($0) } }
    let child = OracleChildProcess(
      pid: pid, command: command, input: pipes[0][1], output: pipes[1][0], standardError: pipes[2][0])
    OracleProcesses.register(child)
    return child
  }

  /// `posix_spawn` of `/bin/sh -c command` with the three pipe ends as 0, 1, 2, in a new process
  /// group, with every signal at its default action and none blocked (HessianLab ignores SIGPIPE
  /// and its interrupt signals; a child must not inherit that). Returns the spawn's error number.
  private static func spawnShell(
    _ command: String, environment extra: [String: String], stdin: Int32, stdout: Int32, stderr: Int32, pid: inout pid_t
  ) -> Int32 {
    var actions = posix_spawn_file_actions_t()
    var attributes = posix_spawnattr_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawnattr_init(&attributes)
    defer {
      posix_spawn_file_actions_destroy(&actions)
      posix_spawnattr_destroy(&attributes)
    }
    posix_spawn_file_actions_adddup2(&actions, stdin, 0)
    posix_spawn_file_actions_adddup2(&actions, stdout, 1)
    posix_spawn_file_actions_adddup2(&actions, stderr, 2)
    var all = sigset_t(), none = sigset_t()
    sigfillset(&all)
    sigdelset(&all, SIGKILL)
    sigdelset(&all, SIGSTOP)
    sigemptyset(&none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setpgroup(&attributes, 0)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    let arguments: [UnsafeMutablePointer<CChar>?] = 
      ["/bin/sh", "-c", command].map { (text: String) in strdup(text) } + [nil]
    let environment: [UnsafeMutablePointer<CChar>?] =
      ProcessInfo.processInfo.environment.merging(extra) { _, given in given }
      .map { (key: String, value: String) in strdup("\(key)=\(value)") } + [nil]
    defer { (arguments + environment).forEach { free($0) } }
    return posix_spawn(&pid, "/bin/sh", &actions, &attributes, arguments, environment)
  }

  /// Writes `bytes` to the child's standard input, waiting for room until `deadline`
  /// (``OracleClock`` nanoseconds). Cost: O(bytes).
  ///
  /// - Throws: ``OracleChildFailure/timeout(seconds:writing:)`` when the child reads nothing
  ///   until the deadline, ``OracleChildFailure/ended(_:)``/``OracleChildFailure/closedStream``
  ///   when it has gone.
  func send(_ bytes: [UInt8], deadline: OracleClock.Deadline) throws(OracleChildFailure) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
      if written > 0 {
        offset += written
        continue
      }
      let code = errno
      if written < 0, code == EINTR { continue }
      if written < 0, code == EAGAIN || code == EWOULDBLOCK {
        try wait(for: input, events: POLLOUT, deadline: deadline, writing: true)
        continue
      }
      if code == EPIPE { throw endOfStream() }
      throw .io("cannot write its standard input (\(String(cString: strerror(code))))")
    }
  }

  /// Reads exactly `count` bytes from the child's standard output, waiting until `deadline`.
  /// The caller has checked `count` against the reply it expects. Cost: O(count).
  ///
  /// - Throws: ``OracleChildFailure/timeout(seconds:writing:)``, or the end of the child's
  ///   output (``endOfStream()``), or ``OracleChildFailure/io(_:)``.
  func receive(_ count: Int, deadline: OracleClock.Deadline) throws(OracleChildFailure) -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: count)
    var offset = 0
    while offset < count {
      try wait(for: output, events: POLLIN, deadline: deadline, writing: false)
      let got = bytes.withUnsafeMutableBytes { read(output, $0.baseAddress! + offset, count - offset) }
      if got > 0 {
        offset += got
        continue
      }
      if got < 0, errno == EINTR || errno == EAGAIN { continue }
      if got == 0 { throw endOfStream() }
      throw .io("cannot read its standard output (\(String(cString: strerror(errno))))")
    }
    return bytes
  }

  /// Reads one frame that must meet `expectation`: header, checks, then the payload (so no
  /// claimed length is allocated unless it is the expected reply's). Cost: O(reply size).
  func receiveFrame(expecting expectation: OracleFrame.Expectation, deadline: OracleClock.Deadline) throws(OracleChildFailure) -> OracleFrame {
    let headerBytes = try receive(OracleFrame.headerSize, deadline: deadline)
    let header: OracleFrame.Header
    do throws(OracleFrameError) {
      header = try OracleFrame.Header.decode(headerBytes)
      try header.check(against: expectation)
    } catch {
      throw .frame(error)
    }
    return OracleFrame(header: header, payload: try receive(header.length, deadline: deadline))
  }

  /// Polls `descriptor` for `events` until the deadline.
  private func wait(for descriptor: Int32, events: Int32, deadline: OracleClock.Deadline, writing: Bool) throws(OracleChildFailure) {
    while true {
      let remaining = deadline.remainingMilliseconds
      if remaining == 0 { throw .timeout(seconds: deadline.seconds, writing: writing) }
      var entry = pollfd(fd: descriptor, events: Int16(events), revents: 0)
      let ready = poll(&entry, 1, remaining)
      if ready > 0 { return }
      if ready < 0, errno != EINTR { throw .io("poll failed (\(String(cString: strerror(errno))))") }
    }
  }

  /// The failure for a child whose output ended or whose input broke: how it ended if it exits
  /// within the grace period, otherwise ``OracleChildFailure/closedStream`` (it is then stopped).
  func endOfStream() -> OracleChildFailure {
    if let ended = waitForExit(seconds: Self.gracePeriod) { return .ended(ended) }
    return .closedStream
  }
}

/// `pipe2(2)` (glibc ≥ 2.9), which the Glibc module does not import: both ends are created
/// close-on-exec atomically, so a process spawned concurrently by another thread never inherits
/// them (an inherited write end would hide the child's end of file).
@_silgen_name("pipe2")
private func systemPipe2(_ descriptors: UnsafeMutablePointer<Int32>, _ flags: Int32) -> Int32
