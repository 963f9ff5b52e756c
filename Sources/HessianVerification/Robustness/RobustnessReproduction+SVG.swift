import HessianCore

/// The figures of ``RobustnessReproduction``: per route, the loss-evaluation equivalents each
/// landscape needs for the exact rank under each scenario (categorical x axis, log y). A scenario
/// that does not touch the route is left out of its figure; a cell where the route did not reach the
/// confidence is drawn in the separate "not reached" series at its cost at the cap, as a hollow
/// triangle with an upward arrow (a lower bound of what it would need). Cost: O(cells); no loss evaluations.
extension RobustnessReproduction {
  /// The two figures as plot models, by file name.
  public func plotModels() -> [String: PlotModel] {
    [
      "robustness-hvp.svg": plot(route: "HVP route (cheaper of lanczos, block)", \.hvpRoute),
      "robustness-covariance.svg": plot(route: "covariance route ((1,λ), λ = 100)", \.covarianceRoute),
    ]
  }

  /// The SVG figures, by file name (``plotModels()`` drawn by ``SVGPlot``).
  public func svgPlots() -> [String: String] {
    plotModels().mapValues { SVGPlot.render($0) }
  }

  private func plot(route name: String, _ pick: (Cell) -> RouteResult) -> PlotModel {
    var series: [PlotModel.Series] = []
    var censoredX: [Double] = []
    var censoredY: [Double] = []
    for (k, facts) in landscapes.enumerated() {
      var xs: [Double] = []
      var ys: [Double] = []
      for (i, scenario) in scenarios.enumerated() {
        guard let cell = cells.first(where: { $0.landscape == facts.landscape && $0.scenario == scenario }) else { continue }
        let r = pick(cell)
        switch r.status {
        case .reached: (xs, ys) = (xs + [Double(i + 1)], ys + [r.lossEvaluationEquivalents])
        case .notReached: (censoredX, censoredY) = (censoredX + [Double(i + 1)], censoredY + [r.lossEvaluationEquivalents])
        case .unaffected: continue
        }
      }
      series.append(.init(name: "\(facts.landscape) (r = \(facts.exactRank))", x: xs, y: ys, style: .linePoints, colorIndex: k))
    }
    if !censoredX.isEmpty {
      series.append(.init(name: "not reached: cost at the cap (≥)", x: censoredX, y: censoredY, style: .lowerBound))
    }
    return PlotModel(
      title: "\(name): cost of the exact rank with P ≥ \(confidence) under each error model",
      xLabel: "error model", yLabel: "loss-evaluation equivalents per run", series: series, logY: true,
      xCategories: scenarios.map(\.rawValue))
  }
}
