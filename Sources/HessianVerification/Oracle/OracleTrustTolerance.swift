import Foundation

/// The tolerances of the oracle trust checks, each derived from the oracle's declared
/// precision ε (2⁻⁵² for float64, 2⁻²³ for float32) and the dimension d.
///
/// ```
/// products (symmetry, linearity):  τ_p  = 100·√d·ε
///     rounding in a d-term inner product grows like √d·ε relative to ‖H‖ (random signs);
///     the factor 100 leaves room for the oracle's own arithmetic (autodiff, reductions).
/// finite differences:              h    = ε^{1/3}·max(1, ‖w*‖∞)
///                                  τ_fd = 1000·ε^{2/3}
///     central differences err by h²·‖∇³L‖/6 (truncation) + ε·|∇L|/h (rounding); h = ε^{1/3}
///     balances the two at ~ε^{2/3}; the factor 1000 covers third derivatives up to ~10³·‖H‖.
/// critical point:                  τ_g  = √ε
///     ‖∇L(w*)‖ / (‖H‖·max(1, ‖w*‖₂)): an optimiser stopped at a relative gradient of √ε
///     (1.5·10⁻⁸ in float64, 3.5·10⁻⁴ in float32) passes; ‖H‖ is taken as 1 without HVPs.
/// ```
///
/// Every discrepancy is measured relative to N = max ‖H x‖ over the unit probe vectors x, a
/// lower estimate of ‖H‖ (0/0 counts as 0: a zero Hessian is symmetric and linear).
public enum OracleTrustTolerance {
  /// τ_p = 100·√d·ε, the tolerance of the symmetry and linearity checks.
  public static func products(dimension d: Int, precision: Precision) -> Double {
    100 * Double(max(d, 1)).squareRoot() * precision.epsilon
  }

  /// The formula of ``products(dimension:precision:)``.
  public static let productsFormula = "100·√d·ε"

  /// h = ε^{1/3}·max(1, ‖w*‖∞), the central-difference step along a unit direction.
  public static func finiteDifferenceStep(center: [Double], precision: Precision) -> Double {
    cbrt(precision.epsilon) * max(1, center.map(abs).max() ?? 0)
  }

  /// τ_fd = 1000·ε^{2/3}, the tolerance of the gradient-consistency check.
  public static func finiteDifferences(precision: Precision) -> Double {
    1000 * pow(precision.epsilon, 2.0 / 3)
  }

  /// The formula of ``finiteDifferences(precision:)``.
  public static let finiteDifferencesFormula = "1000·ε^(2/3), step h = ε^(1/3)·max(1, ‖w*‖∞)"

  /// τ_g = √ε, the tolerance of the critical-point check.
  public static func criticalPoint(precision: Precision) -> Double { precision.epsilon.squareRoot() }

  /// The formula of ``criticalPoint(precision:)``.
  public static let criticalPointFormula = "√ε, of ‖∇L(w*)‖ / (‖H‖·max(1, ‖w*‖₂))"

  /// a / b, with 0/0 = 0 (and x/0 = ∞ for x > 0).
  static func ratio(_ a: Double, _ b: Double) -> Double {
    if b > 0 { return a / b }
    return a == 0 ? 0 : .infinity
  }
}
