import Foundation

/// ANSI colour for lesson output, on only when printing to a terminal and
/// `NO_COLOR` is unset or empty (no-color.org) and `TERM` is not `dumb`; and the
/// width lesson text is wrapped to.
package struct TerminalStyle: Sendable, Equatable {
  /// Whether escape sequences are emitted.
  public let enabled: Bool
  /// The column lesson text is wrapped at (``defaultWidth`` unless a terminal reports its own).
  public let width: Int

  /// The wrap width off a terminal, or when the terminal does not report one.
  public static let defaultWidth = 80
  /// The narrowest and widest wrap widths used, whatever the terminal reports.
  public static let widthRange = 40...120

  /// A style that emits escape sequences exactly when `enabled` and wraps at `width` columns
  /// (at least 20); ``detect(environment:isTerminal:columns:)`` chooses it for standard output.
  public init(enabled: Bool, width: Int = TerminalStyle.defaultWidth) {
    self.enabled = enabled
    self.width = max(width, 20)
  }

  /// The style for standard output in this process: colour per `NO_COLOR`, `TERM` and
  /// `isTerminal`; width `columns` (the terminal's, when standard output is one) else
  /// ``defaultWidth``.
  public static func detect(environment: [String: String], isTerminal: Bool, columns: Int? = nil) -> TerminalStyle {
    let reported = isTerminal ? (columns.flatMap { $0 > 0 ? $0 : nil } ?? defaultWidth) : defaultWidth
    let width = min(max(reported, widthRange.lowerBound), widthRange.upperBound)
    if let v = environment["NO_COLOR"], !v.isEmpty { return TerminalStyle(enabled: false, width: width) }
    if environment["TERM"] == "dumb" { return TerminalStyle(enabled: false, width: width) }
    return TerminalStyle(enabled: isTerminal, width: width)
  }

  /// No colour.
  public static let plain = TerminalStyle(enabled: false)

  func wrap(_ s: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
  /// `s` in bold; unchanged when colour is off.
  public func bold(_ s: String) -> String { wrap(s, "1") }
  /// `s` dimmed; unchanged when colour is off.
  public func dim(_ s: String) -> String { wrap(s, "2") }
  /// `s` in green; unchanged when colour is off.
  public func green(_ s: String) -> String { wrap(s, "32") }
  /// `s` in red; unchanged when colour is off.
  public func red(_ s: String) -> String { wrap(s, "31") }
  /// `s` in yellow; unchanged when colour is off.
  public func yellow(_ s: String) -> String { wrap(s, "33") }
  /// `s` in cyan; unchanged when colour is off.
  public func cyan(_ s: String) -> String { wrap(s, "36") }
  /// `s` in bold cyan, as headings are; unchanged when colour is off.
  public func heading(_ s: String) -> String { wrap(s, "1;36") }

  /// `✓ text` in green or `✗ text` in red.
  public func verdict(_ passed: Bool, _ text: String) -> String {
    passed ? green("✓ " + text) : red("✗ " + text)
  }

  /// `text` (Markdown) rendered and wrapped by ``MarkdownRenderer``, each line starting with `indent`.
  public func markdown(_ text: String, indent: String = "") -> [String] {
    MarkdownRenderer(style: self).render(text, indent: indent)
  }

  /// Plain `text` wrapped at word boundaries to ``width``: the first line starts with `first`,
  /// the others with `rest` (default `first`); each line is passed through `styled`.
  public func wrapped(_ text: String, first: String = "", rest: String? = nil, styled: (String) -> String = { $0 }) -> [String] {
    MarkdownRenderer(style: self).plain(text, first: first, rest: rest, styled: styled)
  }
}
