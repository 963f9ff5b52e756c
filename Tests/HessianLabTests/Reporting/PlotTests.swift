import Foundation
import Testing
import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("Terminal and SVG plots")
struct PlotTests {
  static let model = PlotModel(
    title: "Hessian spectrum", xLabel: "index", yLabel: "eigenvalue",
    series: [
      .init(name: "dense", x: [1, 2, 3, 4], y: [1e-9, 1e-3, 1, 10], style: .points),
      .init(name: "lanczos", x: [1, 2, 3, 4], y: [1e-9, 1e-3, 1, 10], style: .line),
    ], logY: true, horizontalRules: [(1e-6, "threshold τ")])

  @Test("the terminal plot has the title, axis labels, legend and every marker")
  func terminal() {
    let text = TerminalPlot.render(Self.model, width: 40, height: 10)
    #expect(text.contains("Hessian spectrum"))
    #expect(text.contains("eigenvalue (log)") && text.contains("index"))
    #expect(text.contains("legend: ● dense   + lanczos   ┄ threshold τ"))
    #expect(text.contains("1e1") && text.contains("1e-9"))
    #expect(text.split(separator: "\n").count == 2 + 10 + 4)
  }

  @Test("the SVG has axes, tick labels, axis labels and a legend, and escapes text")
  func svg() {
    var m = Self.model
    m.title = "a < b & c"
    let svg = SVGPlot.render(m)
    #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>\n"))
    #expect(svg.contains("a &lt; b &amp; c"))
    #expect(svg.contains(">eigenvalue (log scale)<") && svg.contains(">index<"))
    #expect(svg.contains(">dense<") && svg.contains(">lanczos<") && svg.contains(">threshold τ<"))
    #expect(svg.contains(">1e-3<") || svg.contains(">1e-4<"))
    #expect(svg.contains("<polyline") && svg.contains("<circle"))
  }

  @Test("non-positive values are left out of log axes without crashing")
  func logAxisDropsNonPositive() {
    let m = PlotModel(
      title: "t", xLabel: "x", yLabel: "y",
      series: [.init(name: "s", x: [0, 1, 2], y: [0, -1, 5], style: .bars)], logY: true)
    let text = TerminalPlot.render(m)
    #expect(text.contains("●"))
    #expect(!SVGPlot.render(m).contains("nan"))
  }

  @Test("a log axis narrower than two decades gets labelled 1–2–5 ticks")
  func narrowLogAxis() {
    let ticks = SVGPlot.ticks(log10(5.0)...log10(30.0), log: true).map(\.label)
    #expect(ticks == ["5", "10", "20"])
    // Two decades or more: powers of ten, as in the terminal plot.
    #expect(SVGPlot.ticks(-9...1, log: true).map(\.label).allSatisfy { $0.hasPrefix("1e") })
  }

  @Test("a linear axis never prints -0, and data never sits on an axis")
  func marginsAndZero() {
    #expect(!SVGPlot.ticks(-1e-17...1, log: false).map(\.label).contains("-0"))
    let widened = SVGPlot.withMargin(1...6, keepZero: false)
    #expect(widened.lowerBound < 1 && widened.upperBound > 6)
    #expect(SVGPlot.withMargin(0...6, keepZero: true).lowerBound == 0)
  }

  @Test("a categorical x axis is labelled with the category names")
  func categories() {
    let m = PlotModel(
      title: "t", xLabel: "method", yLabel: "cost",
      series: [.init(name: "s", x: [1, 3], y: [10, 1000], style: .points)], logY: true,
      xCategories: ["dense", "lanczos", "block"])
    let svg = SVGPlot.render(m)
    #expect(svg.contains(">dense<") && svg.contains(">lanczos<") && svg.contains(">block<"))
  }

  /// The degenerate reproduction plot has three grey reference lines (σ², τ, κ):
  /// each must have its own dash pattern, repeated in its legend swatch.
  @Test("horizontal reference lines have distinct dash patterns, matched in the legend")
  func distinctRules() {
    let m = PlotModel(
      title: "rules", xLabel: "i", yLabel: "v",
      series: [.init(name: "C", x: [1, 2, 3], y: [0.1, 0.5, 1], style: .points)],
      horizontalRules: [(1, "σ²"), (0.4, "τ"), (0.2, "κ")])
    let svg = SVGPlot.render(m)
    let patterns = svg.split(separator: "\n").compactMap { line -> String? in
      guard line.hasPrefix("<line"), line.contains("stroke=\"#555\""),
        let r = line.range(of: "stroke-dasharray=\"") else { return nil }
      return String(line[r.upperBound...].prefix { $0 != "\"" })
    }
    // Three rules in the plot, then their three swatches in the same order.
    #expect(patterns.count == 6, "\(patterns)")
    #expect(Set(patterns.prefix(3)).count == 3)
    #expect(Array(patterns.prefix(3)) == Array(patterns.suffix(3)))
  }
}
