import Foundation

/// Draws a ``PlotModel`` as a standalone SVG document: axes with ticks and
/// tick labels, axis labels, a title, a legend, and lines, points or bars per
/// series (log axes supported).
public enum SVGPlot {
  /// Series colours, in order.
  public static let colors = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"]

  /// The SVG text of `plot`, `width` × `height` pixels.
  public static func render(_ plot: PlotModel, width: Int = 720, height: Int = 440) -> String {
    let left = 80.0, right = 170.0, top = 40.0, bottom = 60.0
    let pw = Double(width) - left - right, ph = Double(height) - top - bottom
    let (xr, yr) = plot.ranges()
    func px(_ x: Double) -> Double { left + (x - xr.lowerBound) / (xr.upperBound - xr.lowerBound) * pw }
    func py(_ y: Double) -> Double { top + ph - (y - yr.lowerBound) / (yr.upperBound - yr.lowerBound) * ph }
    func n(_ v: Double) -> String { String(format: "%.2f", v) }
    var out = [
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" font-family=\"sans-serif\" font-size=\"12\">",
      "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
      "<text x=\"\(n(left + pw / 2))\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">\(escape(plot.title))</text>",
      "<g stroke=\"black\"><line x1=\"\(n(left))\" y1=\"\(n(top + ph))\" x2=\"\(n(left + pw))\" y2=\"\(n(top + ph))\"/>"
        + "<line x1=\"\(n(left))\" y1=\"\(n(top))\" x2=\"\(n(left))\" y2=\"\(n(top + ph))\"/></g>",
    ]
    for t in PlotModel.ticks(xr, log: plot.logX) where xr.contains(t) {
      out.append("<line x1=\"\(n(px(t)))\" y1=\"\(n(top + ph))\" x2=\"\(n(px(t)))\" y2=\"\(n(top + ph + 5))\" stroke=\"black\"/>")
      out.append("<text x=\"\(n(px(t)))\" y=\"\(n(top + ph + 18))\" text-anchor=\"middle\">\(PlotModel.tickLabel(t, log: plot.logX))</text>")
    }
    for t in PlotModel.ticks(yr, log: plot.logY) where yr.contains(t) {
      out.append("<line x1=\"\(n(left - 5))\" y1=\"\(n(py(t)))\" x2=\"\(n(left))\" y2=\"\(n(py(t)))\" stroke=\"black\"/>")
      out.append("<line x1=\"\(n(left))\" y1=\"\(n(py(t)))\" x2=\"\(n(left + pw))\" y2=\"\(n(py(t)))\" stroke=\"#eee\"/>")
      out.append("<text x=\"\(n(left - 8))\" y=\"\(n(py(t) + 4))\" text-anchor=\"end\">\(PlotModel.tickLabel(t, log: plot.logY))</text>")
    }
    let xLabel = plot.xLabel + (plot.logX ? " (log scale)" : "")
    let yLabel = plot.yLabel + (plot.logY ? " (log scale)" : "")
    out.append("<text x=\"\(n(left + pw / 2))\" y=\"\(n(Double(height) - 15))\" text-anchor=\"middle\">\(escape(xLabel))</text>")
    out.append(
      "<text x=\"18\" y=\"\(n(top + ph / 2))\" text-anchor=\"middle\" transform=\"rotate(-90 18 \(n(top + ph / 2)))\">\(escape(yLabel))</text>")
    for rule in plot.horizontalRules {
      guard let y = plot.ty(rule.value), yr.contains(y) else { continue }
      out.append(
        "<line x1=\"\(n(left))\" y1=\"\(n(py(y)))\" x2=\"\(n(left + pw))\" y2=\"\(n(py(y)))\" stroke=\"gray\" stroke-dasharray=\"6 4\"/>")
    }
    let baseline = plot.logY ? yr.lowerBound : min(max(0, yr.lowerBound), yr.upperBound)
    for (k, s) in plot.series.enumerated() {
      let color = colors[k % colors.count]
      let pts = zip(s.x, s.y).compactMap { x, y -> (Double, Double)? in
        guard let a = plot.tx(x), let b = plot.ty(y) else { return nil }
        return (px(a), py(b))
      }
      switch s.style {
      case .line:
        let d = pts.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
        out.append("<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.5\" points=\"\(d)\"/>")
      case .points:
        for p in pts { out.append("<circle cx=\"\(n(p.0))\" cy=\"\(n(p.1))\" r=\"3\" fill=\"\(color)\"/>") }
      case .bars:
        let b = py(baseline)
        for p in pts {
          out.append("<line x1=\"\(n(p.0))\" y1=\"\(n(b))\" x2=\"\(n(p.0))\" y2=\"\(n(p.1))\" stroke=\"\(color)\" stroke-width=\"2\"/>")
        }
      }
    }
    // Legend.
    var ly = top + 10
    let lx = left + pw + 20
    for (k, s) in plot.series.enumerated() {
      out.append("<rect x=\"\(n(lx))\" y=\"\(n(ly - 9))\" width=\"12\" height=\"10\" fill=\"\(colors[k % colors.count])\"/>")
      out.append("<text x=\"\(n(lx + 18))\" y=\"\(n(ly))\">\(escape(s.name))</text>")
      ly += 18
    }
    for rule in plot.horizontalRules {
      out.append("<line x1=\"\(n(lx))\" y1=\"\(n(ly - 4))\" x2=\"\(n(lx + 12))\" y2=\"\(n(ly - 4))\" stroke=\"gray\" stroke-dasharray=\"3 2\"/>")
      out.append("<text x=\"\(n(lx + 18))\" y=\"\(n(ly))\">\(escape(rule.label))</text>")
      ly += 18
    }
    out.append("</svg>")
    return out.joined(separator: "\n") + "\n"
  }

  static func escape(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }
}
