import Foundation
import HessianLab
import Testing

@testable import HessianCore
@testable import HessianVerification
@testable import HessianZoo

@Suite("CheckReport: the text and the JSON of a check")
struct CheckReportTests {
  @Test("the JSON has every key, missing values as null")
  func json() throws {
    let r = try CheckAnalysis.run("nc-x2", quantity: .llc, value: "0.45", standardError: nil)
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let object = try #require(try JSONSerialization.jsonObject(with: encoder.encode(r)) as? [String: Any])
    for key in ["landscape", "dimension", "quantity", "known", "selection", "estimates", "standardErrors", "falseFailureProbability",
      "test", "criticalZ", "tolerance", "comparisons", "verdict", "standardErrorAssessment", "largestAbsoluteZ", "findings"]
    {
      #expect(object.keys.contains(key), "\(key)")
    }
    #expect(object["verdict"] as? String == "undecided")
    #expect(object["standardErrors"] is NSNull)
    let known = try #require(object["known"] as? [String: Any])
    #expect(known["exact"] as? String == "1/2" && known["provenance"] as? String == "theorem")
  }

  @Test("the text names the known value, its provenance, the statistics and the verdict")
  func text() throws {
    let r = try CheckAnalysis.run("nc-x2", quantity: .llc, value: "0.7", standardError: "0.05")
    let lines = r.text.split(separator: "\n").map(String.init)
    #expect(lines.first == "nc-x2 (d = 1): checking the learning coefficient λ")
    #expect(lines.contains("  known: 0.5 (= 1/2) (theorem)"))
    #expect(lines.contains { $0.contains("estimate 0.7 vs 0.5: error 0.2 (+40%), SE 0.05, z = 4, p = 6.33e-05  FAIL") })
    #expect(lines.last == "verdict: fail")
  }
}
