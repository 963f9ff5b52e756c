import Foundation

/// A lesson's narrative, `lesson.md`, cut at its markers.
///
/// The narrative is Markdown. A line holding only an HTML comment of the form
/// `<!-- lesson:KIND [ID] -->` is a marker (invisible when the Markdown is
/// rendered on the web):
///
/// - `<!-- lesson:step ID -->` — print the output of the program's step ID here;
/// - `<!-- lesson:predict ID -->` — ask prediction ID here (before the step that reveals it);
/// - `<!-- lesson:checks -->` — run the end-of-lesson checks here;
/// - `<!-- lesson:exercise -->` — show the exercise here.
///
/// Cost: linear in the text.
public struct LessonNarrative: Sendable, Equatable {
  /// One piece of the narrative.
  public enum Segment: Sendable, Equatable {
    /// Markdown outside the markers, trimmed of leading and trailing newlines; never empty.
    case text(String)
    /// `<!-- lesson:step ID -->`: print the output of the program's step ID.
    case step(String)
    /// `<!-- lesson:predict ID -->`: ask the program's prediction ID.
    case predict(String)
    /// `<!-- lesson:checks -->`: print the end-of-lesson checks.
    case checks
    /// `<!-- lesson:exercise -->`: show the exercise.
    case exercise
  }

  /// The text and markers in reading order; from ``parse(_:source:)`` it holds exactly one
  /// ``Segment/checks`` and one ``Segment/exercise``.
  public let segments: [Segment]

  /// Step ids in order of appearance.
  public var stepIDs: [String] { segments.compactMap { if case let .step(id) = $0 { id } else { nil } } }
  /// Prediction ids in order of appearance.
  public var predictionIDs: [String] { segments.compactMap { if case let .predict(id) = $0 { id } else { nil } } }

  /// Parses `text`; `source` names the file in errors.
  ///
  /// - Throws: ``InputError`` for an unknown marker kind, a missing or extra
  ///   id, a repeated id, or a narrative without exactly one `checks` and one
  ///   `exercise` marker.
  public static func parse(_ text: String, source: String) throws(InputError) -> LessonNarrative {
    var segments: [Segment] = []
    var buffer: [Substring] = []
    var seen = Set<String>()
    func flush() {
      let joined = buffer.joined(separator: "\n").trimmingCharacters(in: .newlines)
      if !joined.isEmpty { segments.append(.text(joined)) }
      buffer.removeAll()
    }
    for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      guard trimmed.hasPrefix("<!--"), trimmed.hasSuffix("-->") else {
        buffer.append(line)
        continue
      }
      let body = trimmed.dropFirst(4).dropLast(3).trimmingCharacters(in: .whitespaces)
      guard body.hasPrefix("lesson:") else {
        buffer.append(line)
        continue
      }
      let words = body.dropFirst(7).split(separator: " ").map(String.init)
      let kind = words.first ?? ""
      flush()
      switch kind {
      case "step", "predict":
        guard words.count == 2 else {
          throw InputError.file(path: source, line: k + 1, problem: "marker lesson:\(kind) needs exactly one id")
        }
        guard seen.insert("\(kind) \(words[1])").inserted else {
          throw InputError.file(path: source, line: k + 1, problem: "\(kind) \(words[1]) appears twice")
        }
        segments.append(kind == "step" ? .step(words[1]) : .predict(words[1]))
      case "checks", "exercise":
        guard words.count == 1 else { throw InputError.file(path: source, line: k + 1, problem: "marker lesson:\(kind) takes no id") }
        guard seen.insert(kind).inserted else { throw InputError.file(path: source, line: k + 1, problem: "lesson:\(kind) appears twice") }
        segments.append(kind == "checks" ? .checks : .exercise)
      default:
        throw InputError.file(path: source, line: k + 1, problem: "unknown marker 'lesson:\(kind)' (step, predict, checks, exercise)")
      }
    }
    flush()
    guard seen.contains("checks") else { throw InputError.file(path: source, problem: "no <!-- lesson:checks --> marker") }
    guard seen.contains("exercise") else { throw InputError.file(path: source, problem: "no <!-- lesson:exercise --> marker") }
    return LessonNarrative(segments: segments)
  }
}
