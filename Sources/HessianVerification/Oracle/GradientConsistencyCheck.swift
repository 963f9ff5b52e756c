import Foundation

/// Whether an oracle's HVPs agree with central finite differences of its gradient, for an
/// oracle offering both.
///
/// For each unit probe uᵢ (with Huᵢ already computed by ``OracleProductChecks``), one block of
/// 2k points w* ± h·uᵢ is sent to the gradient, and
///
/// ```
/// FDᵢ = (∇L(w* + h uᵢ) − ∇L(w* − h uᵢ)) / (2h)
/// measured = max_i ‖FDᵢ − Huᵢ‖ / max(N, ε^{1/3})
/// ```
///
/// held to ``OracleTrustTolerance/finiteDifferences(precision:)`` with the step
/// ``OracleTrustTolerance/finiteDifferenceStep(center:precision:)`` (N = max ‖Hx‖ over the unit
/// probes; the floor ε^{1/3} keeps a zero Hessian from turning rounding into a failure).
/// Cost: 2k gradients (one block).
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
    var points = Matrix(rows: 2 * u.count, columns: d)
    for (i, x) in u.enumerated() {
      for j in 0..<d {
        points[2 * i, j] = w[j] + h * x[j]
        points[2 * i + 1, j] = w[j] - h * x[j]
      }
    }
    let g = try oracle.gradients(at: points)
    var worst = 0.0
    for i in u.indices {
      let plus = g.row(2 * i), minus = g.row(2 * i + 1)
      let diff = (0..<d).map { (plus[$0] - minus[$0]) / (2 * h) - hu[i][$0] }
      worst = max(worst, OracleProductChecks.length(diff))
    }
    let measured = OracleTrustTolerance.ratio(worst, max(norm, cbrt(precision.epsilon)))
    return OracleTrustCheck.judged(
      .gradientConsistency, measured: measured, tolerance: OracleTrustTolerance.finiteDifferences(precision: precision),
      formula: OracleTrustTolerance.finiteDifferencesFormula, above: .failed,
      message: String(format: "max ‖(∇L(w*+hu) − ∇L(w*−hu))/2h − Hu‖ / ‖H‖ over %d unit probes, h = %.3g", u.count, h))
  }
}
