import Foundation

/// A simple 2-D chart, drawn by ``TerminalPlot`` (text) and ``SVGPlot`` (SVG):
/// one or more series shown as lines, points or bars, with optional log axes.
///
/// Generic on purpose: Hessian spectra, SLQ densities and ES covariance
/// eigenvalues all use it.
public struct PlotModel: Sendable, Equatable {
  /// How a series is drawn.
  public enum Style: String, Sendable, Equatable, CaseIterable {
    /// A polyline through the points in order (densities, sweeps).
    case line
    /// A marker per point (eigenvalues against an index).
    case points
    /// A vertical bar from the baseline (0, or the bottom of a log axis) to each point.
    case bars
    /// A polyline with a marker on every point (measured curves with few points).
    case linePoints
    /// A lower bound per point, not a measurement: a hollow upward triangle at the value with a
    /// short arrow above it ("at least this"), e.g. the cost at the budget cap of a method that
    /// did not reach its target.
    case lowerBound
  }

  /// One named series of (x, y) points.
  public struct Series: Sendable, Equatable {
    /// The legend entry.
    public var name: String
    /// The abscissae, as many as ``y``.
    public var x: [Double]
    /// The ordinates, as many as ``x``; non-finite values (and values ≤ 0 on a log axis) are not drawn.
    public var y: [Double]
    /// How the series is drawn.
    public var style: Style
    /// Whether lines are dashed (an asymptote or a prediction beside a measurement).
    public var dashed: Bool
    /// The colour slot in ``SVGPlot/colors`` (`nil`: the series' own position),
    /// so that a prediction can share the colour of the series it predicts.
    public var colorIndex: Int?

    /// A series of `x.count` points.
    ///
    /// - Precondition: `x.count == y.count`.
    public init(name: String, x: [Double], y: [Double], style: Style, dashed: Bool = false, colorIndex: Int? = nil) {
      precondition(x.count == y.count, "series \(name): x and y differ in length")
      self.name = name
      self.x = x
      self.y = y
      self.style = style
      self.dashed = dashed
      self.colorIndex = colorIndex
    }
  }

  /// The title above the plot.
  public var title: String
  /// The x-axis label, with units where the quantity has them (" (log scale)" is appended for a log axis).
  public var xLabel: String
  /// The y-axis label, with units where the quantity has them (" (log scale)" is appended for a log axis).
  public var yLabel: String
  /// The series, drawn in order with ``SVGPlot/colors``.
  public var series: [Series]
  /// log₁₀ axes (values ≤ 0 are left out of log axes).
  public var logX: Bool
  /// Whether the y axis is log₁₀ (values ≤ 0 are left out).
  public var logY: Bool
  /// Horizontal reference lines (e.g. a threshold τ), with labels.
  public var horizontalRules: [(value: Double, label: String)]
  /// Names for a categorical x axis: when not empty, x = 1, 2, … stand for
  /// these categories and ``SVGPlot`` labels the x ticks with them (methods
  /// compared side by side, say) instead of with numbers.
  public var xCategories: [String]

  /// A plot of `series` with linear axes unless `logX` / `logY`.
  public init(
    title: String, xLabel: String, yLabel: String, series: [Series], logX: Bool = false, logY: Bool = false,
    horizontalRules: [(value: Double, label: String)] = [], xCategories: [String] = []
  ) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.series = series
    self.logX = logX
    self.logY = logY
    self.horizontalRules = horizontalRules
    self.xCategories = xCategories
  }

  public static func == (a: PlotModel, b: PlotModel) -> Bool {
    a.title == b.title && a.xLabel == b.xLabel && a.yLabel == b.yLabel && a.series == b.series
      && a.logX == b.logX && a.logY == b.logY
      && a.horizontalRules.map(\.value) == b.horizontalRules.map(\.value)
      && a.horizontalRules.map(\.label) == b.horizontalRules.map(\.label) && a.xCategories == b.xCategories
  }

  /// The transformed coordinate (log₁₀ when the axis is logarithmic), `nil`
  /// when it cannot be shown.
  func tx(_ x: Double) -> Double? { transform(x, logX) }
  func ty(_ y: Double) -> Double? { transform(y, logY) }

  private func transform(_ v: Double, _ log: Bool) -> Double? {
    guard v.isFinite else { return nil }
    if log { return v > 0 ? log10(v) : nil }
    return v
  }

  /// The data range in transformed coordinates, padded when degenerate.
  func ranges() -> (x: ClosedRange<Double>, y: ClosedRange<Double>) {
    var xs: [Double] = [], ys: [Double] = []
    for s in series {
      for (x, y) in zip(s.x, s.y) {
        if let a = tx(x), let b = ty(y) {
          xs.append(a)
          ys.append(b)
        }
      }
      if s.style == .bars, !logY { ys.append(0) }
    }
    for r in horizontalRules { if let b = ty(r.value) { ys.append(b) } }
    return (Self.padded(xs, log: logX), Self.padded(ys, log: logY))
  }

  /// The range of `v`, widened when it is (nearly) a single value: by half a decade on a log
  /// axis (`v` are exponents), by 10% (at least 0.5) on a linear one.
  static func padded(_ v: [Double], log: Bool = false) -> ClosedRange<Double> {
    guard let lo = v.min(), let hi = v.max() else { return 0...1 }
    if hi - lo > 1e-9 * max(abs(hi), abs(lo)) { return lo...hi }
    let pad = log ? 0.5 : max(abs(lo) * 0.1, 0.5)
    return (lo - pad)...(hi + pad)
  }

  /// Tick values (transformed coordinates) for an axis: about `count` round numbers.
  static func ticks(_ range: ClosedRange<Double>, count: Int = 5, log: Bool) -> [Double] {
    if log {
      let lo = Int(nearest: range.lowerBound.rounded(.down), clampedTo: -400...400)
      let hi = Int(nearest: range.upperBound.rounded(.up), clampedTo: -400...400)
      let step = max(1, (hi - lo) / max(count - 1, 1))
      return stride(from: lo, through: hi, by: step).map(Double.init).filter { range.contains($0) || $0 == Double(lo) }
    }
    let span = range.upperBound - range.lowerBound
    let raw = span / Double(max(count - 1, 1))
    let mag = pow(10, (log10(raw)).rounded(.down))
    let step = [1.0, 2, 2.5, 5, 10].map { $0 * mag }.first { $0 >= raw } ?? raw
    let start = (range.lowerBound / step).rounded(.up) * step
    return stride(from: start, through: range.upperBound + 1e-12 * span, by: step).map { $0 }
  }

  /// A tick label: the value, or 10^k on a log axis.
  static func tickLabel(_ t: Double, log: Bool) -> String {
    if log { return "1e\(Int(nearest: t, clampedTo: -400...400))" }
    return String(format: "%.3g", t)
  }
}
