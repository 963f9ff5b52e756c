import Foundation

extension SVGPlot {
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
}
