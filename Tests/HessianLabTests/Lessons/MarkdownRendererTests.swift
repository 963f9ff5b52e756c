import Foundation
import HessianLab
import Testing

@testable import HessianLessons

@Suite("Markdown rendering of lesson text")
struct MarkdownRendererTests {
  static let plain = TerminalStyle(enabled: false, width: 40)
  static let colour = TerminalStyle(enabled: true, width: 40)

  /// `s` without ANSI escape sequences.
  static func visible(_ s: String) -> String { s.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression) }

  @Test("Plain text drops emphasis markers and keeps code backticks; a terminal gets styles")
  func inline() {
    #expect(Self.plain.markdown("the **rank(H)** is *four*, see `describe`") == ["the rank(H) is four, see `describe`"])
    let styled = Self.colour.markdown("the **rank** and `x`")
    #expect(styled == ["the \u{1B}[1mrank\u{1B}[0m and \u{1B}[36mx\u{1B}[0m"])
    // Asterisks that are not emphasis stay literal.
    #expect(Self.plain.markdown("w* and 1*5 and x * y") == ["w* and 1*5 and x * y"])
  }

  @Test("Paragraphs wrap at word boundaries to the width; lists hang; display blocks are kept; headings lose #")
  func blocks() {
    let text = "# Title here\n\nalpha beta gamma delta epsilon zeta eta theta iota kappa lambda\n\n- one two three four five six seven eight nine\n\n    C ≈ σ²κH⁺"
    let lines = Self.plain.markdown(text)
    #expect(lines == [
      "Title here", "",
      "alpha beta gamma delta epsilon zeta eta", "theta iota kappa lambda", "",
      "- one two three four five six seven", "  eight nine", "",
      "    C ≈ σ²κH⁺",
    ])
    for l in Self.colour.markdown(text + " **bold words that go on and on and on**") {
      #expect(Self.visible(l).count <= 40, "\(l)")
    }
    // A list marker keeps its space; aligned columns keep their padding when a row is wrapped.
    #expect(Self.plain.markdown("2. **SGLD** (Lau)") == ["2. SGLD (Lau)"])
    #expect(Self.plain.wrapped("a    b  c", first: "  ") == ["  a    b  c"])
    #expect(Self.plain.wrapped(String(repeating: "ab   ", count: 10), first: "") == ["ab   ab   ab   ab   ab   ab   ab   ab", "ab   ab"])
    // An operator is not left at the start of a line.
    #expect(Self.plain.wrapped("aaaa bbbb cccc dddd eeee ffff gggg (d − r)/4") == ["aaaa bbbb cccc dddd eeee ffff gggg (d −", "r)/4"])
    // A word longer than the line is cut rather than overflowing.
    #expect(Self.plain.wrapped(String(repeating: "x", count: 90), first: "  ").allSatisfy { $0.count <= 40 })
  }
}
