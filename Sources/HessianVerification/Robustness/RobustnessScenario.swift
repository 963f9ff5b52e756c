import HessianCore

/// One numerical error model of `reproduce robustness`: how the HVP route's products and the
/// covariance route's losses are computed. Each scenario perturbs one route or both; a route a
/// scenario does not touch keeps its exact-model result (reported as unaffected, not re-run).
///
/// | scenario | HVPs | losses | question |
/// |---|---|---|---|
/// | `exact` | exact | exact | the baseline |
/// | `float32` | float32 | float32 | single-precision arithmetic in both routes |
/// | `finite-difference` | central differences of the gradient, balanced h = ε^{1/3}·s | — | the usual HVP fallback |
/// | `finite-difference-h0.1` | central differences, h = 0.1 | — | a too-large step |
/// | `noise-1e-2` | — | L + 10⁻²·z | a small evaluation noise (minibatch-like) |
/// | `noise-1` | — | L + z | a noise of the size of the sampled losses' spread at σ = 1 on a unit-scale quadratic |
///
/// The covariance route takes no derivatives, so finite-difference steps cannot touch it; the HVP
/// route takes no losses, so loss noise cannot touch it (noisy HVPs, the minibatch analogue, are not
/// modelled). Error sizes: Nocedal & Wright, *Numerical Optimization*, 2nd ed., §8.1 (steps);
/// Higham, *Accuracy and Stability of Numerical Algorithms*, 2nd ed., §3.1 (float32).
public enum RobustnessScenario: String, Sendable, Codable, CaseIterable {
  /// Both routes exact.
  case exact
  /// float32 HVPs and float32 losses.
  case float32
  /// Central finite differences of the gradient at the balanced step.
  case finiteDifference = "finite-difference"
  /// Central finite differences of the gradient at h = 0.1.
  case finiteDifferenceLargeStep = "finite-difference-h0.1"
  /// Losses with additive N(0, 10⁻⁴) noise.
  case smallLossNoise = "noise-1e-2"
  /// Losses with additive N(0, 1) noise.
  case largeLossNoise = "noise-1"

  /// The HVP error model of the scenario (exact when it does not touch the HVP route).
  public var hvp: HVPErrorModel {
    switch self {
    case .float32: .float32
    case .finiteDifference: .finiteDifference(step: nil, scheme: .central)
    case .finiteDifferenceLargeStep: .finiteDifference(step: 0.1, scheme: .central)
    case .exact, .smallLossNoise, .largeLossNoise: .exact
    }
  }

  /// The loss error model of the scenario (exact when it does not touch the covariance route).
  public var loss: LossErrorModel {
    switch self {
    case .float32: .float32
    case .smallLossNoise: .noise(sigma: 1e-2)
    case .largeLossNoise: .noise(sigma: 1)
    case .exact, .finiteDifference, .finiteDifferenceLargeStep: .exact
    }
  }

  /// Whether the scenario changes the HVP route's products (the exact baseline counts as touching both).
  public var touchesHVPRoute: Bool { self == .exact || !hvp.isExact }

  /// Whether the scenario changes the covariance route's losses (the exact baseline counts as touching both).
  public var touchesCovarianceRoute: Bool { self == .exact || !loss.isExact }

  /// One line saying what the scenario computes.
  public var summary: String {
    switch self {
    case .exact: "exact HVPs and losses (baseline)"
    case .float32: "float32 HVPs and float32 losses"
    case .finiteDifference: "HVPs by central differences of the gradient, balanced step h = ε^(1/3)·s"
    case .finiteDifferenceLargeStep: "HVPs by central differences of the gradient, step h = 0.1 (too large)"
    case .smallLossNoise: "losses + N(0, (1e-2)²) noise"
    case .largeLossNoise: "losses + N(0, 1) noise"
    }
  }
}
