import Foundation

extension CMAReport {
  /// The human report: the run, the read-out with its separation and the eigenvalues of C (all up
  /// to d = 20, else the 10 smallest and 10 largest), the relation to H of the final C and of the
  /// averaged shape with the trajectory against loss evaluations, the warnings and the time.
  public func humanText() -> String {
    let g: (Double) -> String = { String(format: "%.4g", $0) }
    let og: (Double?) -> String = { $0.map(g) ?? "—" }
    let p = parameters
    var lines = (oracle?.lines ?? []) + [
      "\(landscape) (d = \(dimension)): CMA-ES (μ/μ_w, λ) with λ = \(p.population), μ = \(p.parents), μ_eff = \(g(p.effectiveMass)), "
        + "σ₀ = \(g(initialSigma)), seed \(seed)",
      "loss evaluations: \(run.lossEvaluations) of \(evaluationBudget) (\(run.generations) generations; stop: \(run.stop.rawValue)); "
        + "final σ = \(g(run.sigma)), best loss \(g(run.bestLoss)), ‖m − w*‖ = \(g(meanDisplacement))",
      "rank read-out: \(readout.rank)\(readout.resolved ? "" : " (no flat block resolved)")"
        + "   (separation \(og(readout.statistic)) null SDs, threshold \(og(readout.threshold)); log gap \(og(readout.logGap)), "
        + "at mid-run \(og(readout.logGapAtMidpoint)))" + (knownRank.map { "   known rank(H) = \($0)" } ?? ""),
    ]
    let e = readout.eigenvalues
    let shown = e.count <= 20 ? e : Array(e.prefix(10)) + Array(e.suffix(10))
    lines.append((e.count <= 20 ? "eigenvalues of C (ascending): " : "smallest and largest 10 eigenvalues of C: ") + shown.map(g).joined(separator: " "))
    let source = comparisonHessianVectorProducts.map { " measured through the oracle by \($0) HVPs" } ?? ""
    if let r = relation {
      lines.append(
        "relation of the final C to H\(source) (on its range, r = \(r.rangeDimension)): relative error \(g(r.relativeError)), "
          + "spread \(g(r.spread)), measureID \(g(r.measureID)), measureCE \(g(r.measureCE))")
    }
    if let r = averagedRelation {
      lines.append(
        "relation of the averaged shape (\(run.averagedShapeTerms) C's of the second half) to H: relative error \(g(r.relativeError)), "
          + "spread \(g(r.spread)), measureID \(g(r.measureID)), measureCE \(g(r.measureCE))")
    }
    if trajectory.contains(where: { $0.relation != nil }) {
      lines.append("trajectory (loss evaluations: relative error / spread):")
      lines.append(
        "  " + trajectory.map { "\($0.lossEvaluations): \(og($0.relation?.relativeError)) / \(og($0.relation?.spread))" }
          .joined(separator: ", "))
    }
    lines += warnings.map { "warning: \($0.message)" }
    lines.append("seconds: \(String(format: "%.2f", seconds))")
    return lines.joined(separator: "\n")
  }
}
