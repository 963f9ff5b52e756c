import Foundation
import Testing
import HessianLab
@testable import HessianCore
@testable import HessianVerification

@Suite("OracleWording: method warnings without 'exact' on an oracle")
struct OracleWordingTests {
  @Test("each listed phrase is replaced, the code kept, other text untouched")
  func reworded() {
    let w = Warning(.tooFewProbes, "tr P = 3 ± 1 from 4 probes: the rounded rank is exact with 95% probability only if 1.96·SE < 0.5")
    let plain = OracleWording.plain(w)
    #expect(plain.code == .tooFewProbes)
    #expect(!plain.message.contains("exact") && plain.message.hasPrefix("tr P = 3 ± 1 from 4 probes: the rounded rank is the count"))
    let other = Warning(.fragileGap, "gap ratio 1.2 at τ")
    #expect(OracleWording.plain(other) == other)
  }
}
