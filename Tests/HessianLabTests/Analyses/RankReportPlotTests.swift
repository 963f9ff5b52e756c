import Foundation
import Testing
import HessianLab
@testable import HessianCore
@testable import HessianVerification
@testable import HessianZoo

/// `rank --svg`: the plot separates counted from uncounted |λ| at τ exactly as the result does,
/// marks τ (and the block method's bound), leaves exact zeros out of the log axis and says so,
/// and keeps every text inside the canvas.
@Suite("RankReport plot")
struct RankReportPlotTests {
  func report(_ spec: String, _ method: RankMethod) throws -> RankReport {
    try RankAnalysis.run(try LandscapeSpec.resolve(spec), options: .init(method: method, seed: 3, probes: 8))
  }

  @Test("counted points are the |λ| above τ, as many as the rank; τ is a rule", arguments: [RankMethod.dense, .block, .lanczos])
  func countedMatchesRank(method: RankMethod) throws {
    let r = try report("quad-rank-deficient", method)
    let plot = r.plot
    #expect(plot.logY)
    #expect(plot.series[0].y.count == r.result.rank)
    #expect(plot.series[0].y.allSatisfy { $0 > r.result.threshold })
    #expect(plot.series[1].y.allSatisfy { $0 <= r.result.threshold })
    #expect(plot.series[0].y.count + plot.series[1].y.count == r.result.eigenvalues.count)
    // Largest first: the order k runs down the sorted magnitudes.
    let all = plot.series[0].y + plot.series[1].y
    #expect(all == all.sorted(by: >))
    #expect(plot.horizontalRules.first?.value == r.result.threshold)
    if method == .block { #expect(plot.horizontalRules.count == 2) }
    #expect(plot.title.contains("rank \(r.result.rank) of d = 20"))
  }

  @Test("exact zeros are counted in the legend, not drawn")
  func zerosNamed() throws {
    let plot = try report("quad-zero", .dense).plot
    #expect(plot.series[1].name.contains("5 exactly 0 not drawn"), "\(plot.series[1].name)")
    #expect(try SVGViewBoxTests.textOutside(SVGPlot.render(plot)).isEmpty)
  }

  @Test("every text of the rendered plot lies inside the viewBox", arguments: [RankMethod.dense, .block, .lanczos, .power, .slq])
  func insideViewBox(method: RankMethod) throws {
    let svg = SVGPlot.render(try report("quad-clusters", method).plot)
    #expect(svg.contains("τ = "))
    #expect(try SVGViewBoxTests.textOutside(svg).isEmpty)
  }
}
