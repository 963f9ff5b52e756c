import Foundation
import Testing
import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("SpectrumReport: one value for the JSON, the text and the plot")
struct SpectrumReportTests {
  static func report() -> SpectrumReport {
    SpectrumReport(
      landscape: "q", mode: .top, dimension: 4, eigenvalues: [3, 2], residuals: [1e-12, 2e-3], converged: [true, false],
      hessianVectorProducts: 12, warnings: [Warning(.eigenvaluesNotConverged, "1 of 2 …")], seed: 7, seconds: 0.5)
  }

  @Test("warnings are {code, message} objects; the other mode's fields are null; sigma is not encoded")
  func json() throws {
    let object = try #require(
      try JSONSerialization.jsonObject(with: try JSONEncoder().encode(Self.report())) as? [String: Any])
    let warnings = try #require(object["warnings"] as? [[String: String]])
    #expect(warnings == [["code": "eigenvaluesNotConverged", "message": "1 of 2 …"]])
    #expect(object["grid"] is NSNull && object["probes"] is NSNull && object["sigma"] == nil)
    #expect(object["mode"] as? String == "top")
  }

  @Test("decoding round-trips; the density's σ is recovered from its grid")
  func roundTrip() throws {
    let report = Self.report()
    #expect(try JSONDecoder().decode(SpectrumReport.self, from: try JSONEncoder().encode(report)) == report)
    let land = try KrylovFixtures.quadratic("q", [1, 2, 3, 4], d: 8)
    let density = try SpectrumAnalysis.run(land, options: .init(mode: .density, probes: 3, seed: 1))
    let decoded = try JSONDecoder().decode(SpectrumReport.self, from: try JSONEncoder().encode(density))
    #expect(abs((decoded.sigma ?? 0) - (density.sigma ?? 0)) <= 1e-12 * (density.sigma ?? 1))
  }

  @Test("the text: plot, one table row per value, the cost and every warning")
  func text() throws {
    let lines = Self.report().text.split(separator: "\n").map(String.init)
    #expect(lines.contains("k  eigenvalue        residual    converged"))
    #expect(lines.contains { $0.hasPrefix("1  3 ") && $0.hasSuffix("yes") })
    #expect(lines.contains { $0.hasPrefix("2  2 ") && $0.hasSuffix("NO") })
    #expect(Array(lines.suffix(2)) == ["cost: 12 HVPs, d = 4, seed 7", "warning: 1 of 2 …"])
    #expect(Self.report().plot.title == "Largest 2 eigenvalues of q")
    #expect(Self.report().plot.logY)
  }

  @Test("--save values: the eigenvalues as a vector")
  func saved() throws {
    #expect(try Self.report().savedArray().shape == [2])
  }
}
