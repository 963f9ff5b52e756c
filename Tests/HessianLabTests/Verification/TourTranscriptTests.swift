import Foundation
import Testing

@testable import HessianVerification

@Suite("Tour transcript: the tour's text split into sections")
struct TourTranscriptTests {
  @Test("headings open sections, earlier lines are the introduction, plots split into rows, blank lines dropped")
  func splitsSections() {
    var t = TourTranscript(quick: true)
    t.append("HessianLab tour (quick): …")
    t.append("\n== 1. Known answers ==")
    t.append("d = 20")
    t.append("row 1\nrow 2\n")
    t.append("\n== Verdict ==")
    t.append("== not a heading")
    #expect(t.introduction == ["HessianLab tour (quick): …"])
    #expect(t.sections.map(\.title) == ["1. Known answers", "Verdict"])
    #expect(t.sections[0].lines == ["d = 20", "row 1", "row 2"])
    #expect(t.sections[1].lines == ["== not a heading"])
    #expect(t.landscape == Tour.landscapeID && t.quick)
  }
}
