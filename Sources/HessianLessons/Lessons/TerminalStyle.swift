import Foundation

/// ANSI colour for lesson output, on only when printing to a terminal and
/// `NO_COLOR` is unset or empty (no-color.org) and `TERM` is not `dumb`.
package struct TerminalStyle: Sendable, Equatable {
  /// Whether escape sequences are emitted.
  public let enabled: Bool

  /// A style that emits escape sequences exactly when `enabled`; ``detect(environment:isTerminal:)``
  /// chooses it for standard output.
  public init(enabled: Bool) { self.enabled = enabled }

  /// The style for standard output in this process.
  public static func detect(environment: [String: String], isTerminal: Bool) -> TerminalStyle {
    if let v = environment["NO_COLOR"], !v.isEmpty { return TerminalStyle(enabled: false) }
    if environment["TERM"] == "dumb" { return TerminalStyle(enabled: false) }
    return TerminalStyle(enabled: isTerminal)
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

  /// One Markdown line for the terminal: headings in bold cyan with the `#`s
  /// dropped when colour is on, `code` spans in cyan. Without colour the
  /// Markdown is printed as written.
  public func markdown(_ line: String) -> String {
    guard enabled else { return line }
    if line.hasPrefix("#") {
      let text = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
      return heading(text)
    }
    var out = ""
    var inCode = false
    var span = ""
    for ch in line {
      if ch == "`" {
        if inCode { out += cyan(span); span = "" }
        inCode.toggle()
      } else if inCode {
        span.append(ch)
      } else {
        out.append(ch)
      }
    }
    if inCode { out += "`" + span }
    return out
  }
}
