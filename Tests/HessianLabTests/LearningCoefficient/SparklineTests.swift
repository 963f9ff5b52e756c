import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("Sparkline")
struct SparklineTests {
  @Test("values map linearly onto the eight glyphs; non-finite values show as !")
  func glyphs() {
    #expect(Sparkline.render([0, 1, 2, 3, 4, 5, 6, 7]) == "▁▂▃▄▅▆▇█")
    #expect(Sparkline.render([0, .nan, 7]) == "▁!█")
    #expect(Sparkline.render([2, 2]) == "▄▄")
    #expect(Sparkline.render(Array(repeating: 1.0, count: 100), width: 10).count == 10)
  }
}
