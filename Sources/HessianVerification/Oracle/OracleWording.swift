import Foundation

/// Rewords the few method warnings that say "exact" in a sense that does not fit a model behind
/// an oracle, where nothing is exact: every number is an estimate. Only the message changes;
/// the ``WarningCode`` (the contract) is kept.
///
/// | method text | on an oracle |
/// |---|---|
/// | the rounded rank is exact with 95% probability | the rounded rank is the count above τ with 95% probability |
/// | (a run that breaks down, … steps, is exact) | (… steps, has seen every eigenvalue of its start vector) |
public enum OracleWording {
  /// The phrases replaced, in order.
  public static let replacements: [(String, String)] = [
    ("the rounded rank is exact with 95% probability", "the rounded rank is the count above τ with 95% probability"),
    ("steps, is exact)", "steps, has seen every eigenvalue of its start vector)"),
  ]

  /// `warning` with its message reworded.
  public static func plain(_ warning: Warning) -> Warning {
    Warning(warning.code, replacements.reduce(warning.message) { $0.replacingOccurrences(of: $1.0, with: $1.1) })
  }
}
