import Foundation
import HessianLab
import Testing
import TestSupport

/// Inputs that ask for more memory or work than the budgets allow: each is refused with exit
/// status 2 and one line naming the input or flag, before any heavy work (so each case takes
/// well under a second), instead of an allocation abort or a run of minutes.
@Suite("Budget refusals")
struct BudgetRefusalTests {
  static let max = "\(Int.max)"

  /// (arguments, the input or flag named, what the message says).
  static let cases: [BadInput] = [
    BadInput("dense dln", ["rank", "dln:300-300:rank=1", "--method", "dense"], names: "dln:300-300:rank=1", says: "memory budget"),
    BadInput("dense quad 1e6", ["rank", "quad:1:d=1000000", "--method", "dense"], names: "quad:1:d=1000000", says: "memory budget"),
    BadInput(
      "llc dense", ["llc", "quad:1:d=100000", "--rank-method", "dense", "--method", "bounds"], names: "quad:1:d=100000",
      says: "memory budget"),
    BadInput(
      "covariance accumulators", ["covariance", "quad:1:d=100000", "--population", "2", "--kept", "100001"],
      names: "quad:1:d=100000", says: "memory budget"),
    BadInput(
      "cma covariance memory", ["covariance", "quad:1:d=100000", "--route", "cma", "--evaluations", "1000"],
      names: "quad:1:d=100000", says: "memory budget"),
    BadInput("describe poly d=1e4", ["describe", "poly:x0^2:d=10000"], names: "poly:x0^2:d=10000", says: "--allow-long"),
    BadInput(
      "mlp training work", ["rank", "mlp:100-100-10:act=tanh:data=10000:seed=1:train=50000"],
      names: "mlp:100-100-10:act=tanh:data=10000:seed=1:train=50000", says: "--allow-long"),
    BadInput(
      "kept 1e12", ["covariance", "quad:1:d=10", "--population", "10", "--kept", "1000000000000"], names: "--kept",
      says: "ceiling"),
    BadInput("kept Int.max", ["covariance", "quad:1:d=10", "--population", "10", "--kept", max], names: "--kept", says: "ceiling"),
    BadInput(
      "plan with the suggested kept", ["covariance", "quad-large-low-rank", "--population", "10", "--kept", "40000", "--plan"],
      names: "--kept", says: "ceiling"),
    BadInput("slq probes", ["rank", "quad:1:d=10", "--method", "slq", "--probes", max], names: "--probes", says: "ceiling"),
    BadInput("density probes", ["spectrum", "quad:1:d=10", "--density", "--probes", max], names: "--probes", says: "ceiling"),
    // Extremes: (K + 1) Lanczos runs in the worst case (a K-fold eigenvalue), estimated first.
    BadInput("spectrum top K work", ["spectrum", "quad:1:d=20000", "--top", "2000"], names: "--top", says: "ceiling"),
    BadInput("spectrum bottom K memory", ["spectrum", "quad:1:d=1000000", "--bottom", "100000"], names: "--bottom", says: "memory budget"),
    BadInput(
      "particles", ["llc", "quad:1:d=3", "--method", "volume", "--particles", max], names: "--particles", says: "budget"),
    BadInput(
      "replicates", ["llc", "quad:1:d=3", "--method", "volume", "--replicates", max], names: "--replicates", says: "ceiling"),
    BadInput("moves", ["llc", "quad:1:d=3", "--method", "volume", "--moves", max], names: "--moves", says: "ceiling"),
    BadInput("chains", ["llc", "quad:1:d=3", "--method", "sgld", "--chains", max], names: "--chains", says: "ceiling"),
    BadInput("steps", ["llc", "quad:1:d=3", "--method", "sgld", "--steps", max], names: "--steps", says: "ceiling"),
    BadInput("compare confidence", ["compare", "quad:1:d=3", "--confidence", "0.99999999"], names: "--confidence", says: "ceiling"),
    BadInput(
      "compare dense confidence", ["compare", "nc-x2", "--confidence", "0.9999999999", "--method", "dense"],
      names: "--confidence", says: "ceiling"),
    BadInput("compare seeds", ["compare", "quad:1:d=3", "--seeds", max], names: "--seeds", says: "seeds the binomial bound handles"),
    // verify --external: landscapes × seeds runs of the estimator, checked before the first.
    BadInput(
      "external runs", ["verify", "--external", "true", "--quantity", "llc", "--seeds", max], names: "--seeds",
      says: "more than the ceiling 10000; refused before starting"),
    // Sampling work is charged 20·d flops per evaluation; llc checks every estimator first.
    BadInput(
      "llc volume at d = 1e6", ["llc", "quad:1:d=1000000", "--method", "volume"], names: "--replicates",
      says: "floating-point operations"),
    BadInput("llc all at d = 1e6", ["llc", "quad:1:d=1000000"], names: "--replicates", says: "floating-point operations"),
    BadInput(
      "sgld at d = 1e6", ["llc", "quad:1:d=1000000", "--method", "sgld", "--rank", "1"], names: "--chain",
      says: "floating-point operations"),
    // compare: the first budget level's flops per landscape and per sweep dimension.
    BadInput("compare d = 1e7", ["compare", "quad::d=10000000"], names: "quad::d=10000000", says: "ceiling"),
    BadInput("compare sweep d = 3000", ["compare", "--sweep", "d=3000"], names: "--sweep", says: "ceiling"),
    // A 10⁴-variable poly: sum is refused after tokenizing, before its O(terms·d) parse.
    BadInput("poly sum of 1e4 terms", ["describe", Self.longPolynomial], names: "poly:x0^2+x1^2", says: "--allow-long"),
  ]

  /// x0² + x1² + … + x9999²: 10⁴ variables and terms.
  static let longPolynomial = "poly:" + (0..<10_000).map { "x\($0)^2" }.joined(separator: "+")

  @Test("Refused with exit 2 and one line naming the input, before any heavy work", arguments: cases)
  func refused(_ input: BadInput) throws {
    let clock = ContinuousClock()
    let start = clock.now
    let r = try CommandRunner.run(input.arguments)
    let elapsed = start.duration(to: clock.now)
    #expect(r.status == 2, "\(input.label): status \(r.status), stderr \(r.standardError.prefix(300))")
    let lines = r.standardError.split(separator: "\n", omittingEmptySubsequences: true)
    #expect(lines.count == 1, "\(input.label): \(r.standardError.prefix(300))")
    #expect(r.standardError.contains(input.names), "\(input.label): \(r.standardError.prefix(300))")
    #expect(r.standardError.contains(input.says), "\(input.label): \(r.standardError.prefix(300))")
    #expect(elapsed < .seconds(10), "\(input.label) took \(elapsed)")
  }

  @Test("The work refusal says the estimate, the ceiling and how to lift it")
  func workMessage() throws {
    let r = try CommandRunner.run(["describe", "poly:x0^2:d=10000"])
    #expect(r.status == 2)
    #expect(r.standardError.contains("needs about 9.0e12 floating-point operations, more than the ceiling 2.0e12"), "\(r.standardError)")
    #expect(r.standardError.contains("pass --allow-long to run it anyway"))
  }

  @Test("A fixture given by path is named by its file in a refusal deep in the analysis")
  func fixtureNamedByFile() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("budget-fixture-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let fixture = #"{"schemaVersion": 1, "id": "f", "description": "big", "spec": "quad:1:d=1000000", "tags": [], "known": {"dimension": 1000000, "rank": 1, "provenance": "theorem", "source": "test"}}"#
    try Data(fixture.utf8).write(to: folder.appendingPathComponent("f0.json"))
    let r = try CommandRunner.run(["rank", "f0.json", "--method", "dense"], in: folder)
    #expect(r.status == 2)
    #expect(r.standardError.contains("f (f0.json)"), "\(r.standardError)")
    #expect(r.standardError.contains("memory budget"), "\(r.standardError)")
  }

  @Test("The ceilings follow HESSIAN_LAB_WORK_SCALE and HESSIAN_LAB_MEMORY_MB; a bad value is refused")
  func ceilingsFromEnvironment() throws {
    // 10⁵ kept points of λ = 10 at d = 10: 10⁶ evaluations, under the default ceiling (checked by
    // the plan, which runs no sampling) and over a thousandth of it.
    let args = ["covariance", "quad:1:d=10", "--population", "10", "--kept", "100000", "--plan"]
    let lowered = try CommandRunner.run(args, environment: [WorkBudget.scaleVariable: "0.0001"])
    #expect(lowered.status == 2, "\(lowered.standardError)")
    #expect(lowered.standardError.contains("ceiling"), "\(lowered.standardError)")
    let memory = try CommandRunner.run(
      ["rank", "quad:1:d=20000", "--method", "dense"], environment: [MemoryBudget.megabytesVariable: "64"])
    #expect(memory.status == 2)
    #expect(memory.standardError.contains("set by HESSIAN_LAB_MEMORY_MB"), "\(memory.standardError)")
    for (variable, value) in [(WorkBudget.scaleVariable, "-1"), (WorkBudget.scaleVariable, "nan"), (MemoryBudget.megabytesVariable, "0"),
      (MemoryBudget.megabytesVariable, "99999999999")]
    {
      let r = try CommandRunner.run(["describe", "nc-x2"], environment: [variable: value])
      #expect(r.status == 2, "\(variable)=\(value): \(r.standardError)")
      #expect(r.standardError.contains(variable), "\(r.standardError)")
      #expect(r.standardError.split(separator: "\n").count == 1)
    }
  }

  @Test("The memory refusal says what to use instead")
  func memoryMessage() throws {
    let r = try CommandRunner.run(["rank", "quad:1:d=1000000", "--method", "dense"])
    #expect(r.status == 2)
    #expect(r.standardError.contains("use a Hessian-vector-product method"), "\(r.standardError)")
  }

  @Test("A factored Hessian at d = 10⁴ defaults to a product method, not dense")
  func factoredDefaultsToBlock() throws {
    let r = try CommandRunner.run(["rank", "quad-large-low-rank", "--json", "--seed", "1"])
    #expect(r.status == 0, "\(r.standardError)")
    let json = try CommandRunner.json(r)
    #expect((json["method"] as? String) == "block", "\(r.standardOutput.prefix(400))")
    #expect((json["rank"] as? Int) == 3)
  }

  @Test("A small landscape still defaults to dense")
  func smallDefaultsToDense() throws {
    let r = try CommandRunner.run(["rank", "quad:1,2:d=5", "--json"])
    #expect(r.status == 0, "\(r.standardError)")
    #expect((try CommandRunner.json(r)["method"] as? String) == "dense")
  }
}
