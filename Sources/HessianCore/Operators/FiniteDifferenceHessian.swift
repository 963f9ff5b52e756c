import Foundation

/// Hessian-vector products by finite differences of the gradient, with their error measured on
/// every product: the ``HVPErrorModel/finiteDifference(step:scheme:)`` model.
///
/// For a column v (unit direction v̂ = v/‖v‖, so the step h is a distance in parameter space):
///
/// ```
/// central:  D_h v = ‖v‖·(∇L(w + h v̂) − ∇L(w − h v̂)) / (2h) = Hv + (h²/6)·‖v‖·∇⁴L[v̂,v̂,v̂,·] + O(h⁴) + rounding
/// forward:  D_h v = ‖v‖·(∇L(w + h v̂) − ∇L(w)) / h        = Hv + (h/2)·‖v‖·∇³L[v̂,v̂,·]    + O(h²) + rounding
/// rounding: ≲ ε·G/h (central) or 2ε·G/h (forward), G the size of the gradient's terms
/// ```
///
/// (Nocedal & Wright, *Numerical Optimization*, 2nd ed., §8.1, eqs. 8.5–8.9, applied to ∇L.)
/// The default step balances the two, h = ε^{1/3}·s (central) or ε^{1/2}·s (forward),
/// s = max(1, max|wᵢ|); the a-priori accuracy is ``FiniteDifferenceScheme/aPrioriAccuracy(step:scale:epsilon:)``.
/// D_h is positively homogeneous but not linear in v, and not exactly symmetric: its defect is
/// the truncation term.
///
/// **Measured error.** Every product is also taken at h/2, and the Richardson estimate
/// ‖D_h v − D_{h/2} v‖·2ᵖ/(2ᵖ − 1) (p = 2 central, 1 forward; exact for the truncation term of a
/// quartic loss) of its error is kept: the largest, relative to the largest ‖D_h v‖/‖v‖ seen, is
/// ``measuredAccuracy``. ``accuracy`` (δ of the rank threshold) is the larger of the rounding
/// term ε·s/h (2ε·s/h forward) and the measured error: the truncation is measured, not assumed
/// (a quadratic has none at any step), so a step too large for the loss raises τ instead of
/// counting the truncation term as curvature, and ``productWarnings`` then carries
/// ``WarningCode/finiteDifferenceInaccurate``.
///
/// Cost per column: one HVP (counted by the ``HessianOperator`` around it), and 4 gradients
/// (central: ±h and ±h/2) or 2 (forward: h and h/2), plus ∇L(w) once for the forward scheme, all
/// of one block in one ``LossOracle/gradients(at:)`` call; counted in ``gradientEvaluations``.
/// A zero column costs nothing and gives zero.
public final class FiniteDifferenceHessian: SymmetricOperator, @unchecked Sendable {
  /// The point w (the oracle's centre).
  public let point: [Double]
  /// The scheme of the difference quotient.
  public let scheme: FiniteDifferenceScheme
  /// The step h (a distance in parameter space).
  public let step: Double
  /// s = max(1, max|wᵢ|), the scale of w the default step and the a-priori accuracy use.
  public let scale: Double
  /// The precision of the gradients (ε of the rounding term).
  public let precision: Precision
  /// δ₀(h), the a-priori relative accuracy of a product (``FiniteDifferenceScheme/aPrioriAccuracy(step:scale:epsilon:)``).
  public let aPrioriAccuracy: Double
  /// The rounding term of δ₀(h): ε·s/h (central) or 2ε·s/h (forward), the floor of ``accuracy``.
  public let roundingAccuracy: Double
  /// δ₀(h*) at the balanced step h* (``FiniteDifferenceScheme/defaultStep(scale:epsilon:)``): the
  /// best accuracy the scheme reaches on a loss of unit scale.
  public let balancedAccuracy: Double
  /// ``productWarnings`` fires when the measured accuracy exceeds this many times
  /// ``balancedAccuracy``: the model takes the loss's derivatives at unit scale, and rounding alone
  /// can make the Richardson estimate up to 2·(1 + 2ᵖ)/(2ᵖ − 1) ≤ 6 times δ₀(h*)'s rounding term.
  public static let inaccuracyFactor = 10.0
  private let oracle: CountingLossOracle
  private let state = Locked(Measurement())

  struct Measurement {
    var largestError = 0.0
    var largestProduct = 0.0
    var baseGradient: [Double]? = nil
  }

  /// Finite-difference products of `gradients`' loss at its centre.
  ///
  /// - Parameters:
  ///   - gradients: the loss; its ``LossOracle/center`` is w and its gradients are differenced.
  ///   - scheme: central (default) or forward.
  ///   - step: h > 0; `nil` for the balanced default.
  ///   - precision: the precision of the gradients (default float64).
  public init(
    _ gradients: any LossOracle, scheme: FiniteDifferenceScheme = .central, step: Double? = nil,
    precision: Precision = .float64
  ) {
    oracle = CountingLossOracle(gradients)
    point = gradients.center
    self.scheme = scheme
    self.precision = precision
    scale = max(1, point.map(abs).max() ?? 0)
    let h = step ?? scheme.defaultStep(scale: scale, epsilon: precision.epsilon)
    self.step = h
    aPrioriAccuracy = scheme.aPrioriAccuracy(step: h, scale: scale, epsilon: precision.epsilon)
    roundingAccuracy = Double(scheme.order == 2 ? 1 : 2) * precision.epsilon * scale / h
    balancedAccuracy = scheme.aPrioriAccuracy(
      step: scheme.defaultStep(scale: scale, epsilon: precision.epsilon), scale: scale, epsilon: precision.epsilon)
  }

  /// d, the length of w.
  public var dimension: Int { point.count }
  /// Gradients evaluated so far (counted by a ``CountingLossOracle``).
  public var gradientEvaluations: Int { oracle.gradientEvaluations }

  /// The largest Richardson error estimate relative to the largest ‖D_h v‖/‖v‖ seen; 0 before
  /// the first non-zero product.
  public var measuredAccuracy: Double {
    state.withLock { $0.largestProduct > 0 ? $0.largestError / $0.largestProduct : 0 }
  }

  /// δ of the rank threshold: max(rounding term, measured error).
  public var accuracy: Double { max(roundingAccuracy, measuredAccuracy) }

  /// ``WarningCode/finiteDifferenceInaccurate`` when ``accuracy`` is above
  /// ``inaccuracyFactor``·``balancedAccuracy``: the products are far less accurate than the
  /// balanced step would make them (a step too large for the loss's higher derivatives, a step
  /// so small that rounding dominates, or gradients noisier than ε).
  public var productWarnings: [Warning] {
    let measured = accuracy
    guard measured > Self.inaccuracyFactor * balancedAccuracy else { return [] }
    let f = { (x: Double) in String(format: "%.3g", x) }
    let balanced = scheme.defaultStep(scale: scale, epsilon: precision.epsilon)
    let cause = step > balanced
      ? "the step is too large for this loss's higher derivatives"
      : "the gradients are noisier than the step assumes"
    return [Warning(
      .finiteDifferenceInaccurate,
      "finite-difference products (\(scheme.rawValue), h = \(f(step))) are accurate only to \(f(measured)) relative "
        + "(Richardson estimate from h and h/2), more than \(Int(Self.inaccuracyFactor))× the \(f(balancedAccuracy)) of the "
        + "balanced step h = \(f(balanced)): \(cause); τ follows the measured error, and eigenvalues below it are not resolved")]
  }

  /// D_h·X column by column (one gradient block for the whole of X). Cost: X.columns HVPs;
  /// 4 (central) or 2 (forward) gradients per non-zero column.
  ///
  /// - Throws: whatever the oracle's gradients throw.
  public func apply(_ block: Matrix) throws -> Matrix {
    let d = dimension, k = block.columns
    var out = Matrix(rows: d, columns: k)
    var norms = [Double](repeating: 0, count: k)
    for j in 0..<k { norms[j] = (0..<d).reduce(0.0) { $0 + block.elements[$1 * k + j] * block.elements[$1 * k + j] }.squareRoot() }
    let live = (0..<k).filter { norms[$0] > 0 }
    guard !live.isEmpty else { return out }
    let offsets: [Double] = scheme == .central ? [step, -step, step / 2, -step / 2] : [step, step / 2]
    var points = Matrix(rows: live.count * offsets.count, columns: d)
    for (c, j) in live.enumerated() {
      for (o, t) in offsets.enumerated() {
        let row = (c * offsets.count + o) * d
        for i in 0..<d { points.elements[row + i] = point[i] + t * block.elements[i * k + j] / norms[j] }
      }
    }
    let g = try oracle.gradients(at: points)
    let base = scheme == .forward ? try baseGradient() : []
    let p = Double(1 << scheme.order)
    var largestError = 0.0, largestProduct = 0.0
    for (c, j) in live.enumerated() {
      let r = c * offsets.count * d
      var productNorm = 0.0, errorNorm = 0.0
      for i in 0..<d {
        let (full, half): (Double, Double)
        if scheme == .central {
          full = (g.elements[r + i] - g.elements[r + d + i]) / (2 * step)
          half = (g.elements[r + 2 * d + i] - g.elements[r + 3 * d + i]) / step
        } else {
          full = (g.elements[r + i] - base[i]) / step
          half = (g.elements[r + d + i] - base[i]) / (step / 2)
        }
        out.elements[i * k + j] = full * norms[j]
        productNorm += full * full
        errorNorm += (full - half) * (full - half)
      }
      largestProduct = max(largestProduct, productNorm.squareRoot())
      largestError = max(largestError, errorNorm.squareRoot() * p / (p - 1))
    }
    state.withLock {
      $0.largestError = max($0.largestError, largestError)
      $0.largestProduct = max($0.largestProduct, largestProduct)
    }
    return out
  }

  /// ∇L(w), evaluated once (forward scheme).
  private func baseGradient() throws -> [Double] {
    if let g = state.withLock({ $0.baseGradient }) { return g }
    let g = try oracle.gradients(at: Matrix(rows: 1, columns: dimension, elements: point)).elements
    state.withLock { $0.baseGradient = g }
    return g
  }
}
