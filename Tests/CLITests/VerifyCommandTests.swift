import Foundation
import Testing

@testable import TestSupport

@Suite("hessian-lab verify")
struct VerifyCommandTests {
  @Test("verify --quick passes on the corpus")
  func corpusPasses() throws {
    let r = try CommandRunner.run(["verify", "--quick"])
    #expect(r.status == 0, "\(r.standardOutput.split(separator: "\n").filter { $0.contains("FAIL") })")
    #expect(r.standardOutput.contains("false-failure budget"))
  }

  /// The default sample sizes (what a user runs): 6000 kept points per landscape,
  /// so the null-variance checks pool up to 90 000 degrees of freedom, where the χ²
  /// quantile once came back NaN and every such row failed. False-failure
  /// probability ≤ the run's budget P = 0.001 (Bonferroni over its checks).
  @Test("verify with its default sample sizes passes on the corpus")
  func fullCorpusPasses() throws {
    let r = try CommandRunner.run(["verify"])
    #expect(r.status == 0, "\(r.standardOutput.split(separator: "\n").filter { $0.contains("FAIL") })")
    #expect(!r.standardOutput.contains(" nan "), "a threshold came out NaN")
  }

  @Test("A fixture that is wrong about its rank fails with exit status 1")
  func injectedWrongFixture() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("verify-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("wrong-rank.json").path
    let json = """
      {"schemaVersion": 1, "id": "wrong-rank", "description": "claims rank 3, has rank 2", "spec": "quad:1,2:d=4:seed=9",
       "tags": [], "known": {"dimension": 4, "rank": 3, "learningCoefficient": "3/2", "multiplicity": 1,
       "provenance": "construction", "source": "deliberately wrong"}}
      """
    try json.write(toFile: path, atomically: true, encoding: .utf8)
    let r = try CommandRunner.run(["verify", path, "--quick"])
    #expect(r.status == 1)
    #expect(r.standardOutput.contains("FAIL"))
    #expect(r.standardError.contains("verification failed"))
    // The same fixture with the right claims passes.
    try json.replacingOccurrences(of: "\"rank\": 3", with: "\"rank\": 2").replacingOccurrences(of: "3/2", with: "1")
      .write(toFile: path, atomically: true, encoding: .utf8)
    let ok = try CommandRunner.run(["verify", path, "--quick", "--json"])
    #expect(ok.status == 0, "\(ok.standardOutput)")
    #expect(try CommandRunner.json(ok)["failures"] as? Int == 0)
  }

  @Test("verify --explore prints its root seed; bad budget exits 2")
  func explore() throws {
    let r = try CommandRunner.run(["verify", "--explore", "3", "--seed", "31415926", "--quick"])
    #expect(r.status == 0, "\(r.standardOutput)")
    #expect(r.standardOutput.contains("root seed 31415926"))
    let bad = try CommandRunner.run(["verify", "--budget", "2"])
    #expect(bad.status == 2)
  }
}
