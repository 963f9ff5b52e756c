import Foundation
import Testing
import TestSupport

/// Messages name the input and its plain cause: unreadable files, control characters
/// and huge values echoed back, numeric failures, the lesson state folder.
@Suite("Messages that name the input")
struct PlainMessageTests {
  static func folder() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hessianlab-msg-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  /// Exit 2 and exactly one line on standard error, which contains every `part`.
  static func expectOneLine(_ result: CommandResult, _ parts: [String], _ context: String) {
    #expect(result.status == 2, "\(context): status \(result.status): \(result.standardError)")
    let lines = result.standardError.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 2 && lines[1].isEmpty, "\(context): \(result.standardError)")
    for part in parts { #expect(result.standardError.contains(part), "\(context): \(part) missing: \(result.standardError)") }
  }

  @Test("Unreadable .npy and fixture paths: directory, device, link loop, broken link, missing")
  func unreadableFiles() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let fm = FileManager.default
    for ext in ["npy", "json"] {
      try fm.createDirectory(at: dir.appendingPathComponent("dir.\(ext)"), withIntermediateDirectories: true)
      try fm.createSymbolicLink(atPath: dir.path + "/zero.\(ext)", withDestinationPath: "/dev/zero")
      try fm.createSymbolicLink(atPath: dir.path + "/loop.\(ext)", withDestinationPath: dir.path + "/loop.\(ext)")
      try fm.createSymbolicLink(atPath: dir.path + "/broken.\(ext)", withDestinationPath: dir.path + "/none.\(ext)")
      let cases = [
        ("dir", "is a directory"), ("zero", "not a regular file"), ("loop", "symbolic link loop"),
        ("broken", "broken symbolic link"), ("absent", "no such file"),
      ]
      for (name, cause) in cases {
        for command in [["rank"], ["describe"]] {
          let result = try CommandRunner.run(command + [dir.path + "/\(name).\(ext)"])
          Self.expectOneLine(result, ["\(name).\(ext)", cause], "\(command) \(name).\(ext)")
          #expect(!result.standardError.contains("NSCocoaErrorDomain") && !result.standardError.contains("ermission"))
        }
      }
    }
  }

  @Test("Control characters in echoed input never split the line; huge values are shortened")
  func echoedInput() throws {
    let breaks = ["\n", "\r", "\r\n", "\u{1B}[2J", "\u{2028}", "\t"]
    for b in breaks {
      for args in [["rank", "quad:1\(b)2:d=3"], ["describe", "poly:x0^2\(b):d=2"], ["rank", "x\(b).npy"], ["rank", "quad:1,2:d=3", "--probes", "1\(b)"]] {
        let result = try CommandRunner.run(args)
        // A tab may be read as spacing and the input accepted; a refusal is one line.
        if result.status != 0 || b != "\t" { Self.expectOneLine(result, [], "\(args.debugDescription)") }
      }
    }
    let digits = String(repeating: "9", count: 10_000)
    for args in [["rank", "quad:1,2:d=3", "--probes", digits], ["rank", "quad:\(digits):d=3"], ["covariance", "nc-x2", "--population", digits, "--kept", "10"]] {
      let result = try CommandRunner.run(args)
      Self.expectOneLine(result, ["999"], "10⁴ digits \(args[0]) \(args[1].prefix(8))")
      #expect(result.standardError.count < 400, "\(result.standardError.count) characters")
    }
  }

  @Test("Numeric failures name the input: covariance --sigma 1e300, verify --budget 1e-17")
  func numericFailures() throws {
    Self.expectOneLine(
      try CommandRunner.run(["covariance", "nc-x2", "--population", "10", "--kept", "100", "--sigma", "1e300", "--seed", "1"]),
      ["--sigma", "1e+300"], "sigma 1e300")
    let budget = try CommandRunner.run(["verify", "quad-rank-deficient", "--budget", "1e-17", "--quick"])
    Self.expectOneLine(budget, ["--budget", "1e-17"], "budget 1e-17")
    #expect(!budget.standardError.contains("GSL"))
  }

  @Test("HESSIAN_LAB_STATE_DIR: a missing parent folder and an empty value are refused")
  func stateFolder() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let deep = dir.appendingPathComponent("nonexistent/deep/x").path
    let refused = try CommandRunner.run(["lesson", "start", "1"], environment: ["HESSIAN_LAB_STATE_DIR": deep])
    Self.expectOneLine(refused, ["HESSIAN_LAB_STATE_DIR", "does not exist"], "missing parent")
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("nonexistent").path), "a folder tree was created")
    let empty = try CommandRunner.run(["lesson", "list"], environment: ["HESSIAN_LAB_STATE_DIR": ""])
    Self.expectOneLine(empty, ["HESSIAN_LAB_STATE_DIR", "empty"], "empty value")
    // One missing level is created (the usual first run).
    let fresh = dir.appendingPathComponent("state").path
    let ok = try CommandRunner.run(["lesson", "list"], environment: ["HESSIAN_LAB_STATE_DIR": fresh])
    #expect(ok.status == 0, "\(ok.standardError)")
  }
}
