import Foundation
import Testing
import TestSupport

/// The exact λ of a `.npy` Hessian is that of the quadratic ½wᵀHw, not of the user's
/// model: `llc` and `describe` say so in the words and in a JSON scope a script can read
/// (`exactScope` / `scope`, docs/schema), while zoo landscapes keep `landscape`.
@Suite("λ of a .npy Hessian is scoped to its quadratic")
struct HessianFileWordingTests {
  static let file = "fixtures/hessians/rank3-d6.npy"
  static let phrase = "for the quadratic ½wᵀHw built from the Hessian file, not for the model H came from"

  @Test("llc: human text and JSON")
  func llc() throws {
    let text = try CommandRunner.run(["llc", Self.file, "--method", "bounds", "--seed", "1"])
    #expect(text.status == 0, "\(text.standardError)")
    let exactLine = try #require(text.standardOutput.split(separator: "\n").first { $0.hasPrefix("exact λ") })
    #expect(exactLine.hasPrefix("exact λ = 3/2, m = 1 \(Self.phrase)"), "\(exactLine)")
    let json = try CommandRunner.json(try CommandRunner.run(["llc", Self.file, "--method", "bounds", "--seed", "1", "--json"]))
    #expect(json["exactScope"] as? String == "hessianQuadratic")
    #expect(json["exactText"] as? String == "3/2")
    // A zoo quadratic is its own model: no scope words.
    let zoo = try CommandRunner.run(["llc", "quad-rank-deficient", "--method", "bounds", "--seed", "1", "--json"])
    #expect(try CommandRunner.json(zoo)["exactScope"] as? String == "landscape")
    let zooText = try CommandRunner.run(["llc", "quad-rank-deficient", "--method", "bounds", "--seed", "1"])
    #expect(!zooText.standardOutput.contains("Hessian file"), "\(zooText.standardOutput)")
  }

  @Test("describe: human text and JSON, also for a sum with a file block")
  func describe() throws {
    let text = try CommandRunner.run(["describe", Self.file])
    #expect(text.status == 0, "\(text.standardError)")
    #expect(text.standardOutput.contains("λ and m are               \(Self.phrase)"), "\(text.standardOutput)")
    let json = try CommandRunner.json(try CommandRunner.run(["describe", Self.file, "--json"]))
    #expect(json["scope"] as? String == "hessianQuadratic")
    let origins = try #require(json["origins"] as? [String: [String: String]])
    #expect(origins["learningCoefficient"]?["source"]?.contains("for the quadratic ½wᵀHw with this Hessian") == true)
    let sum = try CommandRunner.json(try CommandRunner.run(["describe", "sum:\(Self.file)|nc-x2", "--json"]))
    #expect(sum["scope"] as? String == "hessianQuadratic")
    #expect(sum["learningCoefficientExact"] as? String == "2")
    let zoo = try CommandRunner.json(try CommandRunner.run(["describe", "newton-edge", "--json"]))
    #expect(zoo["scope"] as? String == "landscape")
    #expect(!(try CommandRunner.run(["describe", "newton-edge"]).standardOutput.contains("λ and m are")))
  }
}
