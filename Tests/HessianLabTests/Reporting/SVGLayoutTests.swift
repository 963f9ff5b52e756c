import Foundation
import Testing
import HessianLab
import TestSupport
@testable import HessianCore

/// ``SVGLayout``: the canvas is at least the size asked, grows rather than clip, and every text
/// size follows the font size.
@Suite("SVGLayout")
struct SVGLayoutTests {
  static let plot = PlotModel(
    title: "t", xLabel: "x", yLabel: "y",
    series: [.init(name: "a series with a rather long legend entry", x: [1, 2, 3], y: [1, 10, 100], style: .linePoints)], logY: true,
    horizontalRules: [(5, "τ = 5")])

  @Test("the asked size is kept when everything fits, grown when the legend needs it")
  func size() throws {
    let wide = SVGPlot.render(Self.plot, layout: SVGLayout(width: 1600, height: 900))
    let asked = try #require(SVGTextBounds.viewBox(wide))
    #expect(asked.width == 1600 && asked.height == 900)
    let narrow = SVGPlot.render(Self.plot, layout: SVGLayout(width: 200, height: 150))
    let box = try #require(SVGTextBounds.viewBox(narrow))
    #expect(box.width > 200 && box.height > 150)
    #expect(SVGTextBounds.outside(narrow).isEmpty)
  }

  @Test("text sizes follow the font size: labels at f, the title at 1.25 f; the default is 12 px")
  func fontSize() {
    let big = SVGPlot.render(Self.plot, layout: SVGLayout(fontSize: 20))
    #expect(big.contains("font-size=\"20.00\">") && big.contains("font-size=\"25.00\">t</text>"))
    #expect(SVGPlot.render(Self.plot) == SVGPlot.render(Self.plot, layout: .standard))
    #expect(SVGPlot.render(Self.plot).contains("font-size=\"12.00\">"))
    #expect(SVGTextBounds.outside(big).isEmpty)
  }

  @Test("a lower-bound series is a hollow triangle with an arrow, in the plot and in its legend swatch")
  func lowerBound() {
    let plot = PlotModel(
      title: "t", xLabel: "x", yLabel: "y", series: [.init(name: "not reached (≥)", x: [1, 2], y: [3, 4], style: .lowerBound)])
    let svg = SVGPlot.render(plot)
    // Two points and one swatch, each a triangle and an arrow path.
    #expect(svg.components(separatedBy: "fill=\"white\" stroke=").count - 1 == 3)
    #expect(svg.components(separatedBy: "fill=\"none\" stroke=").count - 1 == 3)
    #expect(!svg.contains("<circle"))
  }
}
