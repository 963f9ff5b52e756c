/// The settings of `check` besides the estimate: the false-failure probability α, the
/// eigenvalue tolerance used without a standard error, and the selection of a covariance estimate.
public struct CheckOptions: Sendable, Equatable {
  /// α: the probability that a correct estimate with an honest (Gaussian) standard error fails;
  /// in (0, 0.5]. Default 0.01.
  public var falseFailureProbability: Double
  /// The relative tolerance τ of an eigenvalue estimate without a standard error: each error must be
  /// at most τ·max|h|. Nil: √ε of the landscape's precision (1.5·10⁻⁸ for float64).
  public var relativeTolerance: Double?
  /// The (1,λ) selection of a `covariance-scale` estimate (required for that quantity only).
  public var selection: CovarianceSelection?

  /// The default α of `check`.
  public static let defaultFalseFailureProbability = 0.01

  /// Options as given.
  public init(falseFailureProbability: Double = CheckOptions.defaultFalseFailureProbability, relativeTolerance: Double? = nil, selection: CovarianceSelection? = nil) {
    self.falseFailureProbability = falseFailureProbability
    self.relativeTolerance = relativeTolerance
    self.selection = selection
  }

  /// Checks α ∈ (0, 0.5], τ finite and ≥ 0, and the selection when present.
  ///
  /// - Throws: ``InputError/parameter(_:value:problem:)`` naming the parameter.
  public func validate() throws(InputError) {
    let a = falseFailureProbability
    guard a.isFinite, a > 0, a <= 0.5 else {
      throw .parameter(.falseFailureProbability, value: "\(a)", problem: "α = \(a) must be in (0, 0.5] (the probability that a correct estimate fails)")
    }
    if let t = relativeTolerance, !(t.isFinite && t >= 0) {
      throw .parameter(.tolerance, value: "\(t)", problem: "τ = \(t) must be a finite number ≥ 0 (relative to the largest |eigenvalue|)")
    }
    try selection?.validate()
  }
}
