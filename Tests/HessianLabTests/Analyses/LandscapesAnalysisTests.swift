import Foundation
import Testing
import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("LandscapesAnalysis: the zoo as one report")
struct LandscapesAnalysisTests {
  @Test("one row per zoo entry, in order, with its known answers")
  func rows() throws {
    let report = try LandscapesAnalysis.run()
    #expect(report.landscapes.map(\.id) == Zoo.all.map(\.id))
    let row = try #require(report.landscapes.first { $0.id == "quad-rank-deficient" })
    // Spec quad:1,2,4,8,16:d=20: rank 5 of d = 20 by construction.
    #expect(row.dimension == 20 && row.rank == 5)
  }

  @Test("unknown answers are explicit nulls in the JSON and ? in the text")
  func unknowns() throws {
    let row = LandscapesReport.Row(
      id: "x", spec: "s", summary: "sum", dimension: 3, rank: nil, learningCoefficient: nil, multiplicity: nil,
      provenance: .unknown)
    let report = LandscapesReport(landscapes: [row])
    let text = String(decoding: try JSONEncoder().encode(row), as: UTF8.self)
    #expect(text.contains("\"rank\":null") && text.contains("\"multiplicity\":null"))
    #expect(try JSONDecoder().decode(LandscapesReport.self, from: try JSONEncoder().encode(report)) == report)
    #expect(report.text.split(separator: "\n").last == "x       3      ?       ?   ?  sum")
  }
}
