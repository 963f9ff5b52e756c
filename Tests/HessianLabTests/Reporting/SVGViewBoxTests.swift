import Foundation
import Testing
import HessianLab
@testable import HessianCore
@testable import HessianVerification
@testable import HessianZoo

/// No text of an SVG plot lies outside its viewBox: generated plots with labels of every length
/// (legends were cut off at the right edge) and the tool's real plots. Each `<text>` element's
/// box is estimated from its own attributes (x, y, anchor, font size, rotation) with 0.6 em per
/// character, the bound the renderer reserves, and must lie inside `0 0 W H`.
@Suite("SVG plots: every text element inside the viewBox")
struct SVGViewBoxTests {
  /// The horizontal extent of each text element that leaves the canvas, as messages.
  static func textOutside(_ svg: String) throws -> [String] {
    let header = try #require(svg.firstMatch(of: try Regex(#"viewBox="0 0 ([0-9]+) ([0-9]+)""#)), "no viewBox")
    let width = Double(header.output[1].substring!)!, height = Double(header.output[2].substring!)!
    let element = try Regex(#"<text ([^>]*)>([^<]*)</text>"#)
    var problems: [String] = []
    for m in svg.matches(of: element) {
      let attributes = String(m.output[1].substring!), content = String(m.output[2].substring!)
      func value(_ name: String) -> String? {
        guard let r = try? Regex("\(name)=\"([^\"]*)\""), let v = attributes.firstMatch(of: r) else { return nil }
        return v.output[1].substring.map(String.init)
      }
      let characters = content.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"").count
      let size = Double(value("font-size") ?? "12")!
      let extent = 0.6 * size * Double(characters)
      let x = Double(value("x")!)!, y = Double(value("y")!)!
      let anchor = value("text-anchor") ?? "start"
      let start = anchor == "middle" ? -extent / 2 : anchor == "end" ? -extent : 0
      let box: (x0: Double, x1: Double, y0: Double, y1: Double)
      if value("transform")?.hasPrefix("rotate(-90") == true {  // the y-axis label: runs upwards from (x, y)
        box = (x - size, x, y - start - extent, y - start)
      } else {
        box = (x + start, x + start + extent, y - size, y)
      }
      if box.x0 < 0 || box.x1 > width || box.y0 < 0 || box.y1 > height {
        problems.append("'\(content)' spans x \(box.x0)…\(box.x1), y \(box.y0)…\(box.y1) in 0 0 \(width) \(height)")
      }
    }
    return problems
  }

  /// A random label of 0 … 80 characters, with the Greek and sub/superscript characters the tool uses.
  static func label(_ g: inout SeededGenerator) -> String {
    let alphabet = Array("abcdefghij klmnopqrstuvwxyz ABCDEF0123456789 τλκσ²⁻¹·–()=,")
    return String((0..<Int.random(in: 0...80, using: &g)).map { _ in alphabet.randomElement(using: &g)! })
  }

  @Test("200 generated plots: labels, legends, rules and categories of every length stay inside")
  func generatedPlots() throws {
    var g = SeededGenerator(seed: 24)
    for case_ in 0..<200 {
      let n = Int.random(in: 1...12, using: &g)
      let series = (0..<Int.random(in: 0...8, using: &g)).map { k in
        PlotModel.Series(
          name: Self.label(&g), x: (1...n).map(Double.init), y: (0..<n).map { _ in Double.random(in: 1e-3...1e3, using: &g) },
          style: PlotModel.Style.allCases.randomElement(using: &g)!, dashed: Bool.random(using: &g), colorIndex: k % 3 == 0 ? 1 : nil)
      }
      let rules = (0..<Int.random(in: 0...4, using: &g)).map { _ in (Double.random(in: 1e-2...1e2, using: &g), Self.label(&g)) }
      let categories = Bool.random(using: &g) ? (0..<n).map { _ in String(Self.label(&g).prefix(12)) } : []
      let plot = PlotModel(
        title: Self.label(&g), xLabel: Self.label(&g), yLabel: Self.label(&g), series: series,
        logX: categories.isEmpty && Bool.random(using: &g), logY: Bool.random(using: &g), horizontalRules: rules,
        xCategories: categories)
      let problems = try Self.textOutside(SVGPlot.render(plot))
      #expect(problems.isEmpty, "case \(case_): \(problems.prefix(3))")
    }
  }

  @Test("the tool's spectrum plots (top, bottom, density) stay inside")
  func realPlots() throws {
    let landscape = try LandscapeSpec.resolve("quad-clusters")
    for mode in [SpectrumAnalysis.Mode.extremes(.top, count: 4), .extremes(.bottom, count: 3), .density] {
      let report = try SpectrumAnalysis.run(landscape, options: .init(mode: mode, probes: 4, seed: 1))
      let problems = try Self.textOutside(SVGPlot.render(report.plot))
      #expect(problems.isEmpty, "\(mode): \(problems)")
    }
  }
}
