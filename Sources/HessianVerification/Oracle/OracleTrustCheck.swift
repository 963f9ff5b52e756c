import Foundation

/// The result of one trust check of a ``ModelOracle`` (``OracleTrustChecks``): what was
/// measured, against which tolerance, and whether the oracle passed.
///
/// JSON: `{"check", "outcome", "measured", "tolerance", "toleranceFormula", "message"}`
/// (`measured` and `tolerance` null when the check was skipped).
public struct OracleTrustCheck: Sendable, Codable, Equatable {
  /// Which property of the oracle is checked.
  public enum Kind: String, Sendable, Codable, CaseIterable {
    /// The products are symmetric: uᵀ(Hv) = vᵀ(Hu) (``OracleProductChecks``).
    case symmetry
    /// The products are linear: H(au + bv) = aHu + bHv (``OracleProductChecks``).
    case linearity
    /// The HVPs agree with central finite differences of the gradient (``GradientConsistencyCheck``).
    case gradientConsistency
    /// The gradient vanishes at w*, so w* is a critical point (``CriticalPointCheck``).
    case criticalPoint
  }

  /// How the check ended.
  public enum Outcome: String, Sendable, Codable, CaseIterable {
    /// Measured at or below the tolerance.
    case passed
    /// Measured above the tolerance: the oracle is not to be trusted (the run is refused
    /// unless the caller accepts it, ``OracleTrustPolicy/warn``).
    case failed
    /// Measured above the tolerance, for a check that only warns (``Kind/criticalPoint``).
    case warned
    /// Not run: the oracle lacks a capability it needs (``message`` says which).
    case skipped
  }

  /// The property checked (JSON `check`).
  public var kind: Kind
  /// Passed, failed, warned or skipped.
  public var outcome: Outcome
  /// The measured relative discrepancy (the largest over the probes); nil when skipped.
  public var measured: Double?
  /// The tolerance it is held to; nil when skipped.
  public var tolerance: Double?
  /// The tolerance's formula, e.g. `100·√d·ε`.
  public var toleranceFormula: String
  /// One line: what was measured and what it means.
  public var message: String

  /// A check result from its parts.
  public init(kind: Kind, outcome: Outcome, measured: Double?, tolerance: Double?, toleranceFormula: String, message: String) {
    self.kind = kind
    self.outcome = outcome
    self.measured = measured
    self.tolerance = tolerance
    self.toleranceFormula = toleranceFormula
    self.message = message
  }

  /// A check that compares `measured` with `tolerance`; above it the outcome is `above`.
  static func judged(
    _ kind: Kind, measured: Double, tolerance: Double, formula: String, above: Outcome, message: String
  ) -> OracleTrustCheck {
    let ok = measured <= tolerance  // NaN is not ≤: a NaN measurement fails
    return OracleTrustCheck(
      kind: kind, outcome: ok ? .passed : above, measured: measured, tolerance: tolerance, toleranceFormula: formula,
      message: message)
  }

  /// A check not run, with the reason.
  static func skipped(_ kind: Kind, formula: String, because reason: String) -> OracleTrustCheck {
    OracleTrustCheck(kind: kind, outcome: .skipped, measured: nil, tolerance: nil, toleranceFormula: formula, message: reason)
  }

  /// `symmetry passed: 3.1e-17 ≤ 2.2e-13 (100·√d·ε)`, or `… skipped: REASON`.
  public var line: String {
    guard let m = measured, let t = tolerance else { return "\(kind.rawValue) skipped: \(message)" }
    let relation = m <= t ? "≤" : ">"
    let g = { (x: Double) in String(format: "%.3g", x) }
    return "\(kind.rawValue) \(outcome.rawValue): \(g(m)) \(relation) \(g(t)) (\(toleranceFormula)): \(message)"
  }

  private enum CodingKeys: String, CodingKey { case kind = "check", outcome, measured, tolerance, toleranceFormula, message }

  /// Every key present (`measured`, `tolerance` null when skipped).
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(kind, forKey: .kind)
    try c.encode(outcome, forKey: .outcome)
    try c.encode(measured, forKey: .measured)
    try c.encode(tolerance, forKey: .tolerance)
    try c.encode(toleranceFormula, forKey: .toleranceFormula)
    try c.encode(message, forKey: .message)
  }
}
