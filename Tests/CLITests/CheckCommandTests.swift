import Foundation
import Testing
import TestSupport

/// `hessian-lab check` end to end: exit status 0 on a pass (or no verdict), 1 on a fail, 2 on bad
/// input with one line; the JSON's statistics; a deliberately wrong λ fails and the truth passes.
@Suite("hessian-lab check")
struct CheckCommandTests {
  static func check(_ arguments: [String]) throws -> CommandResult { try CommandRunner.run(["check"] + arguments) }

  @Test("λ + 0.3 with SE 0.05 on dln:4-3-5:rank=2 (λ = 8) exits 1 with one line; the truth exits 0")
  func wrongLambdaFails() throws {
    let wrong = try Self.check(["dln:4-3-5:rank=2", "--quantity", "llc", "--value", "8.3", "--standard-error", "0.05"])
    #expect(wrong.status == 1)
    #expect(wrong.standardError == "hessian-lab: verification failed: the llc estimate on dln:4-3-5:rank=2 fails: |z| = 6 > 2.576 at α = 0.01\n")
    #expect(wrong.standardOutput.contains("the error is 6× the stated SE: the estimator is biased, or the SE is under-reported"))
    #expect(wrong.standardOutput.hasSuffix("verdict: fail\n"))
    let right = try Self.check(["dln:4-3-5:rank=2", "--quantity", "llc", "--value", "8", "--standard-error", "0.05"])
    #expect(right.status == 0 && right.standardError.isEmpty)
    #expect(right.standardOutput.hasSuffix("verdict: pass\n"))
  }

  @Test("--json: z, p, the threshold at α and the verdict; a fail still prints its JSON")
  func json() throws {
    let r = try Self.check(["nc-x2", "--quantity", "llc", "--value", "0.8", "--standard-error", "0.1", "--alpha", "0.05", "--json"])
    #expect(r.status == 1)
    let json = try CommandRunner.json(r)
    #expect(json["schemaVersion"] as? Int == 3)
    #expect(json["verdict"] as? String == "fail")
    #expect(json["test"] as? String == "z-test")
    // z = (0.8 − 0.5)/0.1 = 3, p = 2Φ(−3) = 0.0026998 (SciPy), z_{0.975} = 1.959964.
    let c = try #require((json["comparisons"] as? [[String: Any]])?.first)
    #expect(abs((c["z"] as? Double ?? 0) - 3) <= 1e-12)
    #expect(abs((c["pValue"] as? Double ?? 0) - 0.0026997960632601866) <= 1e-9)
    #expect(abs((json["criticalZ"] as? Double ?? 0) - 1.959963984540054) <= 1e-9)
    #expect(json["standardErrorAssessment"] as? String == "strained")
  }

  @Test("rank without an SE: exact match; top eigenvalues: the k largest within the stated tolerance")
  func exactTests() throws {
    #expect(try Self.check(["quad-rank-deficient", "--quantity", "rank", "--value", "5"]).status == 0)
    #expect(try Self.check(["quad-rank-deficient", "--quantity", "rank", "--value", "4"]).status == 1)
    // rank3-d6.npy: eigenvalues 5, 2, 1 (NumPy eigvalsh); 1e-9 off is within √ε·5 = 7.5e-8.
    let top = try Self.check(["fixtures/hessians/rank3-d6.npy", "--quantity", "top-eigenvalues", "--value", "2.000000001,5,1", "--json"])
    #expect(top.status == 0, "\(top.standardError)")
    let json = try CommandRunner.json(top)
    #expect(json["test"] as? String == "tolerance")
    #expect((json["known"] as? [String: Any])?["provenance"] as? String == "computed")
    let off = try Self.check(["fixtures/hessians/rank3-d6.npy", "--quantity", "top-eigenvalues", "--value", "5.01,2,1", "--standard-error", "0.001"])
    #expect(off.status == 1)
  }

  @Test("no SE on an exact λ: no statistical verdict, exit 0, said in words")
  func undecided() throws {
    let r = try Self.check(["dln-3-2-3", "--quantity", "llc", "--value", "3.1"])
    #expect(r.status == 0)
    #expect(r.standardOutput.contains("no statistical verdict is possible without a standard error"))
    #expect(r.standardOutput.hasSuffix("verdict: undecided\n"))
  }

  @Test("covariance-scale names its formula and provenance; H = 2I, λ = 10, σ = 0.5: c = 0.05")
  func covarianceScale() throws {
    let r = try Self.check([
      "quad:2,2:d=2", "--quantity", "covariance-scale", "--value", "0.0502", "--standard-error", "0.001", "--population", "10",
      "--sigma", "0.5", "--json",
    ])
    #expect(r.status == 0, "\(r.standardError)")
    let known = try #require(try CommandRunner.json(r)["known"] as? [String: Any])
    #expect(abs(((known["values"] as? [Double])?.first ?? 0) - 0.05) <= 1e-9)
    #expect((known["source"] as? String)?.contains("κ(λ, d) with det H") == true)
  }

  @Test("bad input exits 2 with one line on stderr and nothing on stdout")
  func badInput() throws {
    for arguments in [
      ["oracle:true", "--quantity", "llc", "--value", "1"],
      ["nc-x2", "--quantity", "llc", "--value", "1", "--standard-error", "-1"],
      ["nc-x2", "--quantity", "volume", "--value", "1"],
    ] {
      let r = try Self.check(arguments)
      #expect(r.status == 2, "\(arguments)")
      #expect(r.standardOutput.isEmpty)
      #expect(r.standardError.split(separator: "\n").count == 1, "\(r.standardError)")
    }
  }
}
