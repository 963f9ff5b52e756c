import Foundation

extension CompareReport {
  /// The human report: each landscape's ``LandscapeComparison/reportLines``, then the
  /// sweep's table, specs, verdicts and terminal plot; blocks separated by a blank line.
  public var text: String {
    var blocks = comparisons.map { $0.reportLines.joined(separator: "\n") }
    if let s = sweep {
      var lines = DimensionSweep.tableLines(s)
      lines.append(
        "specs: "
          + s.points.map { "d=\($0.dimension): \($0.spec.count > 60 ? String($0.spec.prefix(40)) + "…" : $0.spec)" }
          .joined(separator: "; "))
      for p in s.points { lines.append("d = \(p.dimension): \(p.comparison.verdict)") }
      lines.append(TerminalPlot.render(DimensionSweep.plot(s)))
      blocks.append(lines.joined(separator: "\n"))
    }
    return blocks.joined(separator: "\n\n")
  }

  /// The plot: the sweep's log-log cost against d when a sweep ran, else ``costPlot``.
  public var plot: PlotModel { sweep.map(DimensionSweep.plot) ?? costPlot }

  /// Log-scale cost per method, methods named on the x axis. A method that
  /// reached the confidence is a filled point at its cost; one that did not is a
  /// hollow upward triangle with an arrow (``PlotModel/Style/lowerBound``) at its
  /// cost at the budget cap (a lower bound on what it would need), in the same
  /// colour, and its axis name carries a "✗" — it is marked, not dropped. With several
  /// landscapes each is shifted within the method's slot (by at most ±0.12) so none hides another.
  public var costPlot: PlotModel {
    let methods = comparisons.first?.methods.map(\.method) ?? []
    var series: [PlotModel.Series] = []
    for (k, c) in comparisons.enumerated() {
      // Landscapes side by side within a method's slot, so equal costs do not hide each other.
      let offset = comparisons.count > 1 ? 0.24 * (Double(k) / Double(comparisons.count - 1) - 0.5) : 0
      let indexed = c.methods.compactMap { m -> (Double, MethodOutcome)? in
        guard let i = methods.firstIndex(of: m.method), m.lossEvaluationEquivalents > 0 else { return nil }
        return (Double(i + 1) + offset, m)
      }
      let reached = indexed.filter { $0.1.reachedConfidence }
      let missed = indexed.filter { !$0.1.reachedConfidence }
      series.append(
        .init(name: c.landscape, x: reached.map(\.0), y: reached.map { $0.1.lossEvaluationEquivalents }, style: .points, colorIndex: k))
      if !missed.isEmpty {
        series.append(
          .init(
            name: "\(c.landscape): not reached, cost at the cap (≥)", x: missed.map(\.0),
            y: missed.map { $0.1.lossEvaluationEquivalents }, style: .lowerBound, colorIndex: k))
      }
    }
    let categories = methods.map { m in
      comparisons.contains { $0.methods.contains { $0.method == m && !$0.reachedConfidence } } ? "\(m.rawValue) ✗" : m.rawValue
    }
    let confidence = comparisons.first.map { String(format: "%g", $0.confidence) } ?? "c"
    return PlotModel(
      title: "Cost of \(comparisons.contains { $0.oracle != nil } ? "a rank agreeing with the reference" : "an exact rank") with probability ≥ \(confidence), per method", xLabel: "method (✗: did not reach the confidence)",
      yLabel: "loss-evaluation equivalents per run", series: series, logY: true, xCategories: categories)
  }
}
