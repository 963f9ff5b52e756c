import Foundation

/// Draws a ``PlotModel`` as a standalone SVG document: axes with ticks and
/// tick labels, axis labels, a title, a legend, and lines, points, bars or
/// lower-bound marks per series (log axes supported).
///
/// The data range is widened by a 4% margin on each side (except at a bar
/// chart's zero baseline), so that points on the edge of the range do not sit
/// on an axis and the smallest bar of a log-scale bar chart is visible. A log
/// axis spanning less than two decades gets 1–2–5 ticks labelled with their
/// values instead of a single power of ten. The left margin grows with the
/// longest y tick label so that the rotated y-axis label never overlaps it,
/// the right margin with the longest legend entry. Text widths are estimated
/// as ``glyphWidth`` em per character. Size and font size come from an
/// ``SVGLayout``; `docs/plots.md` shows how to convert the SVG to PNG or PDF.
public enum SVGPlot {
  /// Series colours, in order.
  public static let colors = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"]

  /// The SVG text of `plot`, at least `width` × `height` pixels (``render(_:layout:)`` with 12 px text).
  ///
  /// - Complexity: O(total number of points); no loss evaluations or HVPs.
  public static func render(_ plot: PlotModel, width: Int = 720, height: Int = 440) -> String {
    render(plot, layout: SVGLayout(width: width, height: height))
  }

  /// The SVG text of `plot`, at least `layout.width` × `layout.height` pixels: wider or taller
  /// when a label or the legend would not fit otherwise (every text element lies inside the
  /// viewBox); every text size and margin scales with `layout.fontSize`.
  ///
  /// - Complexity: O(total number of points); no loss evaluations or HVPs.
  public static func render(_ plot: PlotModel, layout: SVGLayout) -> String {
    let f = layout.fontSize, s = layout.scale
    var (dataX, dataY) = plot.ranges()
    if !plot.xCategories.isEmpty, !plot.logX {
      // Every category gets a slot, drawn or not, with a quarter slot beyond the first and last.
      dataX = 0.75...(Double(max(plot.xCategories.count, 2)) + 0.25)
    }
    let hasZeroBaseline = !plot.logY && plot.series.contains { $0.style == .bars }
    let xr = withMargin(dataX, keepZero: false)
    // A lower bound's arrow points up: 10% headroom so that it stays in the plot area.
    let arrows = plot.series.contains { $0.style == .lowerBound && !$0.y.isEmpty }
    let yr = withMargin(dataY, keepZero: hasZeroBaseline, top: arrows ? 0.1 : 0.04)
    let xTicks =
      plot.xCategories.isEmpty || plot.logX
      ? ticks(xr, log: plot.logX)
      : plot.xCategories.enumerated().map { (Double($0.offset + 1), escape($0.element)) }
    let yTicks = ticks(yr, log: plot.logY)
    // Room for the rotated y label and the longest y tick label on the left, for the legend's
    // longest entry on the right; the document grows (never shrinks) so that every text element
    // and at least the minimum plot area fit inside it.
    let longestY = yTicks.map(\.label.count).max() ?? 1
    // Category names wider than their slot alternate between two rows (every other one lower).
    let categoryWidth = textWidth(plot.xCategories.map(\.count).max() ?? 0, fontSize: f) + 10 * s
    let slots = Double(max(plot.xCategories.count, 1)), categorical = !plot.xCategories.isEmpty && !plot.logX
    let left = max(80 * s, 40 * s + textWidth(longestY, fontSize: f)), top = 40 * s
    let legendLabels = plot.series.map(\.name) + plot.horizontalRules.map(\.label)
    let right = max(60 * s, legendSwatch * s + textWidth(legendLabels.map(\.count).max() ?? 0, fontSize: f) + 12 * s)
    let legendBottom = top + 10 * s + 18 * s * Double(legendLabels.count)
    let titleWidth = textWidth(plot.title.count, fontSize: 1.25 * f) + 20 * s
    let xLabel = plot.xLabel + (plot.logX ? " (log scale)" : "")
    let yLabel = plot.yLabel + (plot.logY ? " (log scale)" : "")
    // The plot area keeps at least half the asked width, so that a long legend widens the
    // figure instead of squeezing the data into a strip.
    var plotWidth = max(minimumPlotSize, textWidth(xLabel.count, fontSize: f), 0.5 * Double(layout.width))
    // Slots are about 1.1 × (plot width) / (number of categories) apart (a quarter slot and 4% beyond each end).
    let needed = 1.1 * categoryWidth * slots
    let staggered = categorical && needed > max(plotWidth, Double(layout.width) - left - right)
    if categorical { plotWidth = max(plotWidth, needed / (staggered ? 2 : 1)) }
    let bottom = (staggered ? 76 : 60) * s
    let plotHeight = max(minimumPlotSize, textWidth(yLabel.count, fontSize: f))
    let width = Int(max(Double(layout.width), left + right + plotWidth, titleWidth).rounded(.up))
    let height = Int(max(Double(layout.height), top + bottom + plotHeight, legendBottom + 10 * s).rounded(.up))
    let pw = Double(width) - left - right, ph = Double(height) - top - bottom
    // The title is centred on the plot area unless that would push it past an edge.
    let titleX = min(max(left + pw / 2, titleWidth / 2), Double(width) - titleWidth / 2)
    let frame = Frame(left: left, top: top, width: pw, height: ph, x: xr, y: yr, scale: s)
    func n(_ v: Double) -> String { Frame.n(v) }
    var out = [
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" font-family=\"sans-serif\" font-size=\"\(n(f))\">",
      "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
      "<text x=\"\(n(titleX))\" y=\"\(n(22 * s))\" text-anchor=\"middle\" font-size=\"\(n(1.25 * f))\">\(escape(plot.title))</text>",
      "<g stroke=\"black\"><line x1=\"\(n(left))\" y1=\"\(n(top + ph))\" x2=\"\(n(left + pw))\" y2=\"\(n(top + ph))\"/>"
        + "<line x1=\"\(n(left))\" y1=\"\(n(top))\" x2=\"\(n(left))\" y2=\"\(n(top + ph))\"/></g>",
    ]
    for (i, (t, label)) in xTicks.enumerated() {
      let drop = staggered && i % 2 == 1 ? 16 * s : 0
      out.append("<line x1=\"\(n(frame.px(t)))\" y1=\"\(n(top + ph))\" x2=\"\(n(frame.px(t)))\" y2=\"\(n(top + ph + 5 * s + drop))\" stroke=\"black\"/>")
      out.append("<text x=\"\(n(frame.px(t)))\" y=\"\(n(top + ph + 18 * s + drop))\" text-anchor=\"middle\">\(label)</text>")
    }
    for (t, label) in yTicks {
      out.append("<line x1=\"\(n(left - 5 * s))\" y1=\"\(n(frame.py(t)))\" x2=\"\(n(left))\" y2=\"\(n(frame.py(t)))\" stroke=\"black\"/>")
      out.append("<line x1=\"\(n(left))\" y1=\"\(n(frame.py(t)))\" x2=\"\(n(left + pw))\" y2=\"\(n(frame.py(t)))\" stroke=\"#eee\"/>")
      out.append("<text x=\"\(n(left - 8 * s))\" y=\"\(n(frame.py(t) + 4 * s))\" text-anchor=\"end\">\(label)</text>")
    }
    out.append("<text x=\"\(n(left + pw / 2))\" y=\"\(n(Double(height) - 15 * s))\" text-anchor=\"middle\">\(escape(xLabel))</text>")
    out.append(
      "<text x=\"\(n(18 * s))\" y=\"\(n(top + ph / 2))\" text-anchor=\"middle\" transform=\"rotate(-90 \(n(18 * s)) \(n(top + ph / 2)))\">\(escape(yLabel))</text>")
    for (k, rule) in plot.horizontalRules.enumerated() {
      guard let y = plot.ty(rule.value), yr.contains(y) else { continue }
      out.append(
        "<line x1=\"\(n(left))\" y1=\"\(n(frame.py(y)))\" x2=\"\(n(left + pw))\" y2=\"\(n(frame.py(y)))\" stroke=\"#555\" stroke-width=\"\(n(1.2 * s))\" stroke-dasharray=\"\(Self.rulePattern(k))\"/>")
    }
    let baseline = plot.logY ? yr.lowerBound : min(max(0, yr.lowerBound), yr.upperBound)
    for (k, series) in plot.series.enumerated() {
      let pts = zip(series.x, series.y).compactMap { x, y -> (Double, Double)? in
        guard let a = plot.tx(x), let b = plot.ty(y) else { return nil }
        return (frame.px(a), frame.py(b))
      }
      out += frame.marks(series, color: colors[(series.colorIndex ?? k) % colors.count], points: pts, baseline: frame.py(baseline))
    }
    out += frame.legend(plot, x: left + pw + 20 * s, y: top + 10 * s)
    out.append("</svg>")
    return out.joined(separator: "\n") + "\n"
  }

  /// The average advance of one character of sans-serif text, in em: 0.6, a bound on the
  /// average advance of common sans-serif faces (DejaVu Sans, Liberation Sans, Helvetica,
  /// Arial) for mixed text. Margins are reserved with it, and the tests check text with it.
  public static let glyphWidth = 0.6

  /// The width in pixels reserved for `characters` characters of sans-serif text at `fontSize`
  /// (``glyphWidth`` em per character).
  static func textWidth(_ characters: Int, fontSize: Double = 12) -> Double {
    glyphWidth * fontSize * Double(characters)
  }

  /// The legend's swatch and gaps before its text, in pixels at 12 px text (the text starts 38 px right of the plot area).
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

  /// `range` widened by 4% of its span on each side (`top` of it above); a bound at exactly 0 is
  /// kept when `keepZero` (the baseline of a bar chart).
  static func withMargin(_ range: ClosedRange<Double>, keepZero: Bool, top: Double = 0.04) -> ClosedRange<Double> {
    let margin = 0.04 * (range.upperBound - range.lowerBound)
    let lo = keepZero && range.lowerBound == 0 ? 0 : range.lowerBound - margin
    let hi = keepZero && range.upperBound == 0 ? 0 : range.upperBound + top / 0.04 * margin
    return lo...hi
  }

  static func escape(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }
}
