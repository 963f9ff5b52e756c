import Foundation
import Testing
import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("DescribeAnalysis: a landscape's known answers as one report")
struct DescribeAnalysisTests {
  @Test("a quadratic: d, the constructed rank and the rank bounds r/2 … r/2 + (d − r)/4")
  func quadratic() throws {
    let land = try KrylovFixtures.quadratic("q", [1, 2, 4], d: 12)
    let report = DescribeAnalysis.run(land)
    #expect(report.answers.rank == 3)
    #expect(report.expanded == nil)
    // r = 3, d = 12: [3/2, 3/2 + 9/4] = [3/2, 15/4].
    #expect(report.text.split(separator: "\n").last == "bounds r/2 … r/2+(d−r)/4  [3/2, 15/4]")
    #expect(report.text.hasPrefix("landscape                 q\ndimension d               12\n"))
  }

  @Test("a polynomial shows its expansion in the text but not in the JSON")
  func polynomial() throws {
    let land = try LandscapeSpec.resolve("poly:(x0+x1)^2")
    let report = DescribeAnalysis.run(land)
    let expanded = try #require(report.expanded)
    #expect(report.text.contains("expanded                  \(expanded)"))
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let json = try encoder.encode(report)
    #expect(json == (try encoder.encode(report.answers)))
    let decoded = try JSONDecoder().decode(DescribeReport.self, from: json)
    #expect(decoded.answers == report.answers && decoded.expanded == nil)
  }
}
