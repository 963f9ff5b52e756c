import Foundation

/// Draws a ``PlotModel`` as text for a terminal: a character grid with a y
/// axis, x-axis ticks, axis labels and a legend (one marker per series).
public enum TerminalPlot {
  /// Series markers, in order.
  public static let markers: [Character] = ["●", "+", "x", "o", "*", "#"]

  /// The plot as lines of text, `width` × `height` plot cells (plus margins).
  public static func render(_ plot: PlotModel, width: Int = 60, height: Int = 16) -> String {
    let w = max(width, 10), h = max(height, 4)
    let (xr, yr) = plot.ranges()
    var grid = [[Character]](repeating: [Character](repeating: " ", count: w), count: h)
    func col(_ x: Double) -> Int {
      let f = (x - xr.lowerBound) / (xr.upperBound - xr.lowerBound)
      return Int(nearest: f * Double(w - 1), clampedTo: 0...(w - 1))
    }
    func row(_ y: Double) -> Int {
      let f = (y - yr.lowerBound) / (yr.upperBound - yr.lowerBound)
      return h - 1 - Int(nearest: f * Double(h - 1), clampedTo: 0...(h - 1))
    }
    for rule in plot.horizontalRules {
      if let y = plot.ty(rule.value) { let r = row(y); for c in 0..<w where grid[r][c] == " " { grid[r][c] = "┄" } }
    }
    for (k, s) in plot.series.enumerated() {
      let mark = markers[k % markers.count]
      let pts = zip(s.x, s.y).compactMap { x, y -> (Int, Int)? in
        guard let a = plot.tx(x), let b = plot.ty(y) else { return nil }
        return (col(a), row(b))
      }
      for (c, r) in pts {
        if s.style == .bars {
          let base = plot.logY ? h - 1 : row(min(max(0, yr.lowerBound), yr.upperBound))
          for rr in min(r, base)...max(r, base) { grid[rr][c] = rr == r ? mark : "│" }
        } else {
          grid[r][c] = mark
        }
      }
      if s.style == .line || s.style == .linePoints, pts.count > 1 {
        for (p, q) in zip(pts, pts.dropFirst()) where q.0 - p.0 > 1 {
          for c in (p.0 + 1)..<q.0 {
            let t = Double(c - p.0) / Double(q.0 - p.0)
            let r = Int(nearest: Double(p.1) + t * Double(q.1 - p.1), clampedTo: 0...(h - 1))
            if grid[r][c] == " " || grid[r][c] == "┄" { grid[r][c] = "·" }
          }
        }
      }
    }
    let yTop = PlotModel.tickLabel(yr.upperBound, log: plot.logY)
    let yBottom = PlotModel.tickLabel(yr.lowerBound, log: plot.logY)
    let margin = max(yTop.count, yBottom.count) + 1
    var lines = [plot.title, "\(plot.yLabel)\(plot.logY ? " (log)" : "")"]
    for (i, r) in grid.enumerated() {
      let label = i == 0 ? yTop : (i == h - 1 ? yBottom : "")
      lines.append(label.padding(toLength: margin, withPad: " ", startingAt: 0) + "┤" + String(r))
    }
    lines.append(String(repeating: " ", count: margin) + "└" + String(repeating: "─", count: w))
    let xl = PlotModel.tickLabel(xr.lowerBound, log: plot.logX)
    let xh = PlotModel.tickLabel(xr.upperBound, log: plot.logX)
    let gap = max(1, w - xl.count - xh.count)
    lines.append(String(repeating: " ", count: margin + 1) + xl + String(repeating: " ", count: gap) + xh)
    lines.append(String(repeating: " ", count: margin + 1) + plot.xLabel + (plot.logX ? " (log)" : ""))
    var legend = plot.series.enumerated().map { "\(markers[$0.offset % markers.count]) \($0.element.name)" }
    legend += plot.horizontalRules.map { "┄ \($0.label)" }
    if !legend.isEmpty { lines.append("legend: " + legend.joined(separator: "   ")) }
    return lines.joined(separator: "\n")
  }
}
