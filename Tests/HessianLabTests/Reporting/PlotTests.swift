import Testing
@testable import HessianLab

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
}
