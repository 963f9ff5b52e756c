/// Why a CMA-ES run (``CMAESEstimator``) stopped.
public enum CMAESStop: String, Sendable, Equatable, Codable, CaseIterable {
  /// It spent its loss-evaluation budget: the normal end.
  case budget
  /// Every candidate of a generation had the same loss: selection carried no information
  /// (the step σ has shrunk below the loss's floating-point resolution, or the loss is constant
  /// on the sampled region). The run stops before that generation's update.
  case noSelectionSignal
  /// The condition number of C passed ``CMAESEstimator/conditionLimit`` (10¹⁴, pycma's
  /// `tolconditioncov`): beyond it the small eigenvalues of C are rounding noise.
  case conditionLimit
  /// C lost positive definiteness or σ, C or the mean became non-finite.
  case numericalBreakdown
}

/// C (and σ) at one generation of a CMA-ES run: a point of its trajectory.
public struct CMAESSnapshot: Sendable, Equatable {
  /// Generations completed (g ≥ 1).
  public let generation: Int
  /// Loss evaluations spent up to and including this generation.
  public let lossEvaluations: Int
  /// The step size σ after the generation's update.
  public let sigma: Double
  /// The covariance matrix C after the generation's update (d×d; the search distribution is
  /// N(m, σ²C)).
  public let covariance: Matrix
  /// The search mean m after the generation's update (nil in runs built without it).
  public var mean: [Double]? = nil
}

/// The result of one CMA-ES run: the adapted covariance and its trajectory.
public struct CMAESRun: Sendable, Equatable {
  /// The strategy parameters used.
  public let parameters: CMAESParameters
  /// The final covariance matrix C (d×d); its shape, not its scale, estimates H⁻¹.
  public let covariance: Matrix
  /// The mean of C/det(C)^{1/d} over the eigendecompositions of the second half of the run
  /// (nil when there was none): a lower-variance estimate of the stationary shape. On a
  /// positive-definite quadratic its expectation is ∝ H⁻¹ once the shape is stationary, because
  /// det-normalisation commutes with the affine map that turns the quadratic into the sphere
  /// (docs/theory.md, "The adaptive route").
  public let averagedShape: Matrix?
  /// The number of C's averaged into ``averagedShape``.
  public let averagedShapeTerms: Int
  /// The final step size σ.
  public let sigma: Double
  /// The final mean m.
  public let mean: [Double]
  /// The smallest loss evaluated.
  public let bestLoss: Double
  /// Generations completed.
  public let generations: Int
  /// Every loss evaluation made (counted by ``CountingLossOracle``): λ per generation.
  public let lossEvaluations: Int
  /// C at evenly spaced generations (the last one is the final C).
  public let snapshots: [CMAESSnapshot]
  /// Why the run stopped.
  public let stop: CMAESStop
}
