import Foundation

extension RankReport {
  /// The plot of `rank --svg`: the computed |λ| sorted from the largest down against their
  /// order k on a log axis, the counted ones (|λ| > τ) and the uncounted ones as two series, τ as
  /// a horizontal rule, and the gap between the smallest counted and the largest uncounted |λ|
  /// named in the title. For `block`, HMT's bound on every eigenvalue not computed is a second
  /// rule; for `slq` the points are quadrature nodes (the title says so).
  ///
  /// An |λ| that is exactly 0 cannot be drawn on a log axis: the uncounted series' legend says
  /// how many were left out. Cost: sorting the computed eigenvalues; no HVPs.
  public var plot: PlotModel {
    let r = result
    let magnitudes = r.eigenvalues.map(abs).sorted(by: >)
    let counted = magnitudes.enumerated().filter { $0.element > r.threshold }
    let uncounted = magnitudes.enumerated().filter { !($0.element > r.threshold) }
    let zeros = uncounted.filter { $0.element == 0 }.count
    let name = landscape.map { "\($0): " } ?? ""
    let what = r.method == .slq ? "quadrature nodes" : r.method == .dense ? "eigenvalues" : "computed eigenvalues"
    var gap = ""
    if let ratio = r.gapRatio ?? gapRatioLowerBound {
      gap = ", gap ratio " + (r.gapRatio == nil ? "≥ " : "") + String(format: "%.3g", ratio)
    }
    var rules: [(value: Double, label: String)] = [(r.threshold, String(format: "τ = %.3g", r.threshold))]
    if let bound = r.uncountedBound, bound > 0 {
      rules.append((bound, String(format: "bound on uncomputed |λ| %.3g", bound)))
    }
    let uncountedName = "uncounted |λ| ≤ τ (\(uncounted.count))" + (zeros > 0 ? ", \(zeros) exactly 0 not drawn" : "")
    return PlotModel(
      title: "\(name)rank \(r.rank) of d = \(r.dimension) (\(r.method.rawValue), \(r.hessianVectorProducts) HVPs\(gap))",
      xLabel: "order k (\(what), largest |λ| first)", yLabel: "|λₖ|",
      series: [
        .init(name: "counted |λ| > τ (\(counted.count))", x: counted.map { Double($0.offset + 1) }, y: counted.map(\.element), style: .points),
        .init(name: uncountedName, x: uncounted.map { Double($0.offset + 1) }, y: uncounted.map(\.element), style: .points),
      ],
      logY: true, horizontalRules: rules)
  }
}
