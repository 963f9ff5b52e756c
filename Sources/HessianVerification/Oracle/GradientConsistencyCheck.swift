import Foundation

/// Whether an oracle's HVPs agree with central finite differences of its gradient, for an
/// oracle offering both.
///
/// For each unit probe uᵢ (with Huᵢ already computed by ``OracleProductChecks``), one block of
/// 4k points w* ± h·uᵢ, w* ± (h/2)·uᵢ is sent to the gradient, and
///
/// ```
/// D(s)ᵢ = (∇L(w* + s uᵢ) − ∇L(w* − s uᵢ)) / (2s)          central difference, Huᵢ + O(s²)
/// Rᵢ    = (4·D(h/2)ᵢ − D(h)ᵢ) / 3                          Richardson: Huᵢ + O(h⁴)
/// measured = max_i ‖Rᵢ − Huᵢ‖ / max(N, ε^{1/3})
/// ```
///
/// The extrapolation removes the s² truncation term, which third and fourth derivatives make
/// and which is not small against a Hessian that vanishes at w* (x⁴ at 0: D(h) = 4h², H = 0;
/// plain central differences would refuse this correct oracle).
///
/// held to ``OracleTrustTolerance/finiteDifferences(precision:)`` with the step
/// ``OracleTrustTolerance/finiteDifferenceStep(center:precision:)`` (N = max ‖Hx‖ over the unit
/// probes; the floor ε^{1/3} keeps a zero Hessian from turning rounding into a failure).
/// Cost: 4k gradients (one block).
public enum GradientConsistencyCheck {
  /// The check on `oracle` (counted) for probes `u` with products `hu` and ‖H‖ estimate `norm`.
  ///
  /// - Throws: whatever the gradient oracle throws.
  public static func run(
    _ oracle: CountingLossOracle, precision: Precision, probes u: [[Double]], products hu: [[Double]], norm: Double
  ) throws -> OracleTrustCheck {
    let d = oracle.dimension
    let w = oracle.center
    let h = OracleTrustTolerance.finiteDifferenceStep(center: w, precision: precision)
    let steps = [h, h / 2]
    var points = Matrix(rows: 4 * u.count, columns: d)
    for (i, x) in u.enumerated() {
      for (k, s) in steps.enumerated() {
        for j in 0..<d {
          points[4 * i + 2 * k, j] = w[j] + s * x[j]
          points[4 * i + 2 * k + 1, j] = w[j] - s * x[j]
        }
      }
    }
    let g = try oracle.gradients(at: points)
    var worst = 0.0
    for i in u.indices {
      func central(_ k: Int) -> [Double] {
        let plus = g.row(4 * i + 2 * k), minus = g.row(4 * i + 2 * k + 1)
        return (0..<d).map { (plus[$0] - minus[$0]) / (2 * steps[k]) }
      }
      let coarse = central(0), fine = central(1)
      let diff = (0..<d).map { (4 * fine[$0] - coarse[$0]) / 3 - hu[i][$0] }
      worst = max(worst, OracleProductChecks.length(diff))
    }
    let measured = OracleTrustTolerance.ratio(worst, max(norm, cbrt(precision.epsilon)))
    return OracleTrustCheck.judged(
      .gradientConsistency, measured: measured, tolerance: OracleTrustTolerance.finiteDifferences(precision: precision),
      formula: OracleTrustTolerance.finiteDifferencesFormula, above: .failed,
      message: String(format: "max ‖R − Hu‖ / ‖H‖ over %d unit probes, R the Richardson extrapolation of central differences of ∇L at h = %.3g and h/2", u.count, h))
  }
}
