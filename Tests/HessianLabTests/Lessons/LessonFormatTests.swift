import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("LessonFormat: numbers, tables and bars")
struct LessonFormatTests {
  @Test("text columns are left-aligned, number columns right-aligned, no trailing spaces")
  func tableAlignment() {
    let lines = LessonFormat.table(
      ["#", "lesson", "min", "status"],
      [["1", "Rank", "5", "done"], ["12", "Which route is easier?", "15", "—"]])
    #expect(lines == [
      "#   lesson                  min  status",
      "──  ──────────────────────  ───  ──────",
      "1   Rank                      5  done",
      "12  Which route is easier?   15  —",
    ])
    #expect(lines.allSatisfy { !$0.hasSuffix(" ") })
  }

  @Test("numeric cells", arguments: ["3", "-2.5", "1.2e-05", "3/4", "12%", "2.3 s", "≈ 0.5", "1 ± 0.1", "∞", "—", ""])
  func numeric(cell: String) { #expect(LessonFormat.isNumeric(cell)) }

  @Test("text cells", arguments: ["done", "started", "checks ✓, exercise open", "x^2 + y^4", "d = 5"])
  func text(cell: String) { #expect(!LessonFormat.isNumeric(cell)) }

  @Test("log bars: the largest value fills the width, values at the floor get no bar")
  func logBars() {
    let lines = LessonFormat.logBars([("a", 100), ("b", 1), ("c", 0.01)], floor: 0.01, width: 8)
    #expect(lines[0].hasPrefix("a │████████ "))
    #expect(lines[1].hasPrefix("b │████     "))
    #expect(lines[2].hasPrefix("c │         "))
  }

  @Test("number and short formats")
  func formats() {
    #expect(LessonFormat.number(3) == "3")
    #expect(LessonFormat.number(0.123456) == "0.1235")
    #expect(LessonFormat.short(1.5e-5) == "1.50e-05")
    #expect(LessonFormat.number(.infinity) == "∞")
  }
}
