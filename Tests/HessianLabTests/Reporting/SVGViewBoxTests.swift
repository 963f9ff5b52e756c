import Foundation
import Testing
import HessianLab
import TestSupport
@testable import HessianCore
@testable import HessianVerification
@testable import HessianZoo

/// No text of an SVG plot lies outside its viewBox: generated plots with labels of every length
/// (legends were cut off at the right edge) and the tool's real plots. Each `<text>` element's
/// box is estimated from its own attributes (x, y, anchor, font size, rotation) with 0.6 em per
/// character, the bound the renderer reserves, and must lie inside `0 0 W H`.
@Suite("SVG plots: every text element inside the viewBox")
struct SVGViewBoxTests {
  /// The text elements of `svg` that leave its viewBox, as messages (``SVGTextBounds``:
  /// 0.6 em per character, anchors and rotation handled).
  static func textOutside(_ svg: String) throws -> [String] { SVGTextBounds.outside(svg) }

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
      let layout = SVGLayout(
        width: Int.random(in: SVGLayout.widthRange, using: &g) / (Bool.random(using: &g) ? 10 : 1),
        height: Int.random(in: SVGLayout.heightRange, using: &g) / (Bool.random(using: &g) ? 10 : 1),
        fontSize: Double.random(in: SVGLayout.fontSizeRange, using: &g))
      let problems = try Self.textOutside(SVGPlot.render(plot, layout: layout))
      #expect(problems.isEmpty, "case \(case_) \(layout): \(problems.prefix(3))")
    }
  }

  @Test("the check catches a legend cut off at the right edge, a title off the top, an end-anchored label off the left")
  func checkHasPower() throws {
    // The legend of the covariance–Hessian figures before the margins grew: entry text at
    // x = 680 of a 720 px canvas, 19 characters of 12 px text (≈ 137 px) reach x ≈ 817.
    let cut = """
      <svg xmlns="http://www.w3.org/2000/svg" width="720" height="440" viewBox="0 0 720 440" font-size="12">
      <text x="680.00" y="50.00">d = 10 asymptote xx</text>
      </svg>
      """
    #expect(try Self.textOutside(cut).count == 1)
    #expect(try Self.textOutside(cut.replacingOccurrences(of: "x=\"680.00\"", with: "x=\"580.00\"")).isEmpty)
    // The root font size counts: the same entry at x = 560 fits at 12 px, not at 24 px.
    let big = cut.replacingOccurrences(of: "x=\"680.00\"", with: "x=\"560.00\"")
    #expect(try Self.textOutside(big).isEmpty)
    #expect(try Self.textOutside(big.replacingOccurrences(of: "font-size=\"12\"", with: "font-size=\"24\"")).count == 1)
    let title = "<svg viewBox=\"0 0 100 100\"><text x=\"50\" y=\"10\" text-anchor=\"middle\" font-size=\"15\">T</text></svg>"
    #expect(try Self.textOutside(title).count == 1)
    let endAnchored = "<svg viewBox=\"0 0 100 100\"><text x=\"20\" y=\"50\" text-anchor=\"end\">1e-30</text></svg>"
    #expect(try Self.textOutside(endAnchored).count == 1)
    #expect(try Self.textOutside("<svg><text x=\"1\" y=\"1\">a</text></svg>") == ["no viewBox=\"0 0 W H\""])
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
