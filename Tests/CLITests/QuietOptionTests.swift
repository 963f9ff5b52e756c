import Foundation
import Testing
import TestSupport

/// `-q`/`--quiet` on every command: the text output is a subset of the normal output's lines
/// (results only: plots, notes and progress removed), and with `--json` standard output is
/// unchanged (timings aside).
@Suite("--quiet on every command")
struct QuietOptionTests {
  /// One command line (without --quiet), whether it prints JSON, and a line --quiet must drop.
  struct Case: CustomTestStringConvertible, Sendable {
    var arguments: [String]
    var dropped: String? = nil
    var testDescription: String { arguments.joined(separator: " ") }
  }

  static let cases: [Case] = [
    Case(arguments: ["rank", "quad-rank-deficient", "--method", "block", "--seed", "1"]),
    Case(arguments: ["spectrum", "quad-full-rank", "--top", "3", "--seed", "1"], dropped: "legend:"),
    Case(arguments: ["spectrum", "quad-full-rank", "--density", "--probes", "4", "--seed", "1"], dropped: "legend:"),
    Case(arguments: ["landscapes"]),
    Case(arguments: ["describe", "newton-edge"]),
    Case(arguments: ["covariance", "quad:1,4:d=3", "--population", "5", "--kept", "40", "--seed", "1", "--diagnostic-kept", "20"]),
    Case(arguments: ["covariance", "quad:1,4:d=3", "--route", "cma", "--evaluations", "300", "--seed", "1"]),
    Case(arguments: ["llc", "quad-rank-deficient", "--method", "bounds", "--seed", "1"]),
    Case(
      arguments: [
        "compare", "--sweep", "d=6", "--method", "block", "--method", "covariance", "--confidence", "0.8", "--risk", "0.2",
        "--kept-cap-factor", "8", "--conversion", "theoretical",
      ], dropped: "legend:"),
    Case(arguments: ["verify", "nc-x2", "--quick"]),
    Case(arguments: ["check", "dln-3-2-3", "--quantity", "llc", "--value", "3.45", "--standard-error", "0.1"]),
    Case(arguments: ["reproduce", "robustness", "nc-x2"]),
  ]

  /// The lines of `text` without the ones that carry a timing (they differ between runs).
  static func lines(_ text: String) -> [String] {
    text.split(separator: "\n").map(String.init).filter { line in
      !line.contains("second") && line.range(of: #"[0-9] ?s\b"#, options: .regularExpression) == nil
    }
  }

  @Test("text: a subset of the normal lines; --json: the same output", arguments: cases)
  func quietIsSubset(_ c: Case) throws {
    let normal = try CommandRunner.run(c.arguments)
    let quiet = try CommandRunner.run(c.arguments + ["--quiet"])
    #expect(normal.status == 0 && quiet.status == 0, "\(quiet.standardError)")
    // The sweep table's last column ("timed": the HVP/loss cost ratio measured in this run) differs between runs.
    let untimed: (String) -> [String] = { text in
      Self.lines(text).map { line in
        c.arguments.contains("--sweep") && line.first?.isNumber == true ? line.replacing(/\s+[0-9.e+-]+\s*$/, with: "") : line
      }
    }
    let extra = Set(untimed(quiet.standardOutput)).subtracting(untimed(normal.standardOutput))
    #expect(extra.isEmpty, "lines only in --quiet: \(extra.sorted())")
    #expect(!quiet.standardOutput.isEmpty)
    if let dropped = c.dropped {
      #expect(normal.standardOutput.contains(dropped) && !quiet.standardOutput.contains(dropped))
    }
    let json = try CommandRunner.run(c.arguments + ["--json"])
    let quietJSON = try CommandRunner.run(c.arguments + ["--json", "-q"])
    #expect(CommandRunner.withoutTiming(json.standardOutput) == CommandRunner.withoutTiming(quietJSON.standardOutput))
  }

  @Test("rank --svg: the note about the written file is dropped; warnings stay")
  func notesAndWarnings() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hl-quiet-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let svg = try CommandRunner.run(["rank", "quad-full-rank", "--svg", "r.svg", "--quiet"], in: folder)
    #expect(svg.status == 0 && !svg.standardOutput.contains("wrote"))
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("r.svg").path))
    // A typed warning (the multiplicity trap of single-vector Lanczos) survives --quiet.
    let warned = try CommandRunner.run(["rank", "quad:1*20:d=200:seed=3", "--method", "lanczos", "--seed", "1", "--quiet"])
    let normal = try CommandRunner.run(["rank", "quad:1*20:d=200:seed=3", "--method", "lanczos", "--seed", "1"])
    // The drawn-seed hint is a note; the seed itself stays in the report.
    let drawn = try CommandRunner.run(["llc", "quad-rank-deficient", "--method", "bounds", "--quiet"])
    #expect(drawn.status == 0 && !drawn.standardOutput.contains("(drawn; pass --seed") && drawn.standardOutput.contains("seed "))
    let warnings = normal.standardOutput.split(separator: "\n").filter { $0.contains("warning") }
    #expect(!warnings.isEmpty)
    for w in warnings { #expect(warned.standardOutput.contains(w)) }
  }

  @Test("lesson list and check, bench: quiet drops the summary and the exercise text; bench's JSON unchanged")
  func lessonsAndBench() throws {
    let state = FileManager.default.temporaryDirectory.appendingPathComponent("hl-quiet-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: state) }
    let env = ["HESSIAN_LAB_STATE_DIR": state.path]
    let list = try CommandRunner.run(["lesson", "list"], environment: env)
    let quietList = try CommandRunner.run(["lesson", "list", "-q"], environment: env)
    #expect(quietList.status == 0 && list.standardOutput.contains("0 of 16 done") && !quietList.standardOutput.contains("0 of 16 done"))
    #expect(Set(Self.lines(quietList.standardOutput)).isSubset(of: Self.lines(list.standardOutput)))
    _ = try CommandRunner.run(["lesson", "start", "1", "--non-interactive", "--quiet"], environment: env)
    let check = try CommandRunner.run(["lesson", "check", try LessonOneAnswer.compute(environment: env), "--quiet"], environment: env)
    #expect(check.status == 0, "\(check.standardError)")
    #expect(!check.standardOutput.contains("— exercise") && check.standardOutput.contains("Solved"))
    let bench = try CommandRunner.run(["bench", "dgemm", "--repeat", "1", "--quiet"])
    #expect(bench.status == 0 && bench.standardOutput.contains("\"case\":\"dgemm\""))
  }

  @Test("tour --quick --quiet prints only the verdict section")
  func tour() throws {
    let quiet = try CommandRunner.run(["tour", "--quick", "--quiet"])
    #expect(quiet.status == 0, "\(quiet.standardError)")
    #expect(!quiet.standardOutput.contains("== ") && !quiet.standardOutput.contains("Known answers"))
    #expect(quiet.standardOutput.contains("tour finished in"))
  }
}
