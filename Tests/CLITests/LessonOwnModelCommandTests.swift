import Foundation
import Testing
import TestSupport

/// Lessons 15 and 16 through the built binary: they start, `lesson check` judges their exercises
/// (a wrong answer exits 1, an answer of the wrong form exits 2 with one line), and lesson 15's
/// hint command runs the shipped model.py through `oracle:` when NumPy is there.
@Suite("hessian-lab lesson 15 and 16", .serialized)
struct LessonOwnModelCommandTests {
  /// Whether `python3` imports NumPy here.
  static let hasNumPy: Bool = {
    (try? CommandRunner.runProgram(URL(fileURLWithPath: "/bin/sh"), ["-c", "python3 -c 'import numpy' 2>/dev/null"]).status) == 0
  }()

  @Test("lesson start 15 / 16 run; check judges LOWER,UPPER and landscape specs")
  func startAndCheck() throws {
    let state = LessonCommandTests.stateDir()
    defer { try? FileManager.default.removeItem(at: state) }
    let start = try LessonCommandTests.run(["start", "15", "--non-interactive"], state: state)
    #expect(start.status == 0, "\(start.standardError)")
    #expect(start.standardOutput.contains("Lesson 15 · Your own model"))
    #expect(start.standardOutput.contains("Your instance: the model.py network with `--inputs "))
    #expect(start.standardOutput.contains(Self.hasNumPy ? "served: oracle:python3 model.py" : "served: in process"))
    let wrong = try LessonCommandTests.run(["check", "1,1"], state: state)
    #expect(wrong.status == 1)
    #expect(wrong.standardOutput.contains("✗ lower bound r/2 = "))
    let malformed = try LessonCommandTests.run(["check", "4.5"], state: state)
    #expect(malformed.status == 2)
    #expect(malformed.standardError.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1)
    #expect(malformed.standardError.contains("two numbers"))

    let next = try LessonCommandTests.run(["start", "16", "--non-interactive"], state: state)
    #expect(next.status == 0, "\(next.standardError)")
    #expect(next.standardOutput.contains("Lesson 16 · Reading a paper's claim"))
    let quadratic = try LessonCommandTests.run(["check", "--lesson", "16", "poly:x0^2+x1^2+x2^2"], state: state)
    #expect(quadratic.status == 1)
    let bad = try LessonCommandTests.run(["check", "--lesson", "16", "poly:x0^"], state: state)
    #expect(bad.status == 2)
    #expect(bad.standardError.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1)
  }

  @Test("lesson 15's hint command: llc on the shipped model.py through oracle: prints the bounds",
        .enabled(if: hasNumPy, "python3 with NumPy is not installed"))
  func hintCommand() throws {
    let spec = "oracle:python3 lessons/15-your-own-model/model.py --inputs 3 --hidden 4 --dead 2"
    let r = try CommandRunner.run(["llc", spec, "--method", "bounds", "--seed", "1"])
    #expect(r.status == 0, "\(r.standardError)")
    // d = 4·5 = 20, r = 20 − 2·4 = 12: bounds [6, 8].
    #expect(r.standardOutput.contains("Hessian rank r = 12"), "\(r.standardOutput)")
    #expect(r.standardOutput.contains("[6, 8]"), "\(r.standardOutput)")
  }
}
