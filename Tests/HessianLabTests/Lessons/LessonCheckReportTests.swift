import Foundation
import Testing

import HessianLab
@testable import HessianLessons

/// ``LessonCheckReport``: every key written, `answer` and `passed` as null without an answer.
@Suite("Lesson check report")
struct LessonCheckReportTests {
  @Test("without an answer, answer and passed are null; with one, they are written")
  func nulls() throws {
    let none = LessonCheckReport(lesson: 1, id: "x", title: "T", exercise: ["p"], answer: nil, passed: nil, lines: ["submit"])
    let object = try #require(try JSONSerialization.jsonObject(with: try JSONEncoder().encode(none)) as? [String: Any])
    #expect(Set(object.keys) == ["lesson", "id", "title", "exercise", "answer", "passed", "lines"])
    #expect(object["answer"] is NSNull && object["passed"] is NSNull)
    let given = LessonCheckReport(lesson: 1, id: "x", title: "T", exercise: [], answer: "a", passed: false, lines: [])
    let back = try JSONDecoder().decode(LessonCheckReport.self, from: try JSONEncoder().encode(given))
    #expect(back == given)
  }
}
