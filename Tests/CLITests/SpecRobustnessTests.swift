import Foundation
import HessianLab
import Testing
import TestSupport

/// Issue 17's classes 1 (recursion in fixtures), 8 (bad input accepted) and
/// 10 (consistency), end to end: each example of the issue is refused with exit
/// status 2 and one line on standard error naming the input.
@Suite("Specs, fixtures and flags: bad input refused, naming it")
struct SpecRobustnessTests {
  /// A fresh folder for one test's files.
  static func folder() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hl-specs-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  /// Writes fixture `name`.json into `dir` with `spec` and `known` overrides; returns its path.
  @discardableResult
  static func fixture(_ name: String, spec: String, in dir: URL, known: [String: Any] = [:]) throws -> String {
    var k: [String: Any] = [
      "dimension": 2, "rank": 1, "learningCoefficient": "3/4", "multiplicity": 1, "provenance": "theorem", "source": "test",
    ]
    for (key, value) in known { k[key] = value }
    let json: [String: Any] = [
      "schemaVersion": 1, "id": name, "description": "test", "spec": spec, "tags": [String](), "known": k,
    ]
    let path = dir.appendingPathComponent("\(name).json").path
    try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// Exit 2, nothing on standard output (unless `output`), one line on standard
  /// error naming `names` and saying `says`.
  static func expectRefused(_ r: CommandResult, names: String, says: String, _ label: String, output: Bool = false) {
    #expect(r.status == 2, "\(label): status \(r.status): \(r.standardError)")
    #expect(output || r.standardOutput.isEmpty, "\(label): \(r.standardOutput)")
    let lines = r.standardError.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == 1, "\(label): \(r.standardError)")
    #expect(r.standardError.hasPrefix("hessian-lab: error: "), "\(label): \(r.standardError)")
    #expect(r.standardError.contains(names), "\(label): does not name \(names): \(r.standardError)")
    #expect(r.standardError.contains(says), "\(label): does not say \(says): \(r.standardError)")
  }

  @Test("empty list items and repeated spec keys are refused", arguments: [
    (["describe", "quad:1,,2:d=3"], "quad:1,,2:d=3", "item 2 of 3 is empty"),
    (["describe", "quad:,:d=3"], "quad:,:d=3", "item 1 of 2 is empty"),
    (["rank", "sum:quad:1,|quad:2"], "quad:1,", "item 2 of 2 is empty"),
    (["describe", "poly:x0^2:d=3:d=4"], "poly:x0^2:d=3:d=4", "option 'd' is given twice"),
    (["describe", "dln:3-2-3:rank=1:rank=2"], "dln:3-2-3:rank=1:rank=2", "option 'rank' is given twice"),
    (["covariance", "nc-x2", "--center-offset", "1,", "--population", "10", "--kept", "10", "--seed", "1"],
     "--center-offset", "item 2 of 2 is empty"),
    (["covariance", "nc-x2", "--center-offset", ",", "--population", "10", "--kept", "10", "--seed", "1"],
     "--center-offset", "item 1 of 2 is empty"),
    (["compare", "--sweep", "d=10,,30"], "--sweep", "item 2 of 3 is empty"),
  ])
  func listsAndKeys(arguments: [String], names: String, says: String) throws {
    Self.expectRefused(try CommandRunner.run(arguments), names: names, says: says, arguments.joined(separator: " "))
  }

  @Test("llc --multiplicity above d, spectrum --top with --probes, and help for no command are refused")
  func flags() throws {
    Self.expectRefused(
      try CommandRunner.run(["llc", "nc-x2", "--multiplicity", "\(Int.max)", "--method", "volume", "--seed", "1"]),
      names: "--multiplicity", says: "larger than the dimension", "llc --multiplicity Int.max")
    Self.expectRefused(
      try CommandRunner.run(["spectrum", "quad-full-rank", "--top", "2", "--probes", "5"]),
      names: "--probes", says: "--density only", "spectrum --top --probes")
    Self.expectRefused(
      try CommandRunner.run(["spectrum", "quad-full-rank", "--bottom", "2", "--probes", "20"]),
      names: "--probes", says: "--density only", "spectrum --bottom --probes (the default value)")
    Self.expectRefused(try CommandRunner.run(["help", "nosuch"]), names: "'nosuch'", says: "no such command", "help nosuch")
    Self.expectRefused(
      try CommandRunner.run(["help", "lesson", "nosuch"]), names: "'nosuch'", says: "no such command", "help lesson nosuch")
    for topic in [["help"], ["help", "rank"], ["help", "lesson", "check"]] {
      let r = try CommandRunner.run(topic)
      #expect(r.status == 0, "\(topic): \(r.standardError)")
      #expect(r.standardOutput.contains("USAGE"), "\(topic)")
    }
  }

  @Test("verify refuses fixtures with an out-of-range field, and a fixture folder without fixtures")
  func fixtureFields() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    for (name, known, field) in [
      ("m-neg", ["multiplicity": -5], "known.multiplicity"), ("m-zero", ["multiplicity": 0], "known.multiplicity"),
      ("d-frac", ["dimension": 1.5], "known.dimension"), ("r-big", ["rank": 3], "known.rank"),
    ] as [(String, [String: Any], String)] {
      let path = try Self.fixture(name, spec: "newton-edge", in: dir, known: known)
      Self.expectRefused(try CommandRunner.run(["verify", path, "--quick"]), names: path, says: "'\(field)'", name)
    }
    let empty = dir.appendingPathComponent("empty")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    try Data("not a fixture".utf8).write(to: empty.appendingPathComponent("README"))
    Self.expectRefused(
      try CommandRunner.run(["verify", "--fixtures", empty.path, "--quick"]), names: empty.path, says: "no landscape fixtures",
      "verify --fixtures (no fixtures)")
  }

  @Test("fixture cycles are refused in one line naming a fixture: describe, sum:, verify and lesson check")
  func cycles() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let selfPath = dir.appendingPathComponent("self.json").path
    try Self.fixture("self", spec: selfPath, in: dir)
    let a = dir.appendingPathComponent("a.json").path
    let b = dir.appendingPathComponent("b.json").path
    try Self.fixture("a", spec: b, in: dir)
    try Self.fixture("b", spec: "sum:quad:1|\(a)", in: dir)
    let state = dir.appendingPathComponent("state")
    let runs: [[String]] = [
      ["describe", selfPath], ["rank", "sum:quad:1|\(selfPath)"], ["describe", a], ["verify", b, "--quick"],
      ["lesson", "check", "--lesson", "1", a],
    ]
    for args in runs {
      let r = try CommandRunner.run(args, environment: ["HESSIAN_LAB_STATE_DIR": state.path])
      // `lesson check` shows the exercise's heading before it reads the answer.
      Self.expectRefused(
        r, names: dir.path, says: "leads back to this fixture", args.joined(separator: " "), output: args[0] == "lesson")
    }
  }

  /// Seeded random bad specs (a list with a hole, a repeated or unknown key) and
  /// fixture cycles of random length, through the built binary: each is refused
  /// with status 2 and one line naming the spec or a fixture of the cycle.
  @Test("generated bad specs and fixture cycles are refused end to end")
  func generated() throws {
    var rng = SeededGenerator(seed: 1717)
    for _ in 0..<12 {
      let list = (0..<Int.random(in: 1...4, using: &rng)).map { _ in "\(Int.random(in: 1...9, using: &rng))" }
      var holed = list
      holed.insert("", at: Int.random(in: 0...list.count, using: &rng))
      let (spec, says): (String, String) =
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: ("quad:\(holed.joined(separator: ",")):d=5", "is empty")
        case 1: ("quad:\(list.joined(separator: ",")):d=5:d=\(Int.random(in: 5...9, using: &rng))", "given twice")
        case 2: ("poly:x0^2:flat=1:d=2:flat=\(Int.random(in: 0...3, using: &rng))", "given twice")
        default: ("dln:\(holed.joined(separator: "-")):rank=1", "is empty")
        }
      Self.expectRefused(try CommandRunner.run(["describe", spec]), names: spec, says: says, spec)
    }
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    for trial in 0..<4 {
      let n = Int.random(in: 1...6, using: &rng)
      let paths = (0..<n).map { dir.appendingPathComponent("t\(trial)-\($0).json").path }
      for k in 0..<n {
        let next = paths[(k + 1) % n]
        try Self.fixture("t\(trial)-\(k)", spec: Bool.random(using: &rng) ? "sum:quad:1|\(next)" : next, in: dir)
      }
      Self.expectRefused(
        try CommandRunner.run(["rank", paths[Int.random(in: 0..<n, using: &rng)]]), names: dir.path,
        says: "leads back to this fixture", "cycle of \(n)")
    }
  }

  @Test("verify --explore --json names its root seed 'seed', like every command")
  func exploreSeedKey() throws {
    let r = try CommandRunner.run(["verify", "--explore", "1", "--seed", "31415926", "--quick", "--json"])
    #expect(r.status == 0, "\(r.standardError)")
    let json = try CommandRunner.json(r)
    #expect(json["seed"] as? Int == 31_415_926)
    #expect(json["root"] == nil)
  }

  @Test("an empty lesson manifest says it has no lessons, naming the manifest")
  func emptyManifest() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let lessons = dir.appendingPathComponent("lessons")
    try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
    try Data(#"{"formatVersion": 1, "lessons": []}"#.utf8).write(to: lessons.appendingPathComponent("manifest.json"))
    let env = ["HESSIAN_LAB_STATE_DIR": dir.appendingPathComponent("state").path, "HESSIAN_LAB_LESSONS": lessons.path]
    for args in [["lesson", "start", "1"], ["lesson", "start"], ["lesson", "hint", "--lesson", "1"]] {
      Self.expectRefused(
        try CommandRunner.run(args, environment: env), names: "manifest.json", says: "has no lessons", args.joined(separator: " "))
    }
  }

  @Test("compare's default JSON is byte-identical across identical seeded runs once the timing keys are removed")
  func compareDeterministic() throws {
    let args = ["compare", "nc-x2", "--seed", "3", "--json"]
    let first = try CommandRunner.run(args)
    let second = try CommandRunner.run(args)
    #expect(first.status == 0, "\(first.standardError)")
    #expect(CommandRunner.withoutTiming(first.standardOutput) == CommandRunner.withoutTiming(second.standardOutput))
  }
}
