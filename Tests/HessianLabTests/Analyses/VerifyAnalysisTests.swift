import Foundation
import Testing
import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("VerifyAnalysis: verify as one library call")
struct VerifyAnalysisTests {
  @Test("one landscape: the table, a summary, and no failure when every property holds")
  func oneLandscape() async throws {
    let report = try await VerifyAnalysis.run(.landscape("quad-full-rank"), options: .init(budget: 1e-3, quick: true))
    guard case let .suite(suite) = report else { Issue.record("expected a suite report"); return }
    #expect(suite.rows.allSatisfy { $0.landscape == "quad-full-rank" })
    #expect(report.failure == nil, "\(suite.rows.filter { $0.result == .fail })")
    #expect(report.text.hasSuffix(suite.summary))
  }

  @Test("a bad budget is refused before anything runs")
  func badBudget() async throws {
    let error = await #expect(throws: InputError.self) {
      try await VerifyAnalysis.run(.explore(count: 1, root: 1), options: .init(budget: 2))
    }
    #expect(error?.parameter == .budget)
  }

  @Test("failures name the first failed property or the minimal failing case")
  func failures() throws {
    let row = VerificationRow(property: "p", landscape: "l", result: .fail, detail: "d")
    let suite = VerificationReport(rows: [row, row], budget: 1e-3, perCheck: 1e-3, statisticalChecks: 1, failures: 2)
    #expect(VerifyReport.suite(suite).failure == VerificationFailure("2 properties failed (first: p on l)"))
    let failed = PropertyExploration.CaseResult(
      seed: 1, spec: "quad:1:d=2", passed: false, failedProperties: ["p"], minimalSpec: "quad:1:d=1", shrinkSteps: 3)
    let passed = PropertyExploration.CaseResult(
      seed: 2, spec: "quad:2:d=2", passed: true, failedProperties: [], minimalSpec: nil, shrinkSteps: 0)
    let exploration = ExplorationReport(root: 9, budget: 1e-3, cases: [passed, failed])
    #expect(VerifyReport.exploration(exploration).failure == VerificationFailure("1 of 2 generated landscapes failed; minimal: quad:1:d=1"))
    #expect(exploration.text.split(separator: "\n").map(String.init) == [
      "explore: 2 generated landscapes, root seed 9, false-failure budget 0.001",
      "seed 2  pass  quad:2:d=2",
      "seed 1  FAIL  quad:1:d=2",
      "  failed: p",
      "  minimal failing case after 3 shrink steps: hessian-lab verify 'quad:1:d=1'",
      "1 passed, 1 failed",
    ])
    // Either layout decodes back to its own case.
    let data = try JSONEncoder().encode(VerifyReport.exploration(exploration))
    #expect(try JSONDecoder().decode(VerifyReport.self, from: data) == .exploration(exploration))
    let suiteData = try JSONEncoder().encode(VerifyReport.suite(suite))
    #expect(try JSONDecoder().decode(VerifyReport.self, from: suiteData) == .suite(suite))
  }
}
