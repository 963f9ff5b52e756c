import Foundation
import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("CovarianceHessianReproductionReport: JSON and text from one value")
struct CovarianceHessianReproductionReportTests {
  static let result = CovarianceHessianReproduction(
    quick: true, seed: 2020, measureCells: [], kappaRows: [],
    degenerate: .init(
      dimension: 3, hessianRank: 1, lambda: 100, kept: 50, eigenvalues: [0.1, 0.9, 1.1], threshold: 0.5,
      readoutRank: 1, nullInterval: [0.6, 1.5], predictedRangeVariance: 0.0986),
    lossEvaluations: 1234)

  @Test("the text is the tables, one line per SVG file, then the seed and time")
  func text() {
    let report = CovarianceHessianReproductionReport(result: Self.result, svgFiles: ["a.svg", "b.svg"], seconds: 1.25)
    #expect(report.humanText() == Self.result.table() + "\nwrote a.svg\nwrote b.svg\nseed 2020, 1.2 s")
  }

  @Test("JSON: the reproduction's keys flat beside svgFiles and seconds")
  func json() throws {
    let report = CovarianceHessianReproductionReport(result: Self.result, svgFiles: [], seconds: 2)
    let obj = try CovarianceReportTests.json(report)
    #expect(Set(obj.keys) == ["quick", "seed", "measureCells", "kappaRows", "degenerate", "lossEvaluations", "svgFiles", "seconds"])
    #expect(obj["lossEvaluations"] as? Int == 1234 && obj["seed"] as? Int == 2020)
  }
}
