import Foundation
import Testing
import TestSupport
import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

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

  /// The codes of a schema's `warnings[].code` enum.
  static func schemaCodes(_ file: String) throws -> Set<String> {
    let data = try Data(contentsOf: Repository.root.appendingPathComponent("docs/schema/\(file)"))
    let schema = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    let warnings = (schema?["properties"] as? [String: Any])?["warnings"] as? [String: Any]
    let code = ((warnings?["items"] as? [String: Any])?["properties"] as? [String: Any])?["code"] as? [String: Any]
    return Set(code?["enum"] as? [String] ?? [])
  }

  @Test("the llc schema lists the rank codes (llc passes rank warnings on), the llc-only codes and capabilityMissing, nothing else")
  func llcSchemaCodes() throws {
    let rank = try Self.schemaCodes("rank.schema.json")
    let llcOnly = Set(WarningCode.learningCoefficientCases.map(\.rawValue))
    #expect(!rank.isEmpty && rank.isDisjoint(with: llcOnly))
    // capabilityMissing: a part skipped on an oracle (llc and covariance report it, rank cannot).
    #expect(try Self.schemaCodes("llc.schema.json") == rank.union(llcOnly).union([WarningCode.capabilityMissing.rawValue]))
    #expect(llcOnly.count == WarningCode.learningCoefficientCases.count)
  }
}
