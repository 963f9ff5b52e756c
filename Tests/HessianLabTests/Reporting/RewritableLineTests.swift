import Testing

@testable import HessianCore

@Suite("RewritableLine: progress lines rewritten in place, without escapes on TERM=dumb")
struct RewritableLineTests {
  @Test("a capable terminal gets \\r ESC[K before each text and to clear")
  func escapeSequence() {
    var line = RewritableLine(erase: RewritableLine.erase(for: ["TERM": "xterm-256color"]))
    #expect(line.replace(with: "sampling 10%") == "\r\u{1B}[Ksampling 10%")
    #expect(line.clear() == "\r\u{1B}[K")
    #expect(RewritableLine.erase(for: [:]) == .escapeSequence)
  }

  @Test("TERM=dumb: no escape byte at all; a shorter text is padded over the longer one, then the cursor returned")
  func dumbTerminal() {
    var line = RewritableLine(erase: RewritableLine.erase(for: ["TERM": "dumb"]))
    let writes = [line.replace(with: "sampling 100%"), line.replace(with: "done"), line.clear(), line.clear()]
    #expect(writes == ["\rsampling 100%", "\rdone         \rdone", "\r    \r", "\r"])
    #expect(!writes.joined().contains("\u{1B}"))
    // What a dumb terminal shows after each write: the last segment after the final \r wins.
    #expect(Self.screen(after: writes.prefix(2).joined()) == "done         ")
  }

  /// The visible line after writing `bytes` to a terminal that only knows \r (overwrite from column 0).
  static func screen(after bytes: String) -> String {
    var cells: [Character] = [], column = 0
    for c in bytes {
      if c == "\r" { column = 0; continue }
      if column < cells.count { cells[column] = c } else { cells.append(c) }
      column += 1
    }
    return String(cells)
  }
}
