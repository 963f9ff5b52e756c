import Foundation

extension CovarianceReport {
  /// The human report: the run, the read-out with its gap and the eigenvalues of Ĉ (all of them
  /// up to d = 20, else the 10 smallest and 10 largest), the relation to H and the fitted scale
  /// when compared, the σ-scaling slope, the warnings and the time.
  public func humanText() -> String {
    let g: (Double) -> String = { String(format: "%.4g", $0) }
    let og: (Double?) -> String = { $0.map(g) ?? "—" }
    let eigenvalues = readout.eigenvalues
    var lines = (oracle?.lines ?? []) + [
      "\(landscape) (d = \(dimension)): \(selection.summary), λ = \(population), σ = \(g(sigma)), n = \(kept) kept points, seed \(seed)",
      "loss evaluations: \(lossEvaluations) (sampling \(samplingLossEvaluations), σ-scaling diagnostic \(lossEvaluations - samplingLossEvaluations))",
      "estimate: \(estimate.rawValue)",
      "rank read-out: \(readout.rank)   (eigenvalues below τ = σ²(1 − √(d/n))² = \(g(readout.threshold)))"
        + (knownRank.map { "   known rank(H) = \($0)" } ?? ""),
      "  largest counted \(og(readout.largestCounted)), smallest uncounted \(og(readout.smallestUncounted)), gap ratio \(og(readout.gapRatio))",
    ]
    let shown = eigenvalues.count <= 20 ? eigenvalues : Array(eigenvalues.prefix(10)) + Array(eigenvalues.suffix(10))
    lines.append(
      (eigenvalues.count <= 20 ? "eigenvalues of C (ascending): " : "smallest and largest 10 eigenvalues of C: ")
        + shown.map(g).joined(separator: " "))
    if let r = relation {
      let source = comparisonHessianVectorProducts.map { " measured through the oracle by \($0) HVPs" } ?? ""
      lines.append(
        "relation to H\(source) (on its range, r = \(r.rangeDimension)): relative error \(g(r.relativeError)), "
          + "spread \(g(r.spread)), measureID \(g(r.measureID)), measureCE \(g(r.measureCE))")
      lines.append("fitted scale c/σ² = \(g(r.fittedScale))   " + Self.predictionText(prediction, population: population, measuredHessian: oracle != nil))
    }
    if let s = sigmaScaling {
      lines.append(
        "σ-scaling: log E[L(winner) − L(w*)] vs log σ over σ = \(s.sigmas.map(g).joined(separator: ", ")): "
          + "slope \(String(format: "%.3f", s.slope)) ± \(String(format: "%.3f", s.slopeStandardError)) (2 for a quadratic)")
    }
    if let model = lossModel { lines.append("loss error model: \(model.argument) (\(model.summary))") }
    lines += warnings.map { "warning: \($0.message)" }
    lines.append("seconds: \(String(format: "%.2f", seconds))")
    return lines.joined(separator: "\n")
  }

  /// The prediction beside the fitted scale: the finite-λ value where it is computed, and the
  /// λ → ∞ asymptote labelled as such, with how far it is off (or may be off) at this λ.
  ///
  /// With `measuredHessian` (an oracle's H, built from its HVPs) the finite-λ value is called the
  /// expectation for the quadratic with the measured Hessian: an estimate, not a known answer.
  public static func predictionText(
    _ p: CovarianceHessianRelation.ScalePrediction?, population: Int, measuredHessian: Bool = false
  ) -> String {
    let g: (Double) -> String = { String(format: "%.4g", $0) }
    guard let p else { return "(no prediction for this selection scheme)" }
    let asymptote = "λ → ∞ asymptote κ = \(g(p.asymptotic))"
    if let finite = p.finite, let err = p.asymptoticRelativeError {
      let basis = measuredHessian ? "expectation for the quadratic with the Hessian measured by HVPs" : "exact expectation for the quadratic with this Hessian"
      return "predicted at λ = \(population): \(g(finite)) (\(basis))   "
        + asymptote + String(format: " (%+.0f%% at this λ)", 100 * err)
    }
    return asymptote + " (not the value at λ = \(population): expected error up to " + errorText(p.asymptoticErrorScale) + ")"
  }

  /// A relative error e as "about 35%" below 1, "a factor of about 1 + e" above.
  public static func errorText(_ e: Double) -> String {
    e < 1 ? String(format: "about %.0f%%", 100 * e) : String(format: "a factor of about %.3g", 1 + e)
  }
}
