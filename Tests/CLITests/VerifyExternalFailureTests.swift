import Foundation
import Testing

@testable import TestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// `verify --external` with an estimator that breaks: one line naming the command, the landscape
/// and the seed (and quoting its last standard-error line), exit status 2, no process left.
@Suite("hessian-lab verify --external: broken estimators and bad options")
struct VerifyExternalFailureTests {
  static let script = "fixtures/external-estimators/misbehaving.py"

  static func run(_ mode: String, quantity: String = "llc", extra: [String] = [], environment: [String: String] = [:]) throws
    -> CommandResult
  {
    try CommandRunner.run(
      ["verify", "--external", "\(script) \(mode)", "--quantity", quantity, "--landscapes", "nc-x2", "--seeds", "2", "--seed", "9"]
        + extra, environment: environment)
  }

  struct Mode: Sendable, CustomTestStringConvertible {
    var mode: String
    var says: String
    var testDescription: String { mode }
  }

  static let modes: [Mode] = [
    Mode(mode: "crash", says: "exited with status 3; its last standard-error line: \"fake estimator: the chain diverged at step 412\""),
    Mode(mode: "garbage", says: "printed no JSON object on standard output (its last line: \"estimate is about 8, I think\""),
    Mode(mode: "silent", says: "printed nothing on standard output"),
    Mode(mode: "nan", says: "its \"value\" is nan, not a finite number"),
    Mode(mode: "negative-se", says: "its \"standardError\" is -1.0, not a finite number ≥ 0"),
    Mode(mode: "no-se", says: "has no \"standardError\""),
  ]

  @Test("A broken run is one line naming command, landscape and seed, exit 2", arguments: modes)
  func brokenRun(_ m: Mode) throws {
    let r = try Self.run(m.mode)
    #expect(r.status == 2, "\(r.standardOutput)\n\(r.standardError)")
    #expect(r.standardOutput.isEmpty)
    let last = r.standardError.split(separator: "\n").last.map(String.init) ?? ""
    #expect(last.hasPrefix("hessian-lab: error: external estimator '\(Self.script) \(m.mode)' on nc-x2 with seed "), "\(last)")
    #expect(last.contains(m.says), "\(last)")
  }

  /// Whether `pid` can run no more code: it does not exist, is a zombie, is already exiting
  /// (PF_EXITING, 0x4, in the flags field of /proc/PID/stat: it took a fatal signal and is inside
  /// the kernel's exit path, where later signals are no longer queued), or has SIGKILL pending
  /// (the group kill was sent and the kernel ends it before it returns to user space; on a
  /// loaded machine either can be seen just after hessian-lab has exited).
  static func isGone(_ pid: pid_t) -> Bool {
    guard kill(pid, 0) == 0 else { return true }
    let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
    let fields = stat.split(separator: ")").last?.split(separator: " ") ?? []
    if fields.first?.hasPrefix("Z") ?? true { return true }
    // After the command: state, ppid, pgrp, session, tty_nr, tpgid, flags.
    if fields.count > 6, let flags = UInt64(fields[6]), flags & 0x4 != 0 { return true }
    let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
    for line in status.split(separator: "\n") where line.hasPrefix("SigPnd:") || line.hasPrefix("ShdPnd:") {
      if let mask = UInt64(line.split(separator: "\t").last ?? "", radix: 16), mask & (1 << (SIGKILL - 1)) != 0 { return true }
    }
    return false
  }

  @Test("A run that hangs times out, and neither it nor its child is left running")
  func hangTimesOut() throws {
    let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("estimator-\(UUID().uuidString).pid").path
    defer { try? FileManager.default.removeItem(atPath: pidFile) }
    let start = Date()
    // 5 s: time for python3 to start and write its pid file on a loaded machine.
    let r = try Self.run("hang", extra: ["--timeout", "5"], environment: ["FAKE_ESTIMATOR_PID_FILE": pidFile])
    #expect(Date().timeIntervalSince(start) < 30)
    #expect(r.status == 2, "\(r.standardError)")
    #expect(r.standardError.contains("did not finish within 5 s (stopped); its last standard-error line: \"fake estimator: sampling...\""), "\(r.standardError)")
    let pids = try String(contentsOfFile: pidFile, encoding: .utf8).split(separator: " ").compactMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    #expect(pids.count == 2)
    for pid in pids { #expect(Self.isGone(pid), "process \(pid) is still running") }
  }

  @Test("Ctrl-C during a run: exit 130, and neither the estimator nor its child is left running")
  func interrupted() throws {
    let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("estimator-\(UUID().uuidString).pid").path
    defer { try? FileManager.default.removeItem(atPath: pidFile) }
    let r = try CommandRunner.runInterrupted(
      ["verify", "--external", "\(Self.script) hang \(pidFile)", "--quantity", "llc", "--landscapes", "nc-x2", "--seeds", "2"],
      after: 6, signal: .interrupt)
    #expect(r.status == 130, "\(r.standardError)")
    let pids = ((try? String(contentsOfFile: pidFile, encoding: .utf8)) ?? "").split(separator: " ")
      .compactMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    #expect(pids.count == 2, "the estimator had not started within 6 s")
    for pid in pids { #expect(Self.isGone(pid), "process \(pid) is still running") }
  }

  @Test("A run that answers but does not exit times out too")
  func lingerTimesOut() throws {
    let r = try Self.run("linger", extra: ["--timeout", "1"])
    #expect(r.status == 2)
    #expect(r.standardError.contains("did not finish within 1 s (stopped)"), "\(r.standardError)")
  }

  struct Refusal: Sendable, CustomTestStringConvertible {
    var arguments: [String]
    var says: String
    var testDescription: String { arguments.joined(separator: " ") }
  }

  static let calibrated = "fixtures/external-estimators/calibrated.py"
  static let refusals: [Refusal] = [
    Refusal(arguments: ["--external", calibrated], says: "--external: give --quantity llc or --quantity rank"),
    Refusal(arguments: ["--quantity", "llc"], says: "--quantity: applies only with --external COMMAND"),
    Refusal(arguments: ["nc-x2", "--external", calibrated, "--quantity", "llc"], says: "--external: cannot be combined with the landscape argument 'nc-x2'"),
    Refusal(arguments: ["--external", calibrated, "--quantity", "llc", "--quick"], says: "--external: cannot be combined with --quick"),
    Refusal(arguments: ["--external", calibrated, "--quantity", "llc", "--landscapes", "poly-degenerate"], says: "--landscapes: poly-degenerate: its learning coefficient λ is not known"),
    Refusal(arguments: ["--external", calibrated, "--quantity", "llc", "--landscapes", "nc-x2,nope"], says: "--landscapes: nope"),
    Refusal(arguments: ["--external", calibrated, "--quantity", "llc", "--landscapes", "nc-x2,,nc-x4"], says: "--landscapes: 'nc-x2,,nc-x4' has an empty item"),
    Refusal(arguments: ["--external", calibrated, "--quantity", "llc", "--landscapes", "nc-x2,nc-x2"], says: "--landscapes: nc-x2 is listed twice"),
    Refusal(arguments: ["--external", calibrated, "--quantity", "llc", "--seeds", "1"], says: "--seeds: 1 runs per landscape; need at least 2"),
    Refusal(arguments: ["--external", calibrated, "--quantity", "llc", "--seeds", "2001"], says: "5 landscapes × 2001 seeds = 10005 runs of the estimator, more than the ceiling 10000; refused before starting"),
    Refusal(arguments: ["--external", calibrated, "--quantity", "llc", "--false-failure", "0"], says: "--false-failure: P = 0.0 must be in (0, 1)"),
    Refusal(arguments: ["--external", calibrated, "--quantity", "rank", "--confidence", "1"], says: "--confidence: c = 1.0 must be in (0, 1)"),
    Refusal(arguments: ["--external", calibrated, "--quantity", "llc", "--timeout", "0"], says: "--timeout: 0.0 must be a positive, finite number of seconds"),
    Refusal(arguments: ["--external", " ", "--quantity", "llc"], says: "--external: the estimator command is empty"),
  ]

  @Test("Bad options are refused before any run, in one line", arguments: refusals)
  func refused(_ c: Refusal) throws {
    let r = try CommandRunner.run(["verify"] + c.arguments)
    #expect(r.status == 2)
    let lines = r.standardError.split(separator: "\n")
    #expect(lines.count == 1, "\(r.standardError)")
    #expect(r.standardError.contains(c.says), "\(r.standardError)")
  }
}
