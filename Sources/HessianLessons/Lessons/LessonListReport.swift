import Foundation

/// What `lesson list --json` prints: every lesson with the learner's progress, the
/// same facts as ``LessonSession``'s table (its `listLines`), for scripts.
///
/// Every key is always present; `nextUnfinished` is `null` once every lesson is done.
public struct LessonListReport: Sendable, Codable, Equatable {
  /// Where a lesson stands, as the table's status column says it.
  public enum Status: String, Sendable, Codable, CaseIterable {
    /// Never run.
    case notStarted = "not-started"
    /// Run at least once, checks not yet all passed.
    case started
    /// Every end-of-lesson check passed; the exercise is open.
    case checksPassed = "checks-passed"
    /// The exercise passed; the lesson's checks have not all passed in a run.
    case exercisePassed = "exercise-passed"
    /// Checks and exercise both passed.
    case done
  }

  /// One row of the list.
  public struct Lesson: Sendable, Codable, Equatable {
    /// N, the position in the course (1-based).
    public var number: Int
    /// The topic id.
    public var id: String
    /// The title.
    public var title: String
    /// How long the lesson takes, in minutes.
    public var estimatedMinutes: Int
    /// Where the learner stands.
    public var status: Status
    /// Whether this is the current lesson (the table's ▶).
    public var current: Bool
    /// Recorded runs of the lesson.
    public var runs: Int
    /// Predictions answered right, of `predictionsAsked` (interactive runs only).
    public var predictionsRight: Int
    /// Predictions asked in interactive runs.
    public var predictionsAsked: Int
  }

  /// The lessons in course order.
  public var lessons: [Lesson]
  /// How many lessons are done.
  public var done: Int
  /// How many lessons there are.
  public var total: Int
  /// The first lesson not done; `nil` (JSON `null`) when every lesson is done.
  public var nextUnfinished: Int?

  /// The report of `manifest` under the progress `state`.
  public init(manifest: LessonManifest, state: LessonState) {
    lessons = manifest.lessons.map { e in
      let p = state.progress(e.id)
      let status: Status =
        p.isDone ? .done : p.exercisePassed ? .exercisePassed : p.checksPassed ? .checksPassed : p.runs > 0 ? .started : .notStarted
      return Lesson(
        number: e.number, id: e.id, title: e.title, estimatedMinutes: e.estimatedMinutes, status: status,
        current: state.current == e.id, runs: p.runs, predictionsRight: p.predictionsRight, predictionsAsked: p.predictionsAsked)
    }
    done = lessons.filter { $0.status == .done }.count
    total = lessons.count
    nextUnfinished = lessons.first { $0.status != .done }?.number
  }

  private enum CodingKeys: String, CodingKey { case lessons, done, total, nextUnfinished }

  /// Encodes every key, `nextUnfinished` as `null` when absent.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(lessons, forKey: .lessons)
    try c.encode(done, forKey: .done)
    try c.encode(total, forKey: .total)
    try c.encode(nextUnfinished, forKey: .nextUnfinished)
  }
}
