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
    // The shell and its background child write their pids (other tests' oracle children run in
    // parallel, so the registry as a whole is not compared).
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID().uuidString).pids").path
    defer { try? FileManager.default.removeItem(atPath: file) }
    do {
      _ = try ExternalCommandRun.run("sleep 30 & echo $! $$ > '\(file)'; sleep 30", timeoutSeconds: 2)
      Issue.record("no timeout")
    } catch {
      #expect(error.problem == "did not finish within 2 s (stopped)")
    }
    let pids = ((try? String(contentsOfFile: file, encoding: .utf8)) ?? "").split(separator: " ")
      .compactMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    #expect(pids.count == 2)
    for pid in pids {
      let state = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8))?.split(separator: ")").last ?? ""
      #expect(kill(pid, 0) != 0 || state.trimmingCharacters(in: .whitespaces).hasPrefix("Z"), "process \(pid) is still running")
    }
    #expect(throws: ExternalCommandFailure.self) {
      try ExternalCommandRun.run("yes", timeoutSeconds: 10, outputLimit: 1000)
    }
  }
}
