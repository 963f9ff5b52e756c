/// A line search that finds a step satisfying the strong Wolfe conditions, by bracketing and
/// zooming with safeguarded cubic interpolation (Nocedal & Wright, *Numerical Optimization*,
/// 2nd ed., 2006, Algorithms 3.5 and 3.6).
///
/// Along a descent direction p at x, with φ(α) = L(x + αp) and φ′(0) = ∇L(x)ᵀp < 0, it returns an α > 0 with
///
///     φ(α) ≤ φ(0) + c₁·α·φ′(0)         (sufficient decrease, c₁ = 10⁻⁴)
///     |φ′(α)| ≤ c₂·|φ′(0)|             (strong curvature, c₂ = 0.9)
///
/// which guarantees sᵀy > 0 for the L-BFGS update (N&W Lemma 3.1 and §6.1). Each trial step costs
/// one loss and one gradient; a search makes at most ``maximumEvaluations`` trials.
public enum StrongWolfeLineSearch {
  /// c₁ of the sufficient-decrease condition.
  public static let sufficientDecrease = 1e-4
  /// c₂ of the curvature condition (the usual value for quasi-Newton methods, N&W §3.1).
  public static let curvature = 0.9
  /// The most trial steps one search makes (each one loss and one gradient).
  public static let maximumEvaluations = 20

  /// A trial point: x + αp, its loss, its gradient and φ′(α) = ∇L(x + αp)ᵀp.
  public struct Trial: Sendable {
    /// α.
    public var step: Double
    /// x + αp.
    public var point: [Double]
    /// φ(α) = L(x + αp).
    public var loss: Double
    /// ∇L(x + αp).
    public var gradient: [Double]
    /// φ′(α).
    public var slope: Double
  }

  /// The outcome: the accepted trial, or `nil` when no step met both conditions within
  /// ``maximumEvaluations`` trials (the loss cannot be decreased at working precision along p, or p is not a
  /// descent direction); and the number of trials made.
  public struct Outcome: Sendable {
    /// The accepted step, or `nil` on failure.
    public var accepted: Trial?
    /// Trial steps evaluated (each one loss and one gradient).
    public var evaluations: Int
  }

  /// Searches along `direction` from `point`, starting with the step `initialStep`.
  ///
  /// - Parameters:
  ///   - evaluate: the objective, returning (L(w), ∇L(w)); one call per trial.
  ///   - point: x.
  ///   - loss: L(x).
  ///   - gradient: ∇L(x).
  ///   - direction: p, with ∇L(x)ᵀp < 0.
  ///   - initialStep: the first trial α₁ > 0 (1 for quasi-Newton directions).
  /// - Returns: the accepted trial and the cost. Complexity: at most ``maximumEvaluations`` evaluations
  ///   and O(d) memory per trial.
  /// - Throws: what `evaluate` throws.
  public static func search(
    evaluate: ([Double]) throws -> (loss: Double, gradient: [Double]),
    point: [Double], loss: Double, gradient: [Double], direction: [Double], initialStep: Double
  ) rethrows -> Outcome {
    let slope0 = dot(gradient, direction)
    guard slope0 < 0, loss.isFinite else { return Outcome(accepted: nil, evaluations: 0) }
    var evaluations = 0
    func trial(_ alpha: Double) throws -> Trial {
      evaluations += 1
      var x = point
      for i in x.indices { x[i] += alpha * direction[i] }
      let (f, g) = try evaluate(x)
      return Trial(step: alpha, point: x, loss: f, gradient: g, slope: dot(g, direction))
    }
    func armijo(_ t: Trial) -> Bool { t.loss.isFinite && t.loss <= loss + sufficientDecrease * t.step * slope0 }
    func curved(_ t: Trial) -> Bool { abs(t.slope) <= -curvature * slope0 }
    let start = Trial(step: 0, point: point, loss: loss, gradient: gradient, slope: slope0)
    var previous = start
    var alpha = initialStep
    // Bracketing phase (Algorithm 3.5).
    while evaluations < maximumEvaluations {
      let t = try trial(alpha)
      if !armijo(t) || (evaluations > 1 && t.loss >= previous.loss) {
        return try zoom(low: previous, high: t, trial: trial, armijo: armijo, curved: curved, count: { evaluations })
      }
      if curved(t) { return Outcome(accepted: t, evaluations: evaluations) }
      if t.slope >= 0 {
        return try zoom(low: t, high: previous, trial: trial, armijo: armijo, curved: curved, count: { evaluations })
      }
      previous = t
      alpha *= 2
    }
    return Outcome(accepted: nil, evaluations: evaluations)
  }

  /// Algorithm 3.6: shrinks [low, high] (low satisfies sufficient decrease and has the lower loss)
  /// until a trial meets both conditions or the evaluation cap is reached.
  static func zoom(
    low lowIn: Trial, high highIn: Trial, trial: (Double) throws -> Trial, armijo: (Trial) -> Bool,
    curved: (Trial) -> Bool, count: () -> Int
  ) rethrows -> Outcome {
    var low = lowIn, high = highIn
    while count() < maximumEvaluations {
      let alpha = interpolate(low, high)
      guard alpha != low.step, alpha != high.step else { break }  // the bracket is below rounding
      let t = try trial(alpha)
      if !armijo(t) || t.loss >= low.loss {
        high = t
      } else {
        if curved(t) { return Outcome(accepted: t, evaluations: count()) }
        if t.slope * (high.step - low.step) >= 0 { high = low }
        low = t
      }
    }
    return Outcome(accepted: nil, evaluations: count())
  }

  /// The minimiser of the cubic through (α, φ, φ′) at both ends (N&W eq. 3.59), kept at least 10% of
  /// the bracket away from either end; the midpoint when the cubic has no usable minimiser.
  static func interpolate(_ a: Trial, _ b: Trial) -> Double {
    let lo = min(a.step, b.step), hi = max(a.step, b.step)
    let width = hi - lo
    let mid = lo + width / 2
    guard a.loss.isFinite, b.loss.isFinite, a.slope.isFinite, b.slope.isFinite, width > 0 else { return mid }
    let d1 = a.slope + b.slope - 3 * (a.loss - b.loss) / (a.step - b.step)
    let disc = d1 * d1 - a.slope * b.slope
    guard disc >= 0 else { return mid }
    let d2 = (b.step > a.step ? 1.0 : -1.0) * disc.squareRoot()
    let denominator = b.slope - a.slope + 2 * d2
    guard denominator != 0 else { return mid }
    let alpha = b.step - (b.step - a.step) * (b.slope + d2 - d1) / denominator
    guard alpha.isFinite else { return mid }
    return min(max(alpha, lo + 0.1 * width), hi - 0.1 * width)
  }

  /// xᵀy, summed in index order (deterministic).
  static func dot(_ x: [Double], _ y: [Double]) -> Double {
    var s = 0.0
    for i in x.indices { s += x[i] * y[i] }
    return s
  }
}
