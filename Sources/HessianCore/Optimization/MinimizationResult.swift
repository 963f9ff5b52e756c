/// The result of a deterministic minimiser (``LBFGS``): where it stopped, how far from stationary
/// that point is, what it cost and why it stopped.
public struct MinimizationResult: Sendable, Equatable {
  /// Why a minimiser stopped.
  public enum StopReason: String, Sendable, Codable, CaseIterable {
    /// ‖∇L‖₂ reached the tolerance: the point is stationary to that tolerance.
    case gradientTolerance
    /// The iteration limit was reached first.
    case iterationLimit
    /// The line search found no step that decreases the loss at working precision: comparing loss values
    /// resolves decreases down to about ε·|L|, so a loss whose minimum value L\* is far from 0 stops near
    /// ‖∇L‖ ≈ √(ε·|L\*|·λ_max) (a squared loss with zero residual, L\* = 0, does not meet this floor).
    case lineSearchFailed
    /// The loss or the gradient became non-finite.
    case nonFinite
  }

  /// The last point x.
  public var point: [Double]
  /// L(x).
  public var loss: Double
  /// ‖∇L(x)‖₂.
  public var gradientNorm: Double
  /// L(x₀).
  public var initialLoss: Double
  /// ‖∇L(x₀)‖₂.
  public var initialGradientNorm: Double
  /// Iterations completed (accepted steps).
  public var iterations: Int
  /// Loss-and-gradient evaluations made, the start point's included.
  public var gradientEvaluations: Int
  /// The tolerance on ‖∇L‖₂ the run stopped at (or aimed for).
  public var gradientTolerance: Double
  /// Why the run stopped.
  public var stopReason: StopReason

  /// Whether ‖∇L(x)‖₂ ≤ ``gradientTolerance``.
  public var converged: Bool { stopReason == .gradientTolerance }
}
