import Foundation

/// The lessons' manifest, `lessons/manifest.json`: one entry per lesson, in
/// teaching order (the rustlings `info.toml` pattern, as JSON via `Codable`).
///
/// Each entry names its folder by rule, `NN-id` (`01-hessian-rank`), so the
/// folder and the id cannot drift apart; the folder holds the narrative
/// `lesson.md`. The checks listed here are the claims the lesson's program
/// (``LessonProgram``) must check in every run, with the sentence shown to the
/// learner; the program reports the same ids with the numbers.
public struct LessonManifest: Sendable, Codable, Equatable {
  /// The format this code reads and writes.
  public static let currentFormatVersion = 1

  /// Bumped when a field changes meaning; readers refuse newer versions.
  public var formatVersion: Int
  /// The lessons in order; `number` runs 1, 2, 3, ….
  public var lessons: [Entry]

  /// One lesson.
  public struct Entry: Sendable, Codable, Equatable {
    /// N, the position in the course (1-based).
    public var number: Int
    /// The topic id: lowercase words joined by `-`.
    public var id: String
    /// The title, shown in the lesson's heading and in the lesson list.
    public var title: String
    /// How long the lesson takes a learner, in minutes.
    public var estimatedMinutes: Int
    /// The seed of the lesson's computations (every run is replayable).
    public var seed: UInt64
    /// The claims the end-of-lesson checks verify.
    public var checks: [Check]
    /// The exercise that closes the lesson.
    public var exercise: Exercise

    /// The folder name, `NN-id`.
    public var directory: String { String(format: "%02d-", number) + id }
  }

  /// A claim checked at the end of every run of the lesson.
  public struct Check: Sendable, Codable, Equatable {
    /// The check's id; the program reports its result under the same id (``LessonCheckResult/id``).
    public var id: String
    /// The claim in one sentence, as the learner reads it.
    public var claim: String
  }

  /// The exercise: what to do on the command line, and what to submit.
  public struct Exercise: Sendable, Codable, Equatable {
    /// The task in Markdown, possibly over several lines, shown at the `exercise` marker and by
    /// `lesson check`.
    public var prompt: String
    /// What `lesson check ANSWER` expects, e.g. "a zoo id" or "a number".
    public var answer: String
  }

  /// The file name inside the lessons folder.
  public static let fileName = "manifest.json"

  /// Reads and validates `directory/manifest.json`.
  ///
  /// - Throws: ``InputError`` naming the file and the problem.
  public static func load(from directory: URL) throws(InputError) -> LessonManifest {
    let url = directory.appendingPathComponent(fileName)
    let data: Data
    do { data = try Data(contentsOf: url) } catch {
      throw InputError.file(path: url.path, problem: "cannot read the lesson manifest")
    }
    let manifest: LessonManifest
    do { manifest = try JSONDecoder().decode(LessonManifest.self, from: data) } catch {
      throw InputError.file(path: url.path, problem: "not a valid lesson manifest (\(Self.describe(error)))")
    }
    guard manifest.formatVersion <= currentFormatVersion else {
      throw InputError.file(
        path: url.path, problem: "formatVersion \(manifest.formatVersion) is newer than this hessian-lab reads (\(currentFormatVersion))")
    }
    if let problem = manifest.problems().first { throw InputError.file(path: url.path, problem: InputError.Phrase(problem)) }
    return manifest
  }

  /// Structural problems: numbers not 1…n in order, duplicate or malformed
  /// ids, duplicate check ids, missing checks. Empty when valid. (The exercise's hints live in
  /// the lesson's program, ``LessonExercise/hints``, not in this plain file.)
  public func problems() -> [String] {
    var out: [String] = []
    var seen = Set<String>()
    for (k, e) in lessons.enumerated() {
      if e.number != k + 1 { out.append("lesson \(e.id) has number \(e.number), expected \(k + 1) (numbers run 1, 2, … in order)") }
      if !seen.insert(e.id).inserted { out.append("lesson id \(e.id) appears twice") }
      if e.id.isEmpty || !e.id.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) || !(e.id.first?.isLetter ?? false) {
        out.append("lesson id '\(e.id)' must be lowercase letters, digits and '-', starting with a letter")
      }
      if e.checks.isEmpty { out.append("lesson \(e.id) declares no checks") }
      if Set(e.checks.map(\.id)).count != e.checks.count { out.append("lesson \(e.id) declares a check id twice") }
      if e.estimatedMinutes <= 0 { out.append("lesson \(e.id): estimatedMinutes must be positive") }
    }
    return out
  }

  /// The entry numbered `number`, if any.
  public func entry(number: Int) -> Entry? { lessons.first { $0.number == number } }

  /// The JSON text of the manifest (sorted keys, pretty-printed).
  public func jsonString() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(self), as: UTF8.self)
  }

  static func describe(_ error: any Error) -> String {
    switch error as? DecodingError {
    case let .keyNotFound(key, ctx)?: "missing key '\(key.stringValue)' at \(path(ctx.codingPath))"
    case let .typeMismatch(_, ctx)?, let .valueNotFound(_, ctx)?, let .dataCorrupted(ctx)?:
      "\(ctx.debugDescription) at \(path(ctx.codingPath))"
    default: "\(error)"
    }
  }

  static func path(_ keys: [any CodingKey]) -> String {
    keys.isEmpty ? "the top level" : keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
  }
}
