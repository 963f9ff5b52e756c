extension SGLDEstimator.Configuration {
  /// Throws before any gradient is taken when the chains would exceed the ``WorkBudget``:
  /// C·S gradient evaluations (C = chains, S = steps per chain, burn-in included), each
  /// counted as a loss evaluation and charged 20·d flops (``WorkBudget/evaluationFlops(_:dimension:)``).
  ///
  /// - Throws: ``InputError`` naming `.chainSteps` when one chain is already above the ceiling,
  ///   else `.chains`, with the estimate and the ceiling.
  public func checkBudgets(dimension d: Int) throws(InputError) {
    try WorkBudget.checkEvaluations(
      steps, dimension: d, for: "one chain of \(steps) steps", parameter: .chainSteps, value: "\(steps)")
    try WorkBudget.checkEvaluations(
      MemoryBudget.product(max(chains, 0), max(steps, 0)), dimension: d,
      for: "\(chains) chains of \(steps) steps", parameter: .chains, value: "\(chains)")
  }
}
