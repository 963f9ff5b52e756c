import Foundation

/// The figures of ``CovarianceHessianReproduction``, drawn with the shared plot
/// code (``PlotModel`` and ``SVGPlot``): round ticks, a legend whose swatches
/// match each series' colour, dash and markers, and dashed asymptotes in the
/// colour of the exact curve they approximate.
///
/// Cost: O(number of points); no loss evaluations.
extension CovarianceHessianReproduction {
  /// The three figures as plot models, by file name.
  public func plotModels() -> [String: PlotModel] {
    var measure: [PlotModel.Series] = []
    for c in Self.conditions {
      let cells = measureCells.filter { $0.condition == c }
      measure.append(
        .init(name: "cond(H) = \(Int(c))", x: cells.map { Double($0.lambda) }, y: cells.map(\.measureID), style: .linePoints))
    }
    let id = PlotModel(
      title: "S&Y ConditioningUp: measureID vs λ (d = 4)", xLabel: "population λ", yLabel: "measureID = w_max/w_min − 1 of HC",
      series: measure, logX: true, logY: true)

    var kappa: [PlotModel.Series] = []
    for (k, d) in [1, 2, 5, 10, 20].enumerated() {
      let rows = kappaRows.filter { $0.dimension == d }
      let lambdas = rows.map { Double($0.lambda) }
      kappa.append(.init(name: "d = \(d) exact", x: lambdas, y: rows.map(\.exact), style: .linePoints, colorIndex: k))
      kappa.append(.init(name: "d = \(d) asymptote", x: lambdas, y: rows.map(\.asymptotic), style: .line, dashed: true, colorIndex: k))
    }
    let kappaPlot = PlotModel(
      title: "κ(λ, d) for H ∝ I: exact (solid) vs asymptote (dashed)", xLabel: "population λ",
      yLabel: "κ (C = σ²κ H⁻¹)", series: kappa, logX: true, logY: true)

    let g = degenerate
    let deg = PlotModel(
      title: "Degenerate H (d = \(g.dimension), r = \(g.hessianRank), λ = \(g.lambda)): eigenvalues of C",
      xLabel: "index (ascending)", yLabel: "eigenvalue / σ²",
      series: [
        .init(
          name: "C (n = \(g.kept))", x: g.eigenvalues.indices.map { Double($0 + 1) }, y: g.eigenvalues, style: .points)
      ],
      horizontalRules: [(1, "σ² (null block)"), (g.threshold, "τ (MP edge)"), (g.predictedRangeVariance, "κ(\(g.lambda), \(g.hessianRank))")])
    return [
      "covariance-hessian-measureID.svg": id, "covariance-hessian-kappa.svg": kappaPlot,
      "covariance-hessian-degenerate.svg": deg,
    ]
  }

  /// The SVG figures, by file name (``plotModels()`` drawn by ``SVGPlot``).
  public func svgPlots() -> [String: String] {
    plotModels().mapValues { SVGPlot.render($0) }
  }
}
