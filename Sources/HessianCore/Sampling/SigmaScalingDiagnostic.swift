import Foundation

/// The σ-scaling diagnostic: the slope of log E[L(x*) − L(w*)] against log σ
/// over a few σ, at fixed λ.
///
/// Selection uses only the ranking of losses, so the covariance cannot tell x⁴
/// from x² (they give identical winners); the read-out is then an "effective
/// number of constrained directions at scale σ", which can exceed rank(H) and
/// would break the lower bound rank(H)/2 ≤ λ_LLC (theory §4.6: x⁴ reads 1,
/// (xy)² reads 2, x²y⁴ reads 1, all with rank(H) = 0). The loss *values* of the
/// winners can tell: for a quadratic range E[L(x*) − L(w*)] ∝ σ² (slope 2);
/// quartic-dominated selection gives slope 4 (notes §2.5, last item).
///
/// The slope is a weighted least-squares fit with weights 1/SE², where the
/// standard error of log(mean) is SE = √(var/n)/mean (delta method).
///
/// Cost: `sigmas.count` runs of ``SelectionSampler``, each ⌈n/k⌉·λ loss evaluations.
public struct SigmaScalingDiagnostic: Sendable, Equatable, Codable {
  /// The σ values sampled.
  public let sigmas: [Double]
  /// E[L(x*) − L(w*)] at each σ.
  public let meanExcessLosses: [Double]
  /// The fitted slope of log E[L(x*) − L(w*)] on log σ (2 for a quadratic).
  public let slope: Double
  /// Its standard error.
  public let slopeStandardError: Double
  /// Loss evaluations spent by the diagnostic.
  public let lossEvaluations: Int

  /// The σ multipliers used by default: σ/4, σ/2, σ.
  public static let defaultFactors: [Double] = [0.25, 0.5, 1]

  /// Whether the slope is consistent with a quadratic (2) within
  /// max(3·SE, `tolerance`).
  public func isQuadratic(tolerance: Double = 0.25) -> Bool {
    abs(slope - 2) <= max(3 * slopeStandardError, tolerance)
  }

  /// Runs the sampler at σ·factor for each factor with `kept` points each.
  /// Each σ uses the child stream `1_000_000 + i` of `seed`, disjoint from the
  /// main run's rounds.
  public static func run(
    _ landscape: some LossOracle, sampler: SelectionSampler, factors: [Double] = defaultFactors,
    kept n: Int, seed: UInt64, workers: Int = 1
  ) async throws -> SigmaScalingDiagnostic {
    precondition(factors.count >= 2, "a slope needs at least two σ")
    var sigmas: [Double] = [], means: [Double] = [], ses: [Double] = []
    var evaluations = 0
    for (i, f) in factors.enumerated() {
      let s = try SelectionSampler(
        population: sampler.population, sigma: sampler.sigma * f, scheme: sampler.scheme,
        centerOffset: sampler.centerOffset.map { $0.map { $0 * f } })
      let childSeed = SeededGenerator.childSeed(root: seed, index: 1_000_000 + UInt64(i))
      let run = try await s.sample(landscape, kept: n, seed: childSeed, workers: workers)
      sigmas.append(s.sigma)
      means.append(run.meanExcessLoss)
      ses.append((run.excessLossVariance / Double(n)).squareRoot())
      evaluations += run.lossEvaluations
    }
    let (slope, se) = fitSlope(sigmas: sigmas, means: means, standardErrors: ses)
    return SigmaScalingDiagnostic(
      sigmas: sigmas, meanExcessLosses: means, slope: slope, slopeStandardError: se,
      lossEvaluations: evaluations)
  }

  /// Weighted least squares of log(mean) on log(σ); returns (slope, SE).
  static func fitSlope(sigmas: [Double], means: [Double], standardErrors: [Double]) -> (Double, Double) {
    var sw = 0.0, sx = 0.0, sy = 0.0, sxx = 0.0, sxy = 0.0
    for i in sigmas.indices {
      guard means[i] > 0 else { return (.nan, .nan) }
      let x = log(sigmas[i]), y = log(means[i])
      let seLog = standardErrors[i] / means[i]
      let w = seLog > 0 ? 1 / (seLog * seLog) : 1e12
      sw += w; sx += w * x; sy += w * y; sxx += w * x * x; sxy += w * x * y
    }
    let det = sw * sxx - sx * sx
    guard det > 0 else { return (.nan, .nan) }
    return ((sw * sxy - sx * sy) / det, (sw / det).squareRoot())
  }
}
