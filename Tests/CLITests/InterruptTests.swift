import Foundation
import Testing
import TestSupport

/// SIGINT during a long run: status 130, one line saying so, and no output or
/// temporary file left behind.
@Suite("Interrupt: nothing partial is left")
struct InterruptTests {
  @Test("covariance --save interrupted by SIGINT")
  func interruptedCovariance() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hessianlab-sigint-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let output = dir.appendingPathComponent("cov.npy")
    // About a minute uninterrupted in a debug build; interrupted after 1.5 s.
    let result = try CommandRunner.runInterrupted(
      ["covariance", "quad-rank-deficient", "--population", "100", "--kept", "200000", "--workers", "1",
       "--seed", "1", "--save", output.path], after: 1.5)
    #expect(result.status == 130, "status \(result.status): \(result.standardError)")
    let lines = result.standardError.split(separator: "\n")
    #expect(lines.count == 1 && lines[0].hasPrefix("hessian-lab: interrupted by SIGINT"), "\(result.standardError)")
    #expect(result.standardOutput.isEmpty)
    let left = try FileManager.default.contentsOfDirectory(atPath: dir.path)
    #expect(left.isEmpty, "left behind: \(left)")
  }
}
