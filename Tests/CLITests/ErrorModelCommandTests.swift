import Foundation
import Testing
import TestSupport
import HessianLab

/// `--hvp` and `--loss` end to end: the default prints nothing new, a model is named with its
/// accuracy in text and JSON, and a noisy loss is reproducible, worker-independent and counted alike.
@Suite("hessian-lab --hvp and --loss error models")
struct ErrorModelCommandTests {
  @Test("rank: the default names no model; float32 and finite differences name theirs in text and JSON")
  func rankReports() throws {
    let plain = try CommandRunner.run(["rank", "quad-rank-deficient"])
    #expect(plain.status == 0 && !plain.standardOutput.contains("HVP error model"))
    #expect(try CommandRunner.json(CommandRunner.run(["rank", "quad-rank-deficient", "--json"]))["hvpModel"] == nil)
    let f32 = try CommandRunner.run(["rank", "quad-rank-deficient", "--hvp", "float32"])
    #expect(f32.standardOutput.contains("HVP error model: float32 (sgemm on a float32 copy of H)"), "\(f32.standardOutput)")
    let fd = try CommandRunner.json(CommandRunner.run(["rank", "dln-3-2-3", "--hvp", "finite-difference:scheme=forward", "--json"]))
    let model = try #require(fd["hvpModel"] as? [String: Any])
    #expect(model["model"] as? String == "finite-difference" && model["scheme"] as? String == "forward")
    // d = 12 dense products: 2 gradients each plus ∇L(w*) once.
    #expect(model["gradientEvaluations"] as? Int == 2 * 12 + 1)
    #expect(fd["rank"] as? Int == 5)
  }

  @Test("every HVP method reads δ after its products: a step too large for dln-3-2-3 is not counted as curvature",
        arguments: ["dense", "lanczos", "block", "slq"])
  func everyMethodFollowsTheMeasuredError(method: String) throws {
    // Before δ was read after the products, slq counted 12 of 12 here (the difference error as curvature).
    let json = try CommandRunner.json(
      CommandRunner.run(["rank", "dln-3-2-3", "--method", method, "--seed", "1", "--hvp", "finite-difference:h=0.01", "--json"]))
    #expect(json["rank"] as? Int == 5, "\(method)")
    // Along a unit vector the deep linear network's loss is quadratic (degree 2 in each weight), so
    // dense's products are exact at any step; random directions meet the quartic terms and warn.
    let codes = (json["warnings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
    #expect(codes.contains("finiteDifferenceInaccurate") == (method != "dense"), "\(method): \(codes)")
  }

  @Test(
    "an oracle is differenced through its own gradients: rank 3 of a served quadratic, gradients counted",
    .enabled(if: ServeCommandTests.oracleSpecs, "this hessian-lab has no oracle: landscape specs"))
  func oracleGradients() throws {
    let spec = "oracle:" + ServeCommandTests.command("quad:3,2,1:d=6")
    let r = try CommandRunner.run(["rank", spec, "--hvp", "finite-difference", "--json"])
    #expect(r.status == 0, "\(r.standardError)")
    let json = try CommandRunner.json(r)
    #expect(json["rank"] as? Int == 3)
    let model = try #require(json["hvpModel"] as? [String: Any])
    // Dense: d = 6 central products, 4 gradients each.
    #expect(model["gradientEvaluations"] as? Int == 24)
  }

  @Test(
    "llc on an oracle names the HVP model of its rank, as on a landscape",
    .enabled(if: ServeCommandTests.oracleSpecs, "this hessian-lab has no oracle: landscape specs"))
  func oracleLLCNamesModel() throws {
    let spec = "oracle:" + ServeCommandTests.command("quad:3,2,1:d=6")
    let r = try CommandRunner.run(["llc", spec, "--method", "bounds", "--hvp", "finite-difference", "--seed", "1", "--json"])
    #expect(r.status == 0, "\(r.standardError)")
    let json = try CommandRunner.json(r)
    #expect(json["hessianRank"] as? Int == 3)
    let model = try #require(json["hvpModel"] as? [String: Any])
    #expect(model["model"] as? String == "finite-difference")
    let exact = try CommandRunner.json(CommandRunner.run(["llc", spec, "--method", "bounds", "--seed", "1", "--json"]))
    #expect(exact["hvpModel"] == nil)
  }

  @Test(
    "finite differences of an oracle without gradients are refused up front, by rank and by compare",
    arguments: [["rank"], ["compare", "--method", "block"]])
  func oracleWithoutGradients(_ command: [String]) throws {
    let spec = "oracle:python3 Tests/Fixtures/oracles/quadratic.py hvp-only"
    let r = try CommandRunner.run([command[0], spec] + command.dropFirst() + ["--hvp", "finite-difference", "--seed", "1"])
    #expect(r.status == 2, "\(r.standardError)")
    #expect(r.standardOutput.isEmpty)
    let lines = r.standardError.trimmingCharacters(in: .newlines).split(separator: "\n")
    // Refused by the capability check before the trust checks, not by the oracle in the middle of the runs.
    #expect(lines.count == 1 && lines[0].contains(spec) && lines[0].contains("needs the oracle capability 'gradient'"), "\(r.standardError)")
  }

  @Test("covariance --loss noise: same seed same JSON for 1 and 2 workers; the loss evaluations are the exact run's")
  func noisyCovariance() throws {
    let base = ["covariance", "quad-full-rank", "--population", "10", "--kept", "40", "--seed", "5", "--json"]
    let a = try CommandRunner.run(base + ["--loss", "noise:0.5", "--workers", "1"])
    let b = try CommandRunner.run(base + ["--loss", "noise:0.5", "--workers", "2"])
    #expect(a.status == 0, "\(a.standardError)")
    #expect(CommandRunner.withoutTiming(a.standardOutput) == CommandRunner.withoutTiming(b.standardOutput))
    let noisy = try CommandRunner.json(a)
    let exact = try CommandRunner.json(CommandRunner.run(base))
    #expect(noisy["lossModel"] as? String == "noise:0.5" && exact["lossModel"] == nil)
    #expect(noisy["lossEvaluations"] as? Int == exact["lossEvaluations"] as? Int)
    #expect(noisy["eigenvalues"] as? [Double] != exact["eigenvalues"] as? [Double])
  }
}
