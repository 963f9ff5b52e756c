import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("Rank method choice (auto or one method)")
struct RankMethodChoiceTests {
  @Test("cases are auto then every RankMethod; raw values round-trip; anything else is rejected")
  func rawValues() {
    #expect(RankMethodChoice.allCases.map(\.rawValue) == ["auto"] + RankMethod.allCases.map(\.rawValue))
    for c in RankMethodChoice.allCases { #expect(RankMethodChoice(rawValue: c.rawValue) == c) }
    #expect(RankMethodChoice(rawValue: "Dense") == nil)
    #expect(RankMethodChoice(rawValue: "") == nil)
  }

  @Test("auto is dense up to the limit and block above; a fixed method ignores d")
  func resolved() {
    #expect(RankMethodChoice.auto.resolved(dimension: RankMethodChoice.autoDenseLimit) == .dense)
    #expect(RankMethodChoice.auto.resolved(dimension: RankMethodChoice.autoDenseLimit + 1) == .block)
    #expect(RankMethodChoice.fixed(.slq).resolved(dimension: 1) == .slq)
    #expect(RankMethodChoice.fixed(.dense).resolved(dimension: 100_000) == .dense)
  }
}
