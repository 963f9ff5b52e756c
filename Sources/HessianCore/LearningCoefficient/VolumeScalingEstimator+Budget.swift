extension VolumeScalingEstimator.Configuration {
  /// Throws before any loss evaluation when the estimate would exceed a budget:
  ///
  /// ```
  /// memory:  2·N·d·8 bytes of particles (N = particles)
  /// work:    N loss evaluations to draw them; 3·T per move round (T = moves);
  ///          R·(N + maxLossEvaluations) over the R replicates (each run stops at its cap);
  ///          each evaluation also charged 20·d flops (``WorkBudget/evaluationFlops(_:dimension:)``)
  /// ```
  ///
  /// - Throws: ``InputError`` naming `.particles`, `.moves` or `.replicates`, with the estimate
  ///   and the ceiling (``MemoryBudget``, ``WorkBudget``).
  public func checkBudgets(dimension d: Int) throws(InputError) {
    let n = splitting.particles
    try MemoryBudget.check(
      MemoryBudget.product(max(n, 0), d, MemoryLayout<Double>.size, 2),
      for: "\(n) particles of dimension \(d)", parameter: .particles, value: "\(n)")
    try WorkBudget.checkEvaluations(
      n, dimension: d, for: "drawing \(n) particles", parameter: .particles, value: "\(n)")
    let t = splitting.movesPerIteration
    try WorkBudget.checkEvaluations(
      MemoryBudget.product(max(t, 0), 3), dimension: d, for: "\(t) moves per replaced particle",
      parameter: .moves, value: "\(t)")
    try WorkBudget.checkEvaluations(
      MemoryBudget.product(max(replicates, 0), WorkBudget.sum(n, max(splitting.maxLossEvaluations, 0)) ?? -1),
      dimension: d, for: "\(replicates) splitting replicates of up to \(splitting.maxLossEvaluations) evaluations each",
      parameter: .replicates, value: "\(replicates)")
  }
}
