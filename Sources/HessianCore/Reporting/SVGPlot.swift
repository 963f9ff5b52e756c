import Foundation

/// Draws a ``PlotModel`` as a standalone SVG document: axes with ticks and
/// tick labels, axis labels, a title, a legend, and lines, points or bars per
/// series (log axes supported).
///
/// The data range is widened by a 4% margin on each side (except at a bar
/// chart's zero baseline), so that points on the edge of the range do not sit
/// on an axis and the smallest bar of a log-scale bar chart is visible. A log
/// axis spanning less than two decades gets 1–2–5 ticks labelled with their
/// values instead of a single power of ten. The left margin grows with the
/// longest y tick label so that the rotated y-axis label never overlaps it.
/// Checked by rendering to PNG with `scripts/render-svgs`.
public enum SVGPlot {
  /// Series colours, in order.
  public static let colors = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"]

  /// The SVG text of `plot`, at least `width` × `height` pixels: wider or taller when a label or
  /// the legend would not fit otherwise (every text element lies inside the viewBox).
  ///
  /// - Complexity: O(total number of points); no loss evaluations or HVPs.
  public static func render(_ plot: PlotModel, width: Int = 720, height: Int = 440) -> String {
    var (dataX, dataY) = plot.ranges()
    if !plot.xCategories.isEmpty, !plot.logX {
      dataX = 1...Double(max(plot.xCategories.count, 2))  // every category gets a slot, drawn or not
    }
    let hasZeroBaseline = !plot.logY && plot.series.contains { $0.style == .bars }
    let xr = withMargin(dataX, keepZero: false)
    let yr = withMargin(dataY, keepZero: hasZeroBaseline)
    let xTicks =
      plot.xCategories.isEmpty || plot.logX
      ? ticks(xr, log: plot.logX)
      : plot.xCategories.enumerated().map { (Double($0.offset + 1), escape($0.element)) }
    let yTicks = ticks(yr, log: plot.logY)
    // Room for the rotated y label and the longest y tick label on the left, for the legend's
    // longest entry on the right; the document grows (never shrinks) so that every text element
    // and at least the minimum plot area fit inside it.
    let longestY = yTicks.map(\.label.count).max() ?? 1
    let left = max(80.0, 40.0 + textWidth(longestY)), top = 40.0, bottom = 60.0
    let legendLabels = plot.series.map(\.name) + plot.horizontalRules.map(\.label)
    let right = max(60.0, legendSwatch + textWidth(legendLabels.map(\.count).max() ?? 0) + 12)
    let legendBottom = top + 10 + 18 * Double(legendLabels.count)
    let titleWidth = textWidth(plot.title.count, fontSize: 15) + 20
    let xLabel = plot.xLabel + (plot.logX ? " (log scale)" : "")
    let yLabel = plot.yLabel + (plot.logY ? " (log scale)" : "")
    let plotWidth = max(minimumPlotSize, textWidth(xLabel.count)), plotHeight = max(minimumPlotSize, textWidth(yLabel.count))
    let width = Int(max(Double(width), left + right + plotWidth, titleWidth).rounded(.up))
    let height = Int(max(Double(height), top + bottom + plotHeight, legendBottom + 10).rounded(.up))
    let pw = Double(width) - left - right, ph = Double(height) - top - bottom
    // The title is centred on the plot area unless that would push it past an edge.
    let titleX = min(max(left + pw / 2, titleWidth / 2), Double(width) - titleWidth / 2)
    func px(_ x: Double) -> Double { left + (x - xr.lowerBound) / (xr.upperBound - xr.lowerBound) * pw }
    func py(_ y: Double) -> Double { top + ph - (y - yr.lowerBound) / (yr.upperBound - yr.lowerBound) * ph }
    func n(_ v: Double) -> String { String(format: "%.2f", v) }
    var out = [
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" font-family=\"sans-serif\" font-size=\"12\">",
      "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
      "<text x=\"\(n(titleX))\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">\(escape(plot.title))</text>",
      "<g stroke=\"black\"><line x1=\"\(n(left))\" y1=\"\(n(top + ph))\" x2=\"\(n(left + pw))\" y2=\"\(n(top + ph))\"/>"
        + "<line x1=\"\(n(left))\" y1=\"\(n(top))\" x2=\"\(n(left))\" y2=\"\(n(top + ph))\"/></g>",
    ]
    for (t, label) in xTicks {
      out.append("<line x1=\"\(n(px(t)))\" y1=\"\(n(top + ph))\" x2=\"\(n(px(t)))\" y2=\"\(n(top + ph + 5))\" stroke=\"black\"/>")
      out.append("<text x=\"\(n(px(t)))\" y=\"\(n(top + ph + 18))\" text-anchor=\"middle\">\(label)</text>")
    }
    for (t, label) in yTicks {
      out.append("<line x1=\"\(n(left - 5))\" y1=\"\(n(py(t)))\" x2=\"\(n(left))\" y2=\"\(n(py(t)))\" stroke=\"black\"/>")
      out.append("<line x1=\"\(n(left))\" y1=\"\(n(py(t)))\" x2=\"\(n(left + pw))\" y2=\"\(n(py(t)))\" stroke=\"#eee\"/>")
      out.append("<text x=\"\(n(left - 8))\" y=\"\(n(py(t) + 4))\" text-anchor=\"end\">\(label)</text>")
    }
    out.append("<text x=\"\(n(left + pw / 2))\" y=\"\(n(Double(height) - 15))\" text-anchor=\"middle\">\(escape(xLabel))</text>")
    out.append(
      "<text x=\"18\" y=\"\(n(top + ph / 2))\" text-anchor=\"middle\" transform=\"rotate(-90 18 \(n(top + ph / 2)))\">\(escape(yLabel))</text>")
    for (k, rule) in plot.horizontalRules.enumerated() {
      guard let y = plot.ty(rule.value), yr.contains(y) else { continue }
      out.append(
        "<line x1=\"\(n(left))\" y1=\"\(n(py(y)))\" x2=\"\(n(left + pw))\" y2=\"\(n(py(y)))\" stroke=\"#555\" stroke-width=\"1.2\" stroke-dasharray=\"\(Self.rulePattern(k))\"/>")
    }
    let baseline = plot.logY ? yr.lowerBound : min(max(0, yr.lowerBound), yr.upperBound)
    for (k, s) in plot.series.enumerated() {
      let color = colors[(s.colorIndex ?? k) % colors.count]
      let dash = s.dashed ? " stroke-dasharray=\"6 4\"" : ""
      let pts = zip(s.x, s.y).compactMap { x, y -> (Double, Double)? in
        guard let a = plot.tx(x), let b = plot.ty(y) else { return nil }
        return (px(a), py(b))
      }
      switch s.style {
      case .line, .linePoints:
        let d = pts.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
        out.append("<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.5\"\(dash) points=\"\(d)\"/>")
        if s.style == .linePoints {
          for p in pts { out.append("<circle cx=\"\(n(p.0))\" cy=\"\(n(p.1))\" r=\"2.5\" fill=\"\(color)\"/>") }
        }
      case .points:
        for p in pts { out.append("<circle cx=\"\(n(p.0))\" cy=\"\(n(p.1))\" r=\"3\" fill=\"\(color)\"/>") }
      case .bars:
        let b = py(baseline)
        for p in pts {
          out.append("<line x1=\"\(n(p.0))\" y1=\"\(n(b))\" x2=\"\(n(p.0))\" y2=\"\(n(p.1))\" stroke=\"\(color)\" stroke-width=\"2\"/>")
          // A head on every bar, so a bar of (nearly) zero length is still seen.
          out.append("<circle cx=\"\(n(p.0))\" cy=\"\(n(p.1))\" r=\"2.5\" fill=\"\(color)\"/>")
        }
      }
    }
    // Legend.
    var ly = top + 10
    let lx = left + pw + 20
    for (k, s) in plot.series.enumerated() {
      let color = colors[(s.colorIndex ?? k) % colors.count]
      let dash = s.dashed ? " stroke-dasharray=\"4 2\"" : ""
      switch s.style {  // the swatch looks like the series (colour, dash, marker)
      case .line, .linePoints:
        out.append("<line x1=\"\(n(lx - 2))\" y1=\"\(n(ly - 4))\" x2=\"\(n(lx + 14))\" y2=\"\(n(ly - 4))\" stroke=\"\(color)\" stroke-width=\"2\"\(dash)/>")
        if s.style == .linePoints {
          out.append("<circle cx=\"\(n(lx + 6))\" cy=\"\(n(ly - 4))\" r=\"2.5\" fill=\"\(color)\"/>")
        }
      case .points:
        out.append("<circle cx=\"\(n(lx + 6))\" cy=\"\(n(ly - 4))\" r=\"3\" fill=\"\(color)\"/>")
      case .bars:
        out.append("<rect x=\"\(n(lx))\" y=\"\(n(ly - 9))\" width=\"12\" height=\"10\" fill=\"\(color)\"/>")
      }
      out.append("<text x=\"\(n(lx + 18))\" y=\"\(n(ly))\">\(escape(s.name))</text>")
      ly += 18
    }
    for (k, rule) in plot.horizontalRules.enumerated() {
      // A swatch long enough to show the whole dash pattern of its rule.
      out.append(
        "<line x1=\"\(n(lx - 8))\" y1=\"\(n(ly - 4))\" x2=\"\(n(lx + 14))\" y2=\"\(n(ly - 4))\" stroke=\"#555\" stroke-width=\"1.2\" stroke-dasharray=\"\(Self.rulePattern(k))\"/>")
      out.append("<text x=\"\(n(lx + 18))\" y=\"\(n(ly))\">\(escape(rule.label))</text>")
      ly += 18
    }
    out.append("</svg>")
    return out.joined(separator: "\n") + "\n"
  }

  /// The width in pixels reserved for `characters` characters of sans-serif text at `fontSize`:
  /// 0.6 em per character, a bound on the average advance of common sans-serif faces
  /// (DejaVu Sans, Helvetica, Arial) for mixed text.
  static func textWidth(_ characters: Int, fontSize: Double = 12) -> Double {
    0.6 * fontSize * Double(characters)
  }

  /// The legend's swatch and gaps before its text, in pixels (the text starts 38 px right of the plot area).
  static let legendSwatch = 38.0

  /// The smallest plot area, in pixels each way, kept however long the labels are.
  static let minimumPlotSize = 240.0

  /// The dash pattern of the k-th horizontal reference line: each rule has its
  /// own (dashed, dotted, dash-dot, long dash), repeated in its legend swatch,
  /// so reference lines of one grey stay distinguishable.
  static func rulePattern(_ k: Int) -> String {
    let patterns = ["6 4", "1.5 3", "9 3 2 3", "14 4"]
    return patterns[k % patterns.count]
  }

  /// `range` widened by 4% of its span on each side; a bound at exactly 0 is
  /// kept when `keepZero` (the baseline of a bar chart).
  static func withMargin(_ range: ClosedRange<Double>, keepZero: Bool) -> ClosedRange<Double> {
    let margin = 0.04 * (range.upperBound - range.lowerBound)
    let lo = keepZero && range.lowerBound == 0 ? 0 : range.lowerBound - margin
    let hi = keepZero && range.upperBound == 0 ? 0 : range.upperBound + margin
    return lo...hi
  }

  /// Tick positions (transformed coordinates) inside `range`, with their labels.
  ///
  /// Linear axes: about five round values (`-0` is printed as `0`). Log axes
  /// spanning two decades or more: powers of ten, labelled `1eK` as in the
  /// terminal plot. Narrower log axes: 1–2–5 (or 1…9) × 10^k, labelled with
  /// their values, so a plot never has fewer than two labelled ticks when the
  /// range allows it.
  static func ticks(_ range: ClosedRange<Double>, log: Bool) -> [(value: Double, label: String)] {
    if !log {
      let values = PlotModel.ticks(range, log: false).filter(range.contains)
      let step = values.count > 1 ? values[1] - values[0] : 1
      return values.map { t in
        let snapped = abs(t) < 1e-9 * abs(step) ? 0 : t
        return (snapped, PlotModel.tickLabel(snapped + 0, log: false))
      }
    }
    let decades = PlotModel.ticks(range, log: true).filter(range.contains)
    if range.upperBound - range.lowerBound >= 2, decades.count >= 2 {
      return decades.map { ($0, PlotModel.tickLabel($0, log: true)) }
    }
    let lowDecade = Int(range.lowerBound.rounded(.down)), highDecade = Int(range.upperBound.rounded(.up))
    for mantissas in [[1.0, 2, 5], [1.0, 2, 3, 4, 5, 6, 7, 8, 9]] {
      var found: [(value: Double, label: String)] = []
      for k in lowDecade...max(lowDecade, highDecade) {
        for m in mantissas {
          let value = m * pow(10, Double(k))
          let t = log10(value)
          if range.contains(t) { found.append((t, String(format: "%g", value))) }
        }
      }
      if found.count >= 3 || mantissas.count == 9 { return found }
    }
    return []
  }

  static func escape(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }
}
