import Foundation

extension SVGPlot {
  /// The plot area of one figure: where data coordinates land in pixels, and how series and
  /// legend entries are drawn there (sizes scaled by `scale`, the font size / 12).
  struct Frame {
    var left, top, width, height: Double
    var x, y: ClosedRange<Double>
    var scale: Double

    /// The pixel column of the transformed abscissa `v`.
    func px(_ v: Double) -> Double { left + (v - x.lowerBound) / (x.upperBound - x.lowerBound) * width }
    /// The pixel row of the transformed ordinate `v`.
    func py(_ v: Double) -> Double { top + height - (v - y.lowerBound) / (y.upperBound - y.lowerBound) * height }
    /// A coordinate with two decimals.
    static func n(_ v: Double) -> String { String(format: "%.2f", v) }

    /// The SVG elements of `series` at the pixel `points`; bars start at the pixel row `baseline`.
    func marks(_ series: PlotModel.Series, color: String, points pts: [(Double, Double)], baseline b: Double) -> [String] {
      let s = scale
      func n(_ v: Double) -> String { Self.n(v) }
      var out: [String] = []
      switch series.style {
      case .line, .linePoints:
        let dash = series.dashed ? " stroke-dasharray=\"\(n(6 * s)) \(n(4 * s))\"" : ""
        let d = pts.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
        out.append("<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"\(n(1.5 * s))\"\(dash) points=\"\(d)\"/>")
        if series.style == .linePoints { out += pts.map { circle($0, r: 3 * s, color) } }
      case .points:
        out += pts.map { circle($0, r: 3 * s, color) }
      case .bars:
        for p in pts {
          out.append("<line x1=\"\(n(p.0))\" y1=\"\(n(b))\" x2=\"\(n(p.0))\" y2=\"\(n(p.1))\" stroke=\"\(color)\" stroke-width=\"\(n(2 * s))\"/>")
          // A head on every bar, so a bar of (nearly) zero length is still seen.
          out.append(circle(p, r: 2.5 * s, color))
        }
      case .lowerBound:
        out += pts.flatMap { lowerBound($0, color) }
      }
      return out
    }

    /// The legend at (`x`, `y`): one row per series (a swatch that looks like the series:
    /// colour, dash, marker) and one per horizontal rule (its dash pattern).
    func legend(_ plot: PlotModel, x lx: Double, y top: Double) -> [String] {
      let s = scale
      func n(_ v: Double) -> String { Self.n(v) }
      var out: [String] = []
      var ly = top
      for (k, series) in plot.series.enumerated() {
        let color = SVGPlot.colors[(series.colorIndex ?? k) % SVGPlot.colors.count]
        let mid = (lx + 6 * s, ly - 4 * s)
        switch series.style {
        case .line, .linePoints:
          let dash = series.dashed ? " stroke-dasharray=\"\(n(4 * s)) \(n(2 * s))\"" : ""
          out.append(
            "<line x1=\"\(n(lx - 2 * s))\" y1=\"\(n(mid.1))\" x2=\"\(n(lx + 14 * s))\" y2=\"\(n(mid.1))\" stroke=\"\(color)\" stroke-width=\"\(n(2 * s))\"\(dash)/>")
          if series.style == .linePoints { out.append(circle(mid, r: 3 * s, color)) }
        case .points:
          out.append(circle(mid, r: 3 * s, color))
        case .bars:
          // A stem with its head, as the bars are drawn.
          out.append("<line x1=\"\(n(mid.0))\" y1=\"\(n(ly + 1 * s))\" x2=\"\(n(mid.0))\" y2=\"\(n(ly - 9 * s))\" stroke=\"\(color)\" stroke-width=\"\(n(2 * s))\"/>")
          out.append(circle((mid.0, ly - 9 * s), r: 2.5 * s, color))
        case .lowerBound:
          out += lowerBound((mid.0, ly - 3 * s), color, arrow: 6 * s)
        }
        out.append("<text x=\"\(n(lx + 18 * s))\" y=\"\(n(ly))\">\(SVGPlot.escape(series.name))</text>")
        ly += 18 * s
      }
      for (k, rule) in plot.horizontalRules.enumerated() {
        // A swatch long enough to show the whole dash pattern of its rule.
        out.append(
          "<line x1=\"\(n(lx - 8 * s))\" y1=\"\(n(ly - 4 * s))\" x2=\"\(n(lx + 14 * s))\" y2=\"\(n(ly - 4 * s))\" stroke=\"#555\" stroke-width=\"\(n(1.2 * s))\" stroke-dasharray=\"\(SVGPlot.rulePattern(k))\"/>")
        out.append("<text x=\"\(n(lx + 18 * s))\" y=\"\(n(ly))\">\(SVGPlot.escape(rule.label))</text>")
        ly += 18 * s
      }
      return out
    }

    /// A filled circle of radius `r` at `p`.
    func circle(_ p: (Double, Double), r: Double, _ color: String) -> String {
      "<circle cx=\"\(Self.n(p.0))\" cy=\"\(Self.n(p.1))\" r=\"\(Self.n(r))\" fill=\"\(color)\"/>"
    }

    /// A lower bound at `p`: a hollow upward triangle centred on the value and a thin arrow of
    /// length `arrow` above it ("at least this"), in the series' colour.
    func lowerBound(_ p: (Double, Double), _ color: String, arrow: Double? = nil) -> [String] {
      let s = scale, a = arrow ?? 12 * s, h = 4.5 * s
      func n(_ v: Double) -> String { Self.n(v) }
      let (x, y) = p
      return [
        "<path d=\"M\(n(x)),\(n(y - h)) L\(n(x + h)),\(n(y + h * 0.8)) L\(n(x - h)),\(n(y + h * 0.8)) Z\" fill=\"white\" stroke=\"\(color)\" stroke-width=\"\(n(1.5 * s))\"/>",
        "<path d=\"M\(n(x)),\(n(y - h)) L\(n(x)),\(n(y - h - a)) M\(n(x - 2.5 * s)),\(n(y - h - a + 3 * s)) L\(n(x)),\(n(y - h - a)) L\(n(x + 2.5 * s)),\(n(y - h - a + 3 * s))\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"\(n(1.2 * s))\"/>",
      ]
    }
  }
}
