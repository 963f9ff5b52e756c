import HessianLab
import Testing

@testable import HessianCore
@testable import HessianVerification

@Suite("EstimateList: one number or a comma-separated list")
struct EstimateListTests {
  @Test("numbers, with blanks around items")
  func parses() throws {
    #expect(try EstimateList.parse("5.1, 3.0,2.2", parameter: .estimate) == [5.1, 3, 2.2])
    #expect(try EstimateList.parse("-1e-3", parameter: .standardError) == [-1e-3])
  }

  @Test("empty items, words and non-finite numbers are refused, naming the parameter and the item")
  func refuses() {
    #expect(throws: InputError.parameter(.estimate, value: "1,,2", problem: "item 2 is empty (give one number or a comma-separated list)")) {
      try EstimateList.parse("1,,2", parameter: .estimate)
    }
    #expect(throws: InputError.parameter(.standardError, value: "x", problem: "'x' is not a number")) {
      try EstimateList.parse("x", parameter: .standardError)
    }
    for text in ["", "inf", "nan", "1,1e400"] {
      #expect(throws: InputError.self) { try EstimateList.parse(text, parameter: .estimate) }
    }
  }
}
