import Foundation

/// What `lesson check [ANSWER] --json` prints: the exercise, the answer and the
/// live verdict (``LessonSession``'s `check`), in plain text without colour or wrapping.
///
/// Every key is always present; `answer` and `passed` are `null` when no answer was given
/// (then `lines` says how to submit one).
public struct LessonCheckReport: Sendable, Codable, Equatable {
  /// The lesson's number.
  public var lesson: Int
  /// The lesson's topic id.
  public var id: String
  /// The lesson's title.
  public var title: String
  /// The exercise's prompt and task, one paragraph line per element.
  public var exercise: [String]
  /// The answer judged; `nil` when none was given.
  public var answer: String?
  /// Whether the answer passes; `nil` when none was given.
  public var passed: Bool?
  /// The verdict's computation (or how to submit), as the text output prints it.
  public var lines: [String]

  /// A report from its fields.
  public init(lesson: Int, id: String, title: String, exercise: [String], answer: String?, passed: Bool?, lines: [String]) {
    self.lesson = lesson
    self.id = id
    self.title = title
    self.exercise = exercise
    self.answer = answer
    self.passed = passed
    self.lines = lines
  }

  private enum CodingKeys: String, CodingKey { case lesson, id, title, exercise, answer, passed, lines }

  /// Encodes every key, `answer` and `passed` as `null` when absent.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(lesson, forKey: .lesson)
    try c.encode(id, forKey: .id)
    try c.encode(title, forKey: .title)
    try c.encode(exercise, forKey: .exercise)
    try c.encode(answer, forKey: .answer)
    try c.encode(passed, forKey: .passed)
    try c.encode(lines, forKey: .lines)
  }
}
