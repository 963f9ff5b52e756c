import Foundation

/// How a time-bounded run of `hessian-lab` ended.
public enum BoundedCommandResult: Sendable {
  /// The process exited by itself within the bound; `terminatedBySignal` is true
  /// when it was ended by a signal (then `result.status` is the signal number).
  case finished(CommandResult, terminatedBySignal: Bool, seconds: Double)
  /// The process was still running at the bound and was killed (SIGKILL).
  case timedOut(seconds: Double, partialStandardError: String)
}

extension CommandResult {
  /// A result with the given status and output (for tests of code that judges results).
  public static func made(status: Int32, standardOutput: String, standardError: String) -> CommandResult {
    CommandResult(status: status, standardOutput: standardOutput, standardError: standardError)
  }
}

extension CommandRunner {
  /// Runs `hessian-lab arguments…` in `directory` with `NO_COLOR=1` plus
  /// `environment`, and kills it (SIGKILL) if it has not exited after `timeout`
  /// seconds. Standard output and error are drained concurrently, so a child
  /// that writes a lot cannot block on a full pipe.
  public static func run(
    _ arguments: [String], timeout: Double, in directory: URL = Repository.root,
    environment: [String: String] = [:]
  ) throws -> BoundedCommandResult {
    let (process, out, err) = prepare(executable, arguments, in: directory, environment: environment)
    process.standardInput = FileHandle.nullDevice
    let exited = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in exited.signal() }
    let start = Date()
    try process.run()
    let drained = DispatchGroup()
    let buffers = PipeBuffers()
    for (handle, isError) in [(out.fileHandleForReading, false), (err.fileHandleForReading, true)] {
      drained.enter()
      DispatchQueue.global().async {
        let data = handle.readDataToEndOfFile()
        buffers.store(data, isError: isError)
        drained.leave()
      }
    }
    if exited.wait(timeout: .now() + timeout) == .timedOut {
      kill(process.processIdentifier, SIGKILL)
      exited.wait()
      _ = drained.wait(timeout: .now() + 5)
      return .timedOut(
        seconds: Date().timeIntervalSince(start),
        partialStandardError: String(decoding: buffers.error, as: UTF8.self))
    }
    drained.wait()
    let seconds = Date().timeIntervalSince(start)
    let result = CommandResult(
      status: process.terminationStatus,
      standardOutput: String(decoding: buffers.output, as: UTF8.self),
      standardError: String(decoding: buffers.error, as: UTF8.self))
    return .finished(result, terminatedBySignal: process.terminationReason == .uncaughtSignal, seconds: seconds)
  }
}

/// The two pipes' bytes, filled from two reader threads.
private final class PipeBuffers: @unchecked Sendable {
  private let lock = NSLock()
  private var out = Data(), err = Data()

  func store(_ data: Data, isError: Bool) {
    lock.lock()
    defer { lock.unlock() }
    if isError { err = data } else { out = data }
  }

  var output: Data { lock.lock(); defer { lock.unlock() }; return out }
  var error: Data { lock.lock(); defer { lock.unlock() }; return err }
}
