import Foundation
import Testing

import HessianLab
@testable import HessianCore

@Suite("ExternalCommandRun: one run of a command that answers and exits")
struct ExternalCommandRunTests {
  @Test("Output, environment and the last standard-error line come back")
  func output() throws {
    let r = try ExternalCommandRun.run(
      #"echo "hi $GREETING"; echo 'a note' >&2"#, environment: ["GREETING": "there"], timeoutSeconds: 10)
    #expect(String(decoding: r.standardOutput, as: UTF8.self) == "hi there\n")
    #expect(r.lastStandardErrorLine == "a note")
  }

  @Test("A non-zero exit, a timeout, and too much output are failures; nothing is left running")
  func failures() {
    #expect(throws: ExternalCommandFailure(problem: "exited with status 3", lastStandardErrorLine: "bad")) {
      try ExternalCommandRun.run("echo bad >&2; exit 3", timeoutSeconds: 10)
    }
    let before = OracleProcesses.liveProcessIDs
    do {
      _ = try ExternalCommandRun.run("sleep 30 & sleep 30", timeoutSeconds: 0.5)
      Issue.record("no timeout")
    } catch {
      #expect(error.problem == "did not finish within 0.5 s (stopped)")
    }
    #expect(OracleProcesses.liveProcessIDs.filter { !before.contains($0) }.isEmpty)
    #expect(throws: ExternalCommandFailure.self) {
      try ExternalCommandRun.run("yes", timeoutSeconds: 10, outputLimit: 1000)
    }
  }
}
