import Foundation

extension SpectrumReport {
  /// The plot of the report: the eigenvalues as bars against their order k
  /// (log scale when all are positive), or the smoothed density against λ. The bottom
  /// plot marks the rank threshold τ (``threshold``), so eigenvalues below it read as zero.
  public var plot: PlotModel {
    if mode == .density {
      let grid = grid ?? [], values = density ?? []
      let width = String(format: "%.3g", sigma ?? 0)
      return PlotModel(
        title: "SLQ spectral density of \(landscape) (\(probes ?? 0) probes × \(steps ?? 0) steps, σ = \(width))",
        xLabel: "eigenvalue λ", yLabel: "density (per unit of λ)",
        series: [.init(name: "smoothed SLQ density", x: grid, y: values, style: .line)])
    }
    let values = eigenvalues ?? []
    return PlotModel(
      title: "\(mode == .top ? "Largest" : "Smallest") \(values.count) eigenvalues of \(landscape)",
      xLabel: "rank order k", yLabel: "eigenvalue λₖ",
      series: [.init(name: "Lanczos + restarts", x: values.indices.map { Double($0 + 1) }, y: values, style: .bars)],
      logY: values.allSatisfy { $0 > 0 },
      horizontalRules: threshold.map { [($0, String(format: "τ = %.3g, the rank threshold", $0))] } ?? [])
  }

  /// The human report of `hessian-lab spectrum`: the terminal plot, the table of
  /// eigenvalues with residuals and convergence (top/bottom), how a trained reference point was reached,
  /// the cost and seed,
  /// and every warning.
  public var text: String {
    var lines = (oracle?.lines ?? []) + [TerminalPlot.render(plot)]
    if let values = eigenvalues, let res = residuals, let conv = converged {
      lines.append("k  eigenvalue        residual    converged")
      for i in values.indices {
        lines.append(String(format: "%-3d%-18.10g%-12.3g", i + 1, values[i], res[i]) + (conv[i] ? "yes" : "NO"))
      }
    }
    if let model = hvpModel { lines.append(model.line) }
    if let t = training { lines.append(t.line) }
    lines.append("cost: \(hessianVectorProducts) HVPs, d = \(dimension), seed \(seed)")
    lines += warnings.map { "warning: \($0.message)" }
    return lines.joined(separator: "\n")
  }
}
