import Foundation
import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("Compare report: text, plot and JSON from one value")
struct CompareReportTests {
  static func report(sweep: [Int]? = nil) async throws -> CompareReport {
    var o = CompareAnalysisTests.options
    o.sweepDimensions = sweep
    let lands: [any Landscape] = sweep == nil ? [try LandscapeSpec.resolve("quad:1,3:d=6:seed=11")] : []
    return try await CompareAnalysis.run(lands, options: o)
  }

  @Test("the text is each comparison's report lines; the JSON has comparisons and verdicts, no sweep key without a sweep")
  func textAndJSON() async throws {
    let report = try await Self.report()
    #expect(report.text == report.comparisons[0].reportLines.joined(separator: "\n"))
    let obj = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any])
    #expect(Set(obj.keys) == ["comparisons", "verdicts"])
    #expect(obj["verdicts"] as? [String] == report.verdicts)
  }

  @Test("the plot names every method on the x axis, one point series per landscape")
  func costPlot() async throws {
    let report = try await Self.report()
    let plot = report.plot
    #expect(plot.xCategories == ["dense", "block"])
    #expect(plot.series.first?.name == report.comparisons[0].landscape)
    #expect(plot.series.first?.y == report.comparisons[0].methods.map(\.lossEvaluationEquivalents))
  }

  @Test("with a sweep, the text has the sweep table and one verdict line per d, and the plot is the sweep's")
  func sweepText() async throws {
    let report = try await Self.report(sweep: [4, 6])
    let lines = report.text.split(separator: "\n").map(String.init)
    #expect(lines.first == DimensionSweep.tableLines(try #require(report.sweep)).first)
    #expect(lines.filter { $0.hasPrefix("d = ") }.count == 2)
    #expect(report.plot.logX)
  }
}
