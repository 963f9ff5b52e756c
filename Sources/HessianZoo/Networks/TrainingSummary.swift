/// How a trained reference point was reached, in reportable form: what `describe`, `rank` and
/// `spectrum` print (JSON key `training`) for an `mlp:…:train=STEPS` landscape (``NetworkTraining``).
public struct TrainingSummary: Sendable, Codable, Equatable {
  /// The optimizer: `"lbfgs"` (``LBFGS``).
  public var optimizer: String
  /// STEPS, the iteration limit asked for.
  public var steps: Int
  /// Iterations made.
  public var iterations: Int
  /// Loss-and-gradient evaluations made (the start's included).
  public var gradientEvaluations: Int
  /// L(w₀).
  public var initialLoss: Double
  /// ‖∇L(w₀)‖₂.
  public var initialGradientNorm: Double
  /// L at the trained point.
  public var loss: Double
  /// ‖∇L‖₂ at the trained point.
  public var gradientNorm: Double
  /// The stopping tolerance on ‖∇L‖₂.
  public var gradientTolerance: Double
  /// Whether ‖∇L‖₂ ≤ the tolerance.
  public var converged: Bool
  /// Why training stopped.
  public var stopReason: MinimizationResult.StopReason
  /// The child stream of the spec's seed that drew w₀.
  public var initialisationStream: UInt64

  /// One line for a human report.
  public var line: String {
    let s = { (x: Double) in String(format: "%.3g", x) }
    return "trained reference point: L-BFGS \(iterations) of \(steps) steps (\(gradientEvaluations) gradients), ‖∇L‖ = \(s(gradientNorm)) "
      + (converged ? "≤" : "> (NOT converged)") + " tolerance \(s(gradientTolerance)), loss \(s(loss)) (from \(s(initialLoss)) at the seeded start, child stream \(initialisationStream))"
  }
}
