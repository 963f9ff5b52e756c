import Foundation

/// Whether w* is a critical point: the gradient there, relative to the curvature scale.
///
/// ```
/// measured = ‖∇L(w*)‖ / (N·max(1, ‖w*‖₂))
/// ```
///
/// with N = max ‖Hx‖ over the unit probes (1 when the oracle offers no HVPs), held to
/// ``OracleTrustTolerance/criticalPoint(precision:)``. Above it the check warns
/// (``WarningCode/notACriticalPoint``) and never refuses: the Hessian there is still what it
/// is, but the rank bounds on λ and the covariance read-out assume a minimum. Cost: 1 gradient.
public enum CriticalPointCheck {
  /// The check on `oracle` (counted), with ‖H‖ estimate `norm` (nil without HVPs).
  ///
  /// - Throws: whatever the gradient oracle throws.
  public static func run(_ oracle: CountingLossOracle, precision: Precision, norm: Double?) throws -> OracleTrustCheck {
    let w = oracle.center
    let g = try oracle.gradients(at: Matrix(rows: 1, columns: w.count, elements: w)).row(0)
    let gradientNorm = OracleProductChecks.length(g)
    let scale = (norm ?? 1) * max(1, OracleProductChecks.length(w))
    let measured = OracleTrustTolerance.ratio(gradientNorm, scale)
    let what = String(format: "‖∇L(w*)‖ = %.3g", gradientNorm) + (norm == nil ? " (no HVPs: ‖H‖ taken as 1)" : "")
    return OracleTrustCheck.judged(
      .criticalPoint, measured: measured, tolerance: OracleTrustTolerance.criticalPoint(precision: precision),
      formula: OracleTrustTolerance.criticalPointFormula, above: .warned,
      message: measured <= OracleTrustTolerance.criticalPoint(precision: precision)
        ? what : what + ": w* is not a critical point; the rank there is not what the bounds on λ assume")
  }
}
