import Foundation

/// argument-parser's messages made into HessianLab's one error line.
enum ParserMessage {
  /// The first line of an argument-parser message, with the list of valid values that follows it
  /// on `- value` lines folded in (`… Please provide one of the following: auto, dense, …`), so
  /// the one error line still says what is allowed; nil for an empty message.
  static func firstLineWithChoices(_ message: String) -> String? {
    let lines = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    guard let first = lines.first else { return nil }
    let choices = lines.dropFirst().prefix { $0.hasPrefix("- ") }.map { String($0.dropFirst(2)) }
    return choices.isEmpty ? first : first + " " + choices.joined(separator: ", ")
  }
}
