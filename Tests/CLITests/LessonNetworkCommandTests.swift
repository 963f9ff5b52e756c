import Foundation
import Testing
import TestSupport

/// Lessons 13 and 14 through the built binary: they start, and `lesson check` judges their
/// exercises (a wrong answer exits 1, an answer of the wrong form exits 2 with one line).
@Suite("hessian-lab lesson 13 and 14", .serialized)
struct LessonNetworkCommandTests {
  @Test("lesson start 13 / 14 run; check judges F,R,K and landscape specs")
  func startAndCheck() throws {
    let state = LessonCommandTests.stateDir()
    defer { try? FileManager.default.removeItem(at: state) }
    let start = try LessonCommandTests.run(["start", "13", "--non-interactive"], state: state)
    #expect(start.status == 0, "\(start.standardError)")
    #expect(start.standardOutput.contains("Lesson 13 · Why network Hessians are degenerate"))
    #expect(start.standardOutput.contains("Your instance: `mlp:"))
    let wrong = try LessonCommandTests.run(["check", "0,0,0"], state: state)
    #expect(wrong.status == 1)
    #expect(wrong.standardOutput.contains("✗ flat coordinates: 0"))
    let malformed = try LessonCommandTests.run(["check", "12"], state: state)
    #expect(malformed.status == 2)
    #expect(malformed.standardError.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1)
    #expect(malformed.standardError.contains("three integers"))

    let next = try LessonCommandTests.run(["start", "14", "--non-interactive"], state: state)
    #expect(next.status == 0, "\(next.standardError)")
    #expect(next.standardOutput.contains("Lesson 14 · Are second derivatives too noisy?"))
    let exact = try LessonCommandTests.run(["check", "--lesson", "14", "quad:1,1:d=4"], state: state)
    #expect(exact.status == 1)
  }
}
