import Foundation

/// The message of an ERROR frame: its JSON `message`, or the payload itself when it is not
/// such an object (quoted either way, trimmed, at most ``limit`` characters).
enum OracleErrorMessage {
  /// The most characters of a message kept for the one-line error.
  static let limit = 500

  /// The `message` of `text` (`{"message": "…"}`), else `text` itself. Cost: O(text length).
  static func message(in text: String) -> String {
    struct Fields: Decodable { var message: String? }
    let decoded = try? JSONDecoder().decode(Fields.self, from: Data(text.utf8))
    let message = (decoded?.message ?? text).trimmingCharacters(in: .whitespacesAndNewlines)
    return message.count > limit ? String(message.prefix(limit)) + "…" : message
  }
}
