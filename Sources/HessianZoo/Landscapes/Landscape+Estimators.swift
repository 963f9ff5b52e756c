/// The zoo as a provider of the estimators' inputs: a landscape is a ``LossOracle`` and its
/// Hessian a ``SymmetricOperator`` (``LandscapeHessian``). These conveniences only wire a
/// landscape to the seam; the estimators themselves never see a landscape or its known answers.
extension SGLDEstimator {
  /// ``estimate(oracle:hessian:configuration:multiplicity:using:)`` on `landscape`, with its
  /// Hessian at the minimum as the counted operator and its known multiplicity (if any).
  public static func estimate(
    on landscape: some Landscape, configuration c: Configuration = .init(), using rng: inout SeededGenerator
  ) throws -> SGLDEstimate {
    try estimate(
      oracle: landscape, hessian: HessianOperator(landscape: landscape), configuration: c,
      multiplicity: landscape.knownAnswers.multiplicity.value, using: &rng)
  }
}

extension LocalisationDiagnostic {
  /// The diagnostic on `landscape` (its loss, and its Hessian at the minimum as the counted
  /// operator: 0 HVPs when the Hessian is known, d otherwise).
  public init(
    landscape: some Landscape, nBeta: Double, gamma: Double, randomDirections: Int = 16,
    using rng: inout SeededGenerator
  ) throws {
    try self.init(
      oracle: landscape, hessian: HessianOperator(landscape: landscape), nBeta: nBeta, gamma: gamma,
      randomDirections: randomDirections, using: &rng)
  }
}
