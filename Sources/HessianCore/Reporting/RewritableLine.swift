/// The bytes that rewrite one progress line on a terminal in place: `\r` then erase-to-end-of-line
/// (`ESC[K`) on a capable terminal; on `TERM=dumb`, which has no escape sequences, `\r` and the new
/// text padded with spaces over the rest of the previous text.
///
/// Pure (it only returns strings), so the CLI's status lines and progress bars share it and tests
/// can check the exact bytes.
public struct RewritableLine: Sendable, Equatable {
  /// How the previous text is removed.
  public enum Erase: Sendable, Equatable {
    /// `ESC[K`, erase to the end of the line.
    case escapeSequence
    /// Spaces over the previous text (no escape sequences: `TERM=dumb`).
    case spaces
  }

  /// How the previous text is removed.
  public let erase: Erase
  /// Characters of the text on the line now.
  private var shown = 0

  /// A line rewritten with `erase`.
  public init(erase: Erase) { self.erase = erase }

  /// The erase mode for a terminal described by `environment`: spaces when `TERM` is `dumb`.
  public static func erase(for environment: [String: String]) -> Erase {
    environment["TERM"] == "dumb" ? .spaces : .escapeSequence
  }

  /// The bytes that replace the line's text by `text` (which must not contain a newline).
  public mutating func replace(with text: String) -> String {
    let count = text.count
    defer { shown = count }
    switch erase {
    case .escapeSequence: return "\r\u{1B}[K" + text
    case .spaces: return "\r" + text + String(repeating: " ", count: max(0, shown - count))
        + (shown > count ? "\r" + text : "")
    }
  }

  /// The bytes that leave the line empty, cursor at its start.
  public mutating func clear() -> String {
    defer { shown = 0 }
    switch erase {
    case .escapeSequence: return "\r\u{1B}[K"
    case .spaces: return shown == 0 ? "\r" : "\r" + String(repeating: " ", count: shown) + "\r"
    }
  }
}
