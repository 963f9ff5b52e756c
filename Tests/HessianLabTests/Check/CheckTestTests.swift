import HessianLab
import Testing

@testable import HessianVerification

@Suite("CheckTest, CheckVerdict, StandardErrorAssessment: the JSON words")
struct CheckTestTests {
  @Test("raw values as the schema lists them")
  func words() {
    #expect(CheckTest.allCases.map(\.rawValue) == ["z-test", "bounds-z-test", "exact-match", "bounds-containment", "tolerance", "none"])
    #expect(CheckVerdict.allCases.map(\.rawValue) == ["pass", "fail", "undecided"])
    #expect(StandardErrorAssessment.allCases.map(\.rawValue) == ["plausible", "strained", "implausible", "uninformative"])
  }
}
