import Foundation
import Testing

import HessianLab
@testable import HessianCore
@testable import HessianVerification
@testable import HessianZoo

@Suite("Adaptive covariance report")
struct CMAReportTests {
  @Test("text and JSON render the same run: counts, read-out, stop, and null metrics without H")
  func rendering() async throws {
    let land = try LandscapeSpec.resolve("newton-flat")
    let r = try await CMAAnalysis.run(land, options: CMAAnalysis.Options(evaluations: 400, hessianComparison: .never, seed: 3))
    let text = r.humanText()
    #expect(text.contains("loss evaluations: \(r.run.lossEvaluations) of 400 (\(r.run.generations) generations; stop: budget)"))
    #expect(text.contains("rank read-out: \(r.readout.rank)"))
    #expect(!text.contains("relation of the final C"))  // no H, no relation line
    let data = try JSONEncoder().encode(r)
    let obj = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(obj["route"] as? String == "cma")
    #expect(obj["lossEvaluations"] as? Int == r.run.lossEvaluations)
    #expect(obj["rank"] as? Int == r.readout.rank)
    #expect(obj["spread"] is NSNull && obj["averagedSpread"] is NSNull)
    #expect((obj["trajectory"] as? [[String: Any]])?.count == r.trajectory.count)
  }
}
