import Foundation

/// How the Hessian-vector products of a run are computed: exactly (the source's own products),
/// by finite differences of the gradient, or in single precision. The error model of issue 20's
/// question "aren't second derivatives prone to numerical errors?": every HVP route can be run
/// under each model, and its threshold follows the model's accuracy
/// (``SymmetricOperator/accuracy``), so that product error is not counted as curvature.
///
/// | model | product | a-priori relative accuracy δ₀ at unit scale (ε = 2⁻⁵²) |
/// |---|---|---|
/// | `exact` | the source's H·x | ε (the source's precision) |
/// | `finiteDifference(.central)` | (∇L(w+h v̂) − ∇L(w−h v̂))/(2h)·‖v‖ | (h/s)²/6 + ε·s/h ≈ 1.2·ε^{2/3} at h = ε^{1/3}·s |
/// | `finiteDifference(.forward)` | (∇L(w+h v̂) − ∇L(w))/h·‖v‖ | (h/s)/2 + 2ε·s/h ≈ 2.5·ε^{1/2} at h = ε^{1/2}·s |
/// | `float32` | H·x with float32 operands and float32 accumulation | 2⁻²³ (``Precision/float32``) |
///
/// s = max(1, max|wᵢ|) is the scale of the point w (the unit vector v̂ = v/‖v‖ has scale 1); δ₀
/// assumes the loss's derivatives are of the size of ‖H‖ at that scale. A finite-difference
/// operator does not rely on that assumption: it measures its truncation error on every product
/// (``FiniteDifferenceHessian``), and the δ of its threshold is max(rounding term, measured error). Each model's product counts as one HVP; a finite-difference
/// product also reports its gradient evaluations.
///
/// Steps: Nocedal & Wright, *Numerical Optimization*, 2nd ed., §8.1 (eqs. 8.6–8.9); float32
/// products: Higham, *Accuracy and Stability of Numerical Algorithms*, 2nd ed., §3.1 (γ_n = nu/(1 − nu)).
public enum HVPErrorModel: Sendable, Equatable, Hashable {
  /// The source's own products (the default; every existing output is of this model).
  case exact
  /// Finite differences of the gradient with step `step` (`nil`: the balanced default
  /// ``FiniteDifferenceScheme/defaultStep(scale:epsilon:)``) in the direction v̂ = v/‖v‖.
  case finiteDifference(step: Double?, scheme: FiniteDifferenceScheme)
  /// Products in IEEE single precision (``Float32Hessian``).
  case float32

  /// The model's name as the command line and the JSON spell it.
  public var name: String {
    switch self {
    case .exact: "exact"
    case .finiteDifference: "finite-difference"
    case .float32: "float32"
    }
  }

  /// Whether the model is the source's own products (nothing is wrapped).
  public var isExact: Bool { self == .exact }

  /// The operator whose products follow this model.
  ///
  /// - Parameters:
  ///   - source: the exact Hessian (used by `exact` and `float32`).
  ///   - gradients: the loss whose gradients the finite differences take, centred at the point
  ///     of the Hessian (a landscape, an oracle with gradients); `nil` when there is none.
  /// - Throws: ``InputError`` when a finite-difference model has no gradients to difference.
  public func hessian(
    of source: any SymmetricOperator, gradients: (any LossOracle)?
  ) throws(InputError) -> any SymmetricOperator {
    switch self {
    case .exact: return source
    case .float32: return Float32Hessian(source)
    case let .finiteDifference(step, scheme):
      guard let gradients else {
        throw InputError.value(
          argument, problem: "finite-difference products need the loss's gradients, which this source does not offer")
      }
      return FiniteDifferenceHessian(gradients, scheme: scheme, step: step, precision: source.precision)
    }
  }
}

/// The difference quotient of a finite-difference Hessian-vector product.
public enum FiniteDifferenceScheme: String, Sendable, Codable, CaseIterable, Hashable {
  /// (∇L(w+h v̂) − ∇L(w−h v̂))/(2h): truncation (h²/6)·∇⁴L[v̂,v̂,v̂,·], two gradients per product.
  case central
  /// (∇L(w+h v̂) − ∇L(w))/h: truncation (h/2)·∇³L[v̂,v̂,·], one gradient per product (plus ∇L(w) once).
  case forward

  /// The step that balances truncation and rounding (Nocedal & Wright §8.1):
  /// h = ε^{1/3}·s (central) or ε^{1/2}·s (forward), with s = max(1, max|wᵢ|) the point's scale.
  public func defaultStep(scale s: Double, epsilon: Double = Double.ulpOfOne) -> Double {
    switch self {
    case .central: cbrt(epsilon) * s
    case .forward: epsilon.squareRoot() * s
    }
  }

  /// The a-priori relative accuracy δ₀(h) of one product at step h: truncation plus rounding,
  /// (h/s)²/6 + ε·s/h (central) or (h/s)/2 + 2ε·s/h (forward), for a loss whose third and fourth
  /// derivatives are of the size of ‖H‖/s and whose gradient terms are of the size ‖H‖·s.
  public func aPrioriAccuracy(step h: Double, scale s: Double, epsilon: Double = Double.ulpOfOne) -> Double {
    let r = h / s
    switch self {
    case .central: return r * r / 6 + epsilon / r
    case .forward: return r / 2 + 2 * epsilon / r
    }
  }

  /// Gradient evaluations per product (besides the forward scheme's one ∇L(w)).
  public var gradientsPerProduct: Int { self == .central ? 2 : 1 }

  /// The order p of the truncation error O(hᵖ): 2 (central) or 1 (forward). A Richardson
  /// estimate of the error at h from the products at h and h/2 is (D_h − D_{h/2})·2ᵖ/(2ᵖ − 1).
  public var order: Int { self == .central ? 2 : 1 }
}
