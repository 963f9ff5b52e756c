import Foundation
import Testing
import TestSupport

/// `hessian-lab describe --json` end to end, against the math notes' known
/// answers (§3.2 bounds r/2 ≤ λ ≤ r/2 + (d − r)/4, §3.3, §3.4).
@Suite("hessian-lab describe --json")
struct DescribeCommandTests {
  static func describe(_ landscape: String) throws -> [String: Any] {
    let result = try CommandRunner.run(["describe", landscape, "--json"])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardError.isEmpty)
    return try CommandRunner.json(result)
  }

  @Test("DLN 3-2-3, r = 1: d = 12, rank 5, λ = 7/2, m = 2, bounds [5/2, 17/4]")
  func deepLinearNetwork() throws {
    let json = try Self.describe("dln:3-2-3:rank=1")
    #expect(json["dimension"] as? Int == 12)
    #expect(json["rank"] as? Int == 5)
    #expect(json["learningCoefficient"] as? Double == 3.5)
    #expect(json["learningCoefficientExact"] as? String == "7/2")
    #expect(json["multiplicity"] as? Int == 2)
    #expect(json["provenance"] as? String == "theorem")
    #expect(json["lowerBound"] as? Double == 2.5)
    #expect(json["upperBound"] as? Double == 4.25)
    let origins = try #require(json["origins"] as? [String: [String: String]])
    #expect(origins["rank"]?["provenance"] == "theorem")
  }

  @Test("DLN 8-3-8, r = 3: the lower bound is tight, λ = r_H/2 = 39/2")
  func tightLowerBound() throws {
    let json = try Self.describe("dln-8-3-8")
    #expect(json["dimension"] as? Int == 48)
    #expect(json["rank"] as? Int == 39)
    #expect(json["learningCoefficient"] as? Double == 19.5)
    #expect(json["lowerBound"] as? Double == 19.5)
    #expect(json["upperBound"] as? Double == 21.75)
  }

  @Test("(x − y²)²: rank 1, λ unknown (null, provenance unknown), bounds still given")
  func degeneratePolynomial() throws {
    let json = try Self.describe("poly:(x0 - x1^2)^2")
    #expect(json["dimension"] as? Int == 2)
    #expect(json["rank"] as? Int == 1)
    #expect(json["learningCoefficient"] is NSNull)
    #expect(json["learningCoefficientExact"] is NSNull)
    #expect(json["provenance"] as? String == "unknown")
    #expect(json["lowerBound"] as? Double == 0.5)
    #expect(json["upperBound"] as? Double == 0.75)
  }

  @Test("Zoo id newton-edge: x² + y⁴, upper bound tight at 3/4")
  func zooId() throws {
    let json = try Self.describe("newton-edge")
    #expect(json["name"] as? String == "newton-edge")
    #expect(json["dimension"] as? Int == 2)
    #expect(json["rank"] as? Int == 1)
    #expect(json["learningCoefficientExact"] as? String == "3/4")
    #expect(json["multiplicity"] as? Int == 1)
    #expect(json["lowerBound"] as? Double == 0.5)
    #expect(json["upperBound"] as? Double == 0.75)
  }

  @Test("A fixture file and its zoo id describe the same landscape")
  func fixtureFile() throws {
    var fromFile = try Self.describe("fixtures/landscapes/newton-rrr-212.json")
    var fromId = try Self.describe("newton-rrr-212")
    #expect(fromFile["learningCoefficientExact"] as? String == "1")
    #expect(fromFile["multiplicity"] as? Int == 2)
    fromFile["name"] = nil
    fromId["name"] = nil
    #expect(NSDictionary(dictionary: fromFile).isEqual(to: fromId))
  }

  @Test("A .npy Hessian: rank counted, λ = r/2 (rank 3 of d = 6)")
  func numpyHessian() throws {
    let json = try Self.describe("fixtures/hessians/rank3-d6.npy")
    #expect(json["dimension"] as? Int == 6)
    #expect(json["rank"] as? Int == 3)
    #expect(json["learningCoefficientExact"] as? String == "3/2")
  }
}
