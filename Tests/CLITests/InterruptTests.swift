import Foundation
import Testing
import TestSupport

/// SIGINT, SIGTERM, SIGHUP or SIGQUIT during a long run: status 128 + signal, one
/// line saying so (no crash backtrace), and no output or temporary file left behind.
@Suite("Interrupt: nothing partial is left")
struct InterruptTests {
  /// Worker threads are still inside BLAS when the signal arrives: the handler must
  /// end the process without running the C libraries' exit-time destructors under
  /// them (with `exit` the run could die of a segmentation fault, status 139).
  @Test("covariance --save stopped by a signal", arguments: [
    (CommandRunner.StopSignal.interrupt, 1), (CommandRunner.StopSignal.terminate, 2),
    (CommandRunner.StopSignal.hangup, 1), (CommandRunner.StopSignal.quit, 2),
  ])
  func interruptedCovariance(signal: CommandRunner.StopSignal, workers: Int) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hessianlab-signal-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let output = dir.appendingPathComponent("cov.npy")
    // About a minute uninterrupted in a debug build; stopped after 1.5 s.
    let result = try CommandRunner.runInterrupted(
      ["covariance", "quad-rank-deficient", "--population", "100", "--kept", "200000", "--workers", "\(workers)",
       "--seed", "1", "--save", output.path], after: 1.5, signal: signal)
    #expect(result.status == signal.expectedStatus, "status \(result.status): \(result.standardError)")
    let lines = result.standardError.split(separator: "\n")
    #expect(lines.count == 1 && lines[0].hasPrefix("hessian-lab: interrupted by \(signal)"), "\(result.standardError)")
    #expect(result.standardOutput.isEmpty)
    let left = try FileManager.default.contentsOfDirectory(atPath: dir.path)
    #expect(left.isEmpty, "left behind: \(left)")
  }
}
