import Foundation

extension LLCReport {
  /// The human report of `hessian-lab llc`: rank and bounds, the exact value,
  /// each estimate with its cost (SGLD with chain diagnostics and one sparkline
  /// per chain), then `warning: MESSAGE` lines and the seed.
  public var text: String {
    let exactText = exact.value?.description
    var lines = [
      "\(landscape): d = \(bounds.dimension), Hessian rank r = \(bounds.rank) (\(bounds.rankSource.rawValue))",
      "bounds r/2 ≤ λ ≤ r/2 + (d−r)/4: \(boundsText)  (\(bounds.assumption))",
      "exact λ = \(exactText ?? "unknown")\(exact.multiplicity.map { ", m = \($0)" } ?? "")\(exactScope.phrase.map { " " + $0 } ?? "")  [\(exact.provenance.rawValue): \(exact.source)]",
    ]
    if let model = hvpModel { lines.append("rank: " + model.line) }
    lines += Self.estimateLines(volume: volume, sgld: sgld, exactValue: exact.value)
    lines += warnings.map { "warning: \($0.message)" }
    lines.append("seed \(seed)")
    return lines.joined(separator: "\n")
  }

  /// The lines of the volume and SGLD estimates (each with its cost and diagnostics); with
  /// `exactValue` the SGLD multiplicity line also says where λ̂ should land.
  static func estimateLines(volume: VolumeScalingEstimate?, sgld: SGLDEstimate?, exactValue: Rational?) -> [String] {
    let fmt4 = Self.fixed4
    var lines: [String] = []
    if let v = volume {
      var interval = ""
      if let r = (try? v.interval(confidence: 0.95)) ?? nil {
        interval = String(format: ", 95%% interval [%.4f, %.4f]", r.lowerBound, r.upperBound)
      }
      lines.append(
        "volume  λ̂ = \(fmt4(v.value)) ± \(fmt4(v.standardError)) (statistical) ± \(fmt4(v.systematicError)) (systematic)\(interval)  (m = \(v.multiplicity); uncorrected slope \(fmt4(v.uncorrectedValue)))")
      lines.append(
        String(
          format: "        fit window ε ∈ [%.3g, %.3g], %d runs × %d particles, %d loss + %d gradient evaluations",
          v.epsilonMin, v.epsilonMax, v.replicates, v.particles, v.lossEvaluations, v.gradientEvaluations)
          + " (\(v.plainMonteCarloPhrase))")
    }
    if let s = sgld {
      lines.append("sgld    λ̂ = \(fmt4(s.value)) ± \(fmt4(s.standardError))  (\(Entry(s).details))")
      if let c = s.convergence {
        let rHat = c.rHat.isFinite ? String(format: "%.3f", c.rHat) : "∞"
        let se = c.driftStandardError.map { String(format: "%.4f", $0) } ?? "—"
        let counts = String(
          format: " (≤ %.2f wanted), bulk ESS %.0f of %d kept draws, drift between halves %+.4f ± ",
          ChainConvergence.rHatThreshold, c.effectiveSampleSize, c.draws, c.drift)
        lines.append("        chains: R̂ = \(rHat)\(counts)\(se): \(c.converged ? "converged" : "NOT converged (see warnings)")")
      }
      if let m = s.multiplicity, m > 1, let f = s.expectedMultiplicityShortfall {
        lines.append(
          String(format: "        multiplicity m = %d: expected shortfall (m − 1)/log(nβ) = %.4f", m, f)
            + (exactValue.map { String(format: ", so λ̂ ≈ λ − %.4f = %.4f to leading order (docs/theory.md §6.3)", f, $0.doubleValue - f) }
              ?? " (docs/theory.md §6.3)"))
      }
      lines.append(
        "        \(s.gradientEvaluations) gradient + \(s.lossEvaluations) loss evaluations + \(s.hessianVectorProducts) \(s.hessianVectorProducts == 1 ? "HVP" : "HVPs"); nβ(L − L*) per chain:")
      for (c, t) in s.traces.enumerated() {
        lines.append("        " + Sparkline.line(label: String(format: "chain %2d", c), values: t))
      }
    }
    return lines
  }
}
