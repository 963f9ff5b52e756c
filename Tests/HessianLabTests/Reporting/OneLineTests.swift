import Foundation
import Testing

@testable import HessianCore

/// Echoed input can neither split an error line nor make it kilobytes long.
@Suite("OneLine: control characters escaped, long echoes shortened")
struct OneLineTests {
  @Test("Examples: a newline in a spec, an escape sequence, a 10⁴-digit number")
  func examples() {
    #expect(OneLine.sanitized("quad:1\n2:d=3: bad") == "quad:1\\n2:d=3: bad")
    #expect(OneLine.sanitized("a\u{1B}[31mb") == "a\\u{1B}[31mb")
    #expect(OneLine.sanitized("x\u{2028}y\u{202E}z") == "x\\u{2028}y\\u{202E}z")
    let digits = String(repeating: "9", count: 10_000)
    let line = OneLine.sanitized("--kept: \(digits) is not an integer")
    #expect(line.count < 200)
    #expect(line.hasPrefix("--kept: 999") && line.hasSuffix("999 is not an integer") && line.contains("…"))
    #expect(OneLine.sanitized("--kept: 12 is fine") == "--kept: 12 is fine")
  }

  @Test("Generated text: never a line break or control character, every run bounded")
  func generated() {
    var rng = SeededGenerator(seed: 7)
    let alphabet: [Unicode.Scalar] = ["a", "9", " ", "\n", "\r", "\t", "\u{0}", "\u{7F}", "\u{85}", "\u{1B}", "\u{2028}", "λ", ":", "…"]
    for _ in 0..<300 {
      var text = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 0...400, using: &rng) { text.append(alphabet.randomElement(using: &rng)!) }
      let line = OneLine.sanitized(String(text))
      #expect(!line.unicodeScalars.contains { $0.properties.generalCategory == .control || $0 == "\u{2028}" })
      for token in line.split(separator: " ") { #expect(token.count <= OneLine.maximumToken) }
    }
  }

  @Test("InputError lines are sanitized")
  func inputErrorLine() {
    let error = InputError.spec("quad:1\nrank 0", problem: "not a spec")
    #expect(!error.description.contains("\n"))
  }
}
