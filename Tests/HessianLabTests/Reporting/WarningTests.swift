import Foundation
import Testing
@testable import HessianLab

@Suite("Typed warnings")
struct WarningTests {
  @Test("JSON form is {code, message}, and it round-trips")
  func jsonForm() throws {
    let w = Warning(.multiplicityInvisible, "eigenvalue 1 is repeated")
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let text = String(decoding: try encoder.encode(w), as: UTF8.self)
    #expect(text == #"{"code":"multiplicityInvisible","message":"eigenvalue 1 is repeated"}"#)
    #expect(try JSONDecoder().decode(Warning.self, from: Data(text.utf8)) == w)
    #expect(w.description == "eigenvalue 1 is repeated")
  }

  @Test("an unknown code is rejected when decoding")
  func unknownCode() {
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(Warning.self, from: Data(#"{"code":"somethingElse","message":"x"}"#.utf8))
    }
  }

  @Test("codes are distinct identifiers")
  func codesAreDistinct() {
    let raw = WarningCode.allCases.map(\.rawValue)
    #expect(Set(raw).count == raw.count)
    #expect(raw.allSatisfy { !$0.isEmpty && !$0.contains(" ") })
  }
}
