import Foundation
import Testing
import TestSupport

/// `hessian-lab llc --method sgld`: what the report says about the chains'
/// convergence, the multiplicity shortfall and the HVP cost (issue #15 items 4,
/// 5, 8), in the human text and in `--json`.
@Suite("hessian-lab llc --method sgld: convergence, multiplicity, cost")
struct LLCSGLDOutputTests {
  static func llc(_ arguments: [String]) throws -> CommandResult {
    let result = try CommandRunner.run(["llc"] + arguments)
    #expect(result.status == 0, "\(result.standardError)")
    return result
  }

  /// The done-when: SGLD warns on nc-x2y6 at the defaults (every one of
  /// 200 measured seeds; see `SGLDEstimatorTests.convergenceAtDefaults`), with
  /// R̂, ESS and drift in the text and in the JSON.
  @Test("nc-x2y6 at the defaults: not converged, said in the text and in the JSON warnings")
  func unconvergedAtDefaults() throws {
    let text = try Self.llc(["nc-x2y6", "--method", "sgld", "--seed", "1"]).standardOutput
    #expect(text.contains("chains: R̂ = ") && text.contains("NOT converged"), "\(text)")
    #expect(text.contains("warning: sgld: the chains have not converged: rank-normalised split-R̂"), "\(text)")
    let json = try CommandRunner.json(try Self.llc(["nc-x2y6", "--method", "sgld", "--seed", "1", "--json"]))
    let estimates = try #require(json["estimates"] as? [String: Any])
    let sgld = try #require(estimates["sgld"] as? [String: Any])
    let mixing = try #require(sgld["mixing"] as? [String: Any])
    #expect(mixing["converged"] as? Bool == false)
    let rHat = try #require(mixing["rHat"] as? Double)
    #expect(rHat > 1.05)
    #expect(mixing["draws"] as? Int == 12_800 && (mixing["effectiveSampleSize"] as? Double ?? .infinity) < 100)
    #expect(mixing["drift"] is Double && mixing["driftStandardError"] is Double)
    let warnings = try #require(json["warnings"] as? [[String: String]])
    #expect(
      warnings.contains { $0["code"] == "chainsNotConverged" && $0["message"]?.hasPrefix("sgld: the chains have not converged") == true },
      "\(warnings)")
  }

  /// (xy)²: m = 2, so λ̂ is expected ≈ (m − 1)/log(nβ) = 0.1431 below λ = 1/2.
  @Test("nc-xy2: the multiplicity shortfall is printed under the exact λ and in the JSON")
  func multiplicityShortfall() throws {
    let arguments = ["nc-xy2", "--method", "sgld", "--seed", "2", "--chains", "2", "--steps", "400", "--burn-in", "100"]
    let text = try Self.llc(arguments).standardOutput
    #expect(
      text.contains("multiplicity m = 2: expected shortfall (m − 1)/log(nβ) = 0.1431, so λ̂ ≈ λ − 0.1431 = 0.3569"), "\(text)")
    #expect(text.contains("warning: sgld: multiplicity m = 2"), "\(text)")
    let json = try CommandRunner.json(try Self.llc(arguments + ["--json"]))
    let sgld = try #require((json["estimates"] as? [String: Any])?["sgld"] as? [String: Any])
    let shortfall = try #require(sgld["multiplicityShortfall"] as? Double)
    #expect(abs(shortfall - 1 / log(10_000 / log(10_000.0))) < 1e-12)
    let codes = (json["warnings"] as? [[String: String]] ?? []).compactMap { $0["code"] }
    #expect(codes.contains("multiplicityShortfall"), "\(codes)")
    let x2 = try CommandRunner.json(try Self.llc(["nc-x2", "--method", "sgld", "--seed", "2", "--chains", "2", "--steps", "400", "--burn-in", "100", "--json"]))
    let x2sgld = try #require((x2["estimates"] as? [String: Any])?["sgld"] as? [String: Any])
    #expect(x2sgld["multiplicityShortfall"] as? Double == 0)
    #expect(!(x2["warnings"] as? [[String: String]] ?? []).contains { $0["code"] == "multiplicityShortfall" })
  }

  /// (x₀ − x₁)²: the power iteration's 20 HVPs are counted and reported (the
  /// landscape knows H, so the localisation diagnostic adds none).
  @Test("poly:(x0-x1)^2: the HVPs are part of the reported cost")
  func hessianVectorProducts() throws {
    let arguments = ["poly:(x0-x1)^2", "--method", "sgld", "--seed", "3", "--chains", "2", "--steps", "400", "--burn-in", "100"]
    let text = try Self.llc(arguments).standardOutput
    #expect(text.contains("loss evaluations + 20 HVPs"), "\(text)")
    let json = try CommandRunner.json(try Self.llc(arguments + ["--json"]))
    let estimates = try #require(json["estimates"] as? [String: Any])
    #expect((estimates["sgld"] as? [String: Any])?["hessianVectorProducts"] as? Int == 20)
  }
}
