import Foundation
import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("Compare analysis: one call from landscapes to report")
struct CompareAnalysisTests {
  /// P(exact) ≥ 0.8 at risk 0.2 (8 seeds), dense and block only: seconds on d = 6.
  static var options: CompareAnalysis.Options {
    var o = CompareAnalysis.Options()
    o.configuration.confidence = 0.8
    o.configuration.risk = 0.2
    o.configuration.methods = [.dense, .block]
    o.configuration.conversion = .theoretical
    o.configuration.workers = 1
    return o
  }

  @Test("one comparison per landscape, in order, equal to MethodComparison's; verdicts taken from them")
  func comparisonsInOrder() async throws {
    let lands: [any Landscape] = [try LandscapeSpec.resolve("quad:1,3:d=6:seed=11"), try LandscapeSpec.resolve("nc-x2")]
    let report = try await CompareAnalysis.run(lands, options: Self.options)
    #expect(report.comparisons.map(\.landscape) == lands.map(\.name))
    #expect(report.comparisons.map(\.exactRank) == [2, 1])
    #expect(report.verdicts == report.comparisons.map(\.verdict))
    #expect(report.sweep == nil)
    let direct = try await MethodComparison.compare(lands[1], configuration: Self.options.configuration)
    #expect(report.comparisons[1].methods.map(\.hessianVectorProductsPerRun) == direct.methods.map(\.hessianVectorProductsPerRun))
  }

  @Test("an invalid configuration is refused before any work, naming the option")
  func invalidConfiguration() async throws {
    var o = Self.options
    o.configuration.confidence = 1
    let error = await #expect(throws: InputError.self) {
      try await CompareAnalysis.run([try LandscapeSpec.resolve("nc-x2")], options: o)
    }
    #expect(error?.parameter == .confidence)
  }

  @Test("a sweep adds one point per dimension with r = round(f·d)")
  func sweep() async throws {
    var o = Self.options
    o.sweepDimensions = [4, 10]
    o.rankFraction = 0.5
    let report = try await CompareAnalysis.run([], options: o)
    #expect(report.comparisons.isEmpty)
    #expect(report.sweep?.points.map(\.rank) == [2, 5])
    #expect(report.sweep?.points.map(\.comparison.exactRank) == [2, 5])
  }
}
