import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Copies an oracle child's standard error through to ours, as it arrives, on a thread of its
/// own, and remembers the last non-empty line so that an error can quote it.
///
/// Cost: one thread per child and a 4 KiB buffer; a line longer than ``lineLimit`` bytes is
/// remembered only up to the limit (the pass-through copies all of it).
final class OracleStandardErrorPump: @unchecked Sendable {
  /// The longest part of one line kept for quoting.
  static let lineLimit = 1000

  private let descriptor: Int32
  private let lock = NSLock()
  private var lastLine: String?
  private var pending: [UInt8] = []
  private var stopRequested = false
  private let finished = DispatchSemaphore(value: 0)

  /// Starts copying from `descriptor` (the read end of the child's standard-error pipe); the
  /// pump owns it and closes it when it stops.
  init(descriptor: Int32) {
    self.descriptor = descriptor
    let thread = Thread { [self] in run() }
    thread.name = "hessian-lab.oracle-stderr"
    thread.start()
  }

  /// The last non-empty line read so far (trimmed), nil when there was none.
  var lastNonEmptyLine: String? { lock.withLock { lastLine } }

  /// Waits up to `seconds` for the child's standard error to end (every writer gone), then stops
  /// the pump either way and returns the last non-empty line, the unfinished line included.
  func finish(within seconds: Double) -> String? {
    if finished.wait(timeout: .now() + seconds) == .timedOut {
      lock.withLock { stopRequested = true }
      finished.wait()
    }
    finished.signal()  // later calls return at once
    return lastNonEmptyLine
  }

  private func run() {
    var buffer = [UInt8](repeating: 0, count: 4096)
    while !lock.withLock({ stopRequested }) {
      var pollDescriptor = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      let ready = poll(&pollDescriptor, 1, 200)
      if ready < 0, errno == EINTR { continue }
      if ready == 0 { continue }
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0, errno == EINTR || errno == EAGAIN { continue }
      if count <= 0 { break }
      let chunk = Array(buffer[0..<count])
      Self.passThrough(chunk)
      remember(chunk)
    }
    lock.withLock {
      if let line = Self.trimmed(pending) { lastLine = line }
      pending = []
    }
    close(descriptor)
    finished.signal()
  }

  /// Keeps the last complete non-empty line and the start of the unfinished one.
  private func remember(_ chunk: [UInt8]) {
    lock.withLock {
      for byte in chunk {
        if byte == UInt8(ascii: "\n") {
          if let line = Self.trimmed(pending) { lastLine = line }
          pending.removeAll(keepingCapacity: true)
        } else if pending.count < Self.lineLimit {
          pending.append(byte)
        }
      }
    }
  }

  /// `bytes` as text without surrounding white space, nil when nothing is left.
  static func trimmed(_ bytes: [UInt8]) -> String? {
    let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    return text.isEmpty ? nil : text
  }

  /// Writes `bytes` to our standard error in full (a failing write is dropped: the oracle's
  /// messages must never stop the run).
  static func passThrough(_ bytes: [UInt8]) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
      if written < 0, errno == EINTR { continue }
      if written <= 0 { return }
      offset += written
    }
  }
}
