import Foundation
import Testing
import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("RankReport: one value for the JSON and the text")
struct RankReportTests {
  static func encode(_ report: RankReport) throws -> [String: Any] {
    let data = try JSONEncoder().encode(report)
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  @Test("the JSON is flat, with precision and seconds, and without the landscape name")
  func keys() throws {
    let land = try KrylovFixtures.quadratic("r", [1, 2, 4], d: 12)
    let dense = try RankAnalysis.run(land, options: .init())
    let keys = Set(try Self.encode(dense).keys)
    #expect(
      keys == [
        "rank", "dimension", "method", "threshold", "thresholdPolicy", "precision", "eigenvalues", "smallestCounted",
        "largestUncounted", "gapRatio", "hessianVectorProducts", "converged", "warnings", "seconds", "seed",
        "estimate", "standardError", "unresolvedCount", "uncountedBound", "gapRatioLowerBound",
      ], "\(keys.sorted())")
    // Every method has the same keys; what does not apply is null (dense: no seed, no bound).
    #expect(try Self.encode(dense)["seed"] is NSNull)
    let block = try RankAnalysis.run(land, options: .init(method: .block, seed: 3))
    let blockObject = try Self.encode(block)
    #expect(Set(blockObject.keys) == keys)
    #expect(blockObject["seed"] as? Int == 3 && blockObject["uncountedBound"] is NSNumber)
    #expect(!keys.contains("landscape"))
  }

  @Test("decoding gives the same report without its name; the text then has no prefix")
  func roundTrip() throws {
    let land = try KrylovFixtures.quadratic("r", [1, 2, 4], d: 12)
    let report = try RankAnalysis.run(land, options: .init(method: .slq, seed: 5, probes: 10))
    let decoded = try JSONDecoder().decode(RankReport.self, from: try JSONEncoder().encode(report))
    var unnamed = report
    unnamed.landscape = nil
    #expect(decoded == unnamed)
    #expect(decoded.text.hasPrefix("rank 3 of d = 12"))
    #expect(report.text.hasPrefix("r: rank 3 of d = 12"))
  }

  @Test("an unbounded gap-ratio lower bound is null")
  func unboundedLowerBound() throws {
    let land = try KrylovFixtures.quadratic("r", [1, 2, 4], d: 12)
    var report = try RankAnalysis.run(land, options: .init(method: .block, seed: 3))
    // Nothing uncounted was computed and the bound on the rest is 0: the gap is unbounded.
    report.result.largestUncounted = nil
    report.result.uncountedBound = 0
    #expect(report.result.gapRatioLowerBound == .infinity)
    #expect(report.gapRatioLowerBound == nil)
    #expect(try Self.encode(report)["gapRatioLowerBound"] is NSNull)
    report.result.uncountedBound = 0.5
    let counted = try #require(report.result.smallestCounted)
    #expect(report.gapRatioLowerBound == counted / 0.5)
    let encoded = try JSONDecoder().decode([String: JSONNumberProbe].self, from: try JSONEncoder().encode(report))
    #expect(encoded["gapRatioLowerBound"]?.value == counted / 0.5)
  }
}

/// Reads any JSON value, keeping numbers as `Double` (exactly as JSONDecoder reads them).
private struct JSONNumberProbe: Decodable {
  var value: Double?
  init(from decoder: any Decoder) throws { value = try? decoder.singleValueContainer().decode(Double.self) }
}
