import Foundation
import Testing
import TestSupport

/// `hessian-lab lesson …` through the built binary, with progress kept in a
/// temporary folder (HESSIAN_LAB_STATE_DIR).
@Suite("hessian-lab lesson", .serialized)
struct LessonCommandTests {
  /// A fresh state folder for one test.
  static func stateDir() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("hl-lessons-\(UUID().uuidString)", isDirectory: true)
  }

  static func run(_ args: [String], state: URL, in dir: URL = Repository.root, env: [String: String] = [:]) throws -> CommandResult {
    var e = env
    e["HESSIAN_LAB_STATE_DIR"] = state.path
    return try CommandRunner.run(["lesson"] + args, in: dir, environment: e)
  }

  static func stateJSON(_ state: URL) throws -> [String: Any] {
    let data = try Data(contentsOf: state.appendingPathComponent("lessons-state.json"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  @Test("list, start, hint, check, next, reset: a learner's path through lesson 1")
  func learnerPath() throws {
    let state = Self.stateDir()
    defer { try? FileManager.default.removeItem(at: state) }

    let list = try Self.run(["list"], state: state)
    #expect(list.status == 0, "\(list.standardError)")
    #expect(list.standardOutput.contains("The Hessian at a minimum"))
    #expect(list.standardOutput.contains("Which route is easier"))
    #expect(list.standardOutput.contains("0 of 16 done"))
    #expect(!list.standardOutput.contains("\u{1B}["), "no colour when NO_COLOR is set and stdout is a pipe")

    let start = try Self.run(["start", "1", "--non-interactive"], state: state)
    #expect(start.status == 0, "\(start.standardError)")
    #expect(start.standardOutput.contains("Lesson 1 · The Hessian at a minimum"))
    #expect(start.standardOutput.contains("Predict:"))
    #expect(start.standardOutput.contains("All 3 checks hold"))
    #expect(start.standardOutput.contains("reference answer (--non-interactive, not credited)"))
    #expect(start.standardOutput.split(separator: "\n").allSatisfy { $0.count <= 80 }, "wrapped at 80 columns off a terminal")
    #expect(!start.standardOutput.contains("✗"))
    var json = try Self.stateJSON(state)
    #expect(json["current"] as? String == "hessian-rank")

    let hint1 = try Self.run(["hint"], state: state)
    #expect(hint1.status == 0)
    #expect(hint1.standardOutput.contains("1. "))
    #expect(!hint1.standardOutput.contains("2. "))
    let hint2 = try Self.run(["hint"], state: state)
    #expect(hint2.standardOutput.contains("2. "))

    let show = try Self.run(["check"], state: state)
    #expect(show.status == 0)
    // The learner's own instance (drawn once, kept in the state): d, rank R and smallest eigenvalue S.
    let flat = show.standardOutput.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    let task = try #require(flat.firstMatch(of: /Your instance: d = ([0-9]+), Hessian rank ([0-9]+), smallest nonzero eigenvalue ([0-9.]+)\./))
    let rank = try #require(Int(task.2))

    let wrong = try Self.run(["check", "quad:1,2:d=12"], state: state)
    #expect(wrong.status == 1)
    #expect(wrong.standardError.hasPrefix("hessian-lab: verification failed:"))
    #expect(wrong.standardOutput.contains("✗"))

    let bad = try Self.run(["check", "no-such-landscape"], state: state)
    #expect(bad.status == 2)
    #expect(bad.standardError.split(separator: "\n").count == 1)

    let right = try Self.run(["check", "quad:1*\(rank - 1),\(task.3):d=\(task.1):seed=7"], state: state)
    #expect(right.status == 0, "\(right.standardError)")
    #expect(right.standardOutput.contains("Solved"))
    json = try Self.stateJSON(state)
    let lessons = try #require(json["lessons"] as? [String: Any])
    let one = try #require(lessons["hessian-rank"] as? [String: Any])
    #expect(one["exercisePassed"] as? Bool == true)
    #expect(one["checksPassed"] as? Bool == true)
    #expect(one["hintsShown"] as? Int == 2)
    #expect(try Self.run(["list"], state: state).standardOutput.contains("1 of 16 done · next unfinished: lesson 2"))

    let next = try Self.run(["next", "--non-interactive"], state: state)
    #expect(next.status == 0, "\(next.standardError)")
    #expect(next.standardOutput.contains("Lesson 2 ·"))
    #expect(try Self.stateJSON(state)["current"] as? String == "hessian-vector-products")

    let reset = try Self.run(["reset", "1"], state: state)
    #expect(reset.status == 0)
    #expect(try Self.run(["list"], state: state).standardOutput.contains("0 of 16 done"))
    let all = try Self.run(["reset", "--all"], state: state)
    #expect(all.status == 0)
    let noLesson = try Self.run(["hint"], state: state)
    #expect(noLesson.status == 2)
    #expect(noLesson.standardError.contains("no lesson started"))
  }

  @Test("Bad input: one line on stderr, exit status 2")
  func badInput() throws {
    let state = Self.stateDir()
    defer { try? FileManager.default.removeItem(at: state) }
    for args in [["start", "99"], ["list", "--lessons", "/nonexistent"], ["reset", "3", "--all"], ["check", "--lesson", "0", "x"]] {
      let r = try Self.run(args, state: state)
      #expect(r.status == 2, "\(args): \(r.standardError)")
      #expect(r.standardError.hasPrefix("hessian-lab: error:"), "\(args): \(r.standardError)")
      #expect(r.standardError.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1)
    }
    let env = try Self.run(["list"], state: state, env: ["HESSIAN_LAB_LESSONS": "/nonexistent"])
    #expect(env.status == 2)
    #expect(env.standardError.contains("HESSIAN_LAB_LESSONS"))
  }

  @Test("The lessons folder is found from another directory (next to the binary) and via HESSIAN_LAB_LESSONS")
  func discovery() throws {
    let state = Self.stateDir()
    let copy = FileManager.default.temporaryDirectory.appendingPathComponent("hl-lessons-copy-\(UUID().uuidString)")
    defer {
      try? FileManager.default.removeItem(at: state)
      try? FileManager.default.removeItem(at: copy)
    }
    let elsewhere = FileManager.default.temporaryDirectory
    let fromBinary = try Self.run(["list"], state: state, in: elsewhere)
    #expect(fromBinary.status == 0, "\(fromBinary.standardError)")
    #expect(fromBinary.standardOutput.contains("of 16 done"))

    try FileManager.default.copyItem(at: Repository.root.appendingPathComponent("lessons"), to: copy)
    let manifestURL = copy.appendingPathComponent("manifest.json")
    let text = try String(contentsOf: manifestURL, encoding: .utf8)
    try text.replacingOccurrences(of: "The Hessian at a minimum", with: "COPIED Hessian at a minimum")
      .write(to: manifestURL, atomically: true, encoding: .utf8)
    let viaEnv = try Self.run(["list"], state: state, in: elsewhere, env: ["HESSIAN_LAB_LESSONS": copy.path])
    #expect(viaEnv.standardOutput.contains("COPIED"))
    let viaOption = try Self.run(["list", "--lessons", copy.path], state: state)
    #expect(viaOption.standardOutput.contains("COPIED"))
  }

  /// Lesson 11's first hint runs `llc nc-x2y6 --method volume`; at λ = 1/6 the probabilities are not
  /// small, and plain Monte Carlo's ~100/P samples are fewer than splitting's loss evaluations, so
  /// the report must say "only … fewer" rather than present them as the expensive alternative.
  @Test("lesson 11's hint command compares plain Monte Carlo with splitting honestly")
  func lesson11HintCommand() throws {
    let r = try CommandRunner.run(["llc", "nc-x2y6", "--method", "volume", "--seed", "11"])
    #expect(r.status == 0, "\(r.standardError)")
    let line = try #require(r.standardOutput.split(separator: "\n").first { $0.contains("plain Monte Carlo") })
    let evaluations = try #require(line.firstMatch(of: /(\d+) loss (?:\+ \d+ gradient )?evaluations/))
    let plain = try #require(line.firstMatch(of: /would need (?:only )?~([0-9.e+-]+)/))
    let n = try #require(Double(evaluations.1)), m = try #require(Double(plain.1))
    #expect(m < n, "the case this test is about: \(line)")
    #expect(line.contains("would need only ~") && line.contains("fewer"), "\(line)")
  }
}
