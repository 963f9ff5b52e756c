import Foundation

/// A minimal SVG line plot for the reproduction's figures (internal: the shared
/// plot helpers under `Reporting/` did not exist when this was written).
struct SVGLinePlot {
  struct Series {
    var name: String
    var points: [(x: Double, y: Double)]
    var dashed = false
    var markersOnly = false
  }

  var title: String
  var xLabel: String
  var yLabel: String
  var logX = false
  var logY = false
  var series: [Series] = []
  /// Horizontal reference lines (y, label).
  var referenceLines: [(y: Double, label: String)] = []

  static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf"]

  func render(width: Double = 640, height: Double = 420) -> String {
    let left = 70.0, right = 160.0, top = 40.0, bottom = 55.0
    let pw = width - left - right, ph = height - top - bottom
    let tx: (Double) -> Double = { logX ? log10($0) : $0 }
    let ty: (Double) -> Double = { logY ? log10($0) : $0 }
    let usable = series.flatMap(\.points).filter { $0.x.isFinite && $0.y.isFinite && (!logX || $0.x > 0) && (!logY || $0.y > 0) }
    var xs = usable.map { tx($0.x) }, ys = usable.map { ty($0.y) }
    ys += referenceLines.map(\.y).filter { !logY || $0 > 0 }.map(ty)
    if xs.isEmpty { xs = [0, 1] }
    if ys.isEmpty { ys = [0, 1] }
    var (x0, x1) = (xs.min() ?? 0, xs.max() ?? 1), (y0, y1) = (ys.min() ?? 0, ys.max() ?? 1)
    if x1 <= x0 { x1 = x0 + 1 }
    if y1 <= y0 { y1 = y0 + 1 }
    let padY = (y1 - y0) * 0.05
    y0 -= padY
    y1 += padY
    let px: (Double) -> Double = { left + (tx($0) - x0) / (x1 - x0) * pw }
    let py: (Double) -> Double = { top + ph - (ty($0) - y0) / (y1 - y0) * ph }
    var s = """
      <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" font-family="sans-serif" font-size="12">
      <rect width="100%" height="100%" fill="white"/>
      <text x="\(left + pw / 2)" y="22" text-anchor="middle" font-size="14">\(escape(title))</text>
      <rect x="\(left)" y="\(top)" width="\(pw)" height="\(ph)" fill="none" stroke="#444"/>
      <text x="\(left + pw / 2)" y="\(height - 12)" text-anchor="middle">\(escape(xLabel))</text>
      <text transform="translate(16,\(top + ph / 2)) rotate(-90)" text-anchor="middle">\(escape(yLabel))</text>

      """
    for (lo, hi, isX, isLog) in [(x0, x1, true, logX), (y0, y1, false, logY)] {
      for k in 0...4 {
        let v = lo + (hi - lo) * Double(k) / 4
        let label = isLog ? String(format: "%.3g", pow(10, v)) : String(format: "%.3g", v)
        if isX {
          let x = left + Double(k) / 4 * pw
          s += "<line x1=\"\(x)\" y1=\"\(top + ph)\" x2=\"\(x)\" y2=\"\(top + ph + 5)\" stroke=\"#444\"/>"
          s += "<text x=\"\(x)\" y=\"\(top + ph + 18)\" text-anchor=\"middle\">\(label)</text>\n"
        } else {
          let y = top + ph - Double(k) / 4 * ph
          s += "<line x1=\"\(left - 5)\" y1=\"\(y)\" x2=\"\(left)\" y2=\"\(y)\" stroke=\"#444\"/>"
          s += "<text x=\"\(left - 8)\" y=\"\(y + 4)\" text-anchor=\"end\">\(label)</text>\n"
        }
      }
    }
    for (y, label) in referenceLines where !logY || y > 0 {
      let yy = py(y)
      s += "<line x1=\"\(left)\" y1=\"\(yy)\" x2=\"\(left + pw)\" y2=\"\(yy)\" stroke=\"#888\" stroke-dasharray=\"2,3\"/>"
      s += "<text x=\"\(left + pw + 6)\" y=\"\(yy + 4)\" fill=\"#666\">\(escape(label))</text>\n"
    }
    for (i, se) in series.enumerated() {
      let color = Self.palette[i % Self.palette.count]
      let pts = se.points.filter { $0.x.isFinite && $0.y.isFinite && (!logX || $0.x > 0) && (!logY || $0.y > 0) }
      if !se.markersOnly && pts.count > 1 {
        let path = pts.map { "\(px($0.x)),\(py($0.y))" }.joined(separator: " ")
        let dash = se.dashed ? " stroke-dasharray=\"6,4\"" : ""
        s += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.8\"\(dash)/>\n"
      }
      for p in pts {
        s += "<circle cx=\"\(px(p.x))\" cy=\"\(py(p.y))\" r=\"2.6\" fill=\"\(color)\"/>"
      }
      let ly = top + 14 + Double(i) * 16
      s += "\n<line x1=\"\(left + pw + 8)\" y1=\"\(ly)\" x2=\"\(left + pw + 28)\" y2=\"\(ly)\" stroke=\"\(color)\" stroke-width=\"2\"\(se.dashed ? " stroke-dasharray=\"4,3\"" : "")/>"
      s += "<text x=\"\(left + pw + 32)\" y=\"\(ly + 4)\">\(escape(se.name))</text>\n"
    }
    return s + "</svg>\n"
  }

  private func escape(_ t: String) -> String {
    t.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;")
  }
}
