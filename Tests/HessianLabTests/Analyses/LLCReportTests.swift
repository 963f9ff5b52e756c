import Foundation
import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("LLC report: JSON and text from one value")
struct LLCReportTests {
  static func report() throws -> LLCReport {
    var o = LLCAnalysis.Options(seed: 3)
    o.method = .bounds
    o.rank = 0
    return try LLCAnalysis.run(try LandscapeSpec.resolve("nc-x2"), options: o)
  }

  static func json(_ value: some Encodable) throws -> [String: Any] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return try #require(try JSONSerialization.jsonObject(with: encoder.encode(value)) as? [String: Any])
  }

  @Test("every key present, absent estimates as null, warnings as {code, message}")
  func jsonLayout() throws {
    let obj = try Self.json(try Self.report())
    #expect(
      Set(obj.keys)
        == [
          "landscape", "dimension", "hessianRank", "rankSource", "lowerBound", "upperBound", "boundsText", "assumption",
          "exact", "exactText", "exactProvenance", "exactSource", "exactScope", "multiplicity", "estimates", "seed", "warnings",
        ])
    let estimates = try #require(obj["estimates"] as? [String: Any])
    #expect(estimates["volume"] is NSNull && estimates["sgld"] is NSNull)
    #expect(obj["boundsText"] as? String == "[0, 1/4]")
    #expect(obj["exactText"] as? String == "1/2")
    let warnings = try #require(obj["warnings"] as? [[String: String]])
    #expect(warnings.map { $0["code"] } == ["exactOutsideBounds"])
    #expect(warnings.first?["message"]?.contains("outside the bounds [0, 1/4]") == true)
  }

  @Test("the text prints the same bounds, exact value and warning messages as the JSON")
  func textMatchesJSON() throws {
    let report = try Self.report()
    let lines = report.text.split(separator: "\n").map(String.init)
    #expect(lines.first == "nc-x2: d = 1, Hessian rank r = 0 (stated)")
    #expect(lines[1].hasPrefix("bounds r/2 ≤ λ ≤ r/2 + (d−r)/4: [0, 1/4]  ("))
    #expect(lines[2].hasPrefix("exact λ = 1/2, m = 1"))
    #expect(lines.filter { $0.hasPrefix("warning: ") } == report.warnings.map { "warning: \($0.message)" })
    #expect(lines.last == "seed 3")
  }
}
