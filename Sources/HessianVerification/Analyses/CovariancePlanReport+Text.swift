import Foundation

extension CovariancePlanReport {
  /// The human plan: the run, the pilot, c_max, the recommended n with its cost, the
  /// resolution at that n, a note when the run is very large, and the warnings.
  public func humanText() -> String {
    let g: (Double) -> String = { String(format: "%.4g", $0) }
    let p = plan
    var lines = (oracle?.lines ?? []) + [
      "\(landscape) (d = \(dimension)): read-out plan, \(sampler.scheme.summary), λ = \(sampler.population), σ = \(g(sampler.sigma)), seed \(seed)",
      "pilot: n₀ = \(p.pilotKept) kept points, \(p.pilotLossEvaluations) loss evaluations, pilot read-out \(p.pilotRank)",
      "largest range variance c_max ≈ \(p.largestRangeVariance.map(g) ?? "—") (inflated by 2 SE)",
      "recommended: --kept \(p.recommendedKept)  (\(p.recommendedLossEvaluations) loss evaluations; "
        + "n ≳ \(ReadoutPlan.safetyFactor)·d/(1 − √(c_max/σ²))²)",
      "resolution: with n = \(p.recommendedKept) a direction counts as curved only if selection holds its variance below "
        + "(1 − √(d/n))²·σ² = \(g(p.resolvableVarianceRatio))·σ²; weaker curvature is read as flat "
        + "(no pilot can tell it from a null direction)",
    ]
    if p.recommendedKept > 10_000_000 {
      lines.append(
        "note: the recommended run is very large: weak curvature dominates the cost; raising λ helps only as λ^(−2/r)")
    }
    lines += warnings.map { "warning: \($0.message)" }
    return lines.joined(separator: "\n")
  }
}
