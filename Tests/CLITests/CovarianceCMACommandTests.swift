import Foundation
import Testing
import TestSupport

@Suite("hessian-lab covariance --route cma")
struct CovarianceCMACommandTests {
  /// The JSON text without its timing key, for byte comparisons.
  static func untimed(_ text: String) -> String {
    text.split(separator: "\n").filter { !$0.contains("\"seconds\"") }.joined(separator: "\n")
  }

  @Test("text report: the run, the read-out and the relation to H (seed 1)")
  func text() throws {
    let r = try CommandRunner.run(["covariance", "quad-rank-deficient", "--route", "cma", "--evaluations", "600", "--seed", "1"])
    #expect(r.status == 0, "\(r.standardError)")
    #expect(r.standardOutput.contains("CMA-ES (μ/μ_w, λ) with λ = 12, μ = 6"))
    #expect(r.standardOutput.contains("rank read-out: 20 (no flat block resolved)"))
    #expect(r.standardOutput.contains("relation of the final C to H (on its range, r = 5)"))
    #expect(r.standardOutput.contains("warning: no flat block is resolved"))
  }

  /// Without `--seed` a seed is drawn and printed; the run depends on it (at 600 evaluations one
  /// drawn seed in CI read rank 19 with a gap warning where seeds 1–3 read 20), so what is checked
  /// is that the printed seed reproduces the run, not what the run found.
  @Test("without --seed the drawn seed is printed, and --seed with it reproduces the report")
  func drawnSeed() throws {
    let r = try CommandRunner.run(["covariance", "quad-rank-deficient", "--route", "cma", "--evaluations", "600"])
    #expect(r.status == 0, "\(r.standardError)")
    let match = try #require(r.standardOutput.firstMatch(of: try Regex(#", seed ([0-9]+)\n"#)))
    let seed = try #require(match.output[1].substring.map(String.init))
    let again = try CommandRunner.run(["covariance", "quad-rank-deficient", "--route", "cma", "--evaluations", "600", "--seed", seed])
    func withoutTime(_ t: String) -> String { t.split(separator: "\n").filter { !$0.hasPrefix("seconds") }.joined(separator: "\n") }
    #expect(withoutTime(again.standardOutput) == withoutTime(r.standardOutput))
  }

  @Test("JSON: evaluations reported are λ per generation, the trajectory ends at the final count, 1 and 2 workers agree")
  func json() throws {
    let args = ["covariance", "quad:1,4,9:d=5:seed=2", "--route", "cma", "--evaluations", "500", "--seed", "3", "--json"]
    let one = try CommandRunner.run(args + ["--workers", "1"])
    let two = try CommandRunner.run(args + ["--workers", "2"])
    #expect(one.status == 0 && two.status == 0, "\(one.standardError)\(two.standardError)")
    #expect(Self.untimed(one.standardOutput) == Self.untimed(two.standardOutput))
    let obj = try CommandRunner.json(one)
    let lambda = try #require(obj["population"] as? Int), generations = try #require(obj["generations"] as? Int)
    #expect(obj["lossEvaluations"] as? Int == lambda * generations)
    #expect(generations == 500 / lambda)
    let trajectory = try #require(obj["trajectory"] as? [[String: Any]])
    #expect(trajectory.last?["lossEvaluations"] as? Int == lambda * generations)
    #expect(trajectory.count == 16)
    #expect(obj["route"] as? String == "cma" && obj["knownRank"] as? Int == 3)
  }

  @Test("--save writes the final C as a d×d .npy")
  func save() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("cma-\(UInt32.random(in: 0...UInt32.max)).npy").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let r = try CommandRunner.run(["covariance", "nc-xy2", "--route", "cma", "--evaluations", "100", "--seed", "1", "--save", path])
    #expect(r.status == 0, "\(r.standardError)")
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(String(decoding: data.prefix(128), as: UTF8.self).contains("'shape': (2, 2)"))
  }
}
