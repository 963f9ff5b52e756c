extension CMAESEstimator {
  /// The estimated work and memory of a run with a budget of E loss evaluations, with checked
  /// arithmetic (nil on overflow): G·λ loss evaluations (G = ⌊E/λ⌋); G·(2λ + μ + 4)n² flops for
  /// the updates plus 9n³ per eigendecomposition (G/interval + 1 of them); (S + 6)·n² + 3λn doubles.
  public func work(evaluations e: Int) -> (lossEvaluations: Int?, flops: Int?, bytes: Int?) {
    let p = parameters, n = p.dimension
    let g = generations(forEvaluations: e)
    let perGeneration = MemoryBudget.product(2 * p.population + p.parents + 4, n, n)
    let decompositions = g / p.eigenUpdateInterval + 1
    let eigen = WorkBudget.eigendecompositionFlops(dimension: n).flatMap { MemoryBudget.product($0, decompositions) }
    let flops = WorkBudget.sum(perGeneration.flatMap { MemoryBudget.product($0, g) }, eigen)
    let doubles = WorkBudget.sum(
      MemoryBudget.product(snapshotCount + 6, n, n), MemoryBudget.product(3, p.population, n))
    return (
      MemoryBudget.product(g, p.population), flops,
      doubles.flatMap { MemoryBudget.product($0, MemoryLayout<Double>.size) }
    )
  }

  /// Throws before the run when a budget of E evaluations buys fewer than two generations, or
  /// the run would exceed the ``MemoryBudget`` (n² memory: C, B and the snapshots) or a
  /// ``WorkBudget`` ceiling (loss evaluations and their flops, the update flops).
  ///
  /// - Parameters:
  ///   - name: the landscape spec or file named when the memory is refused ("" when unknown).
  /// - Throws: ``InputError`` naming the landscape (memory) or `.evaluations` (work).
  public func checkBudgets(evaluations e: Int, name: String = "") throws(InputError) {
    let lambda = parameters.population, n = parameters.dimension
    guard generations(forEvaluations: e) >= 2 else {
      throw InputError.parameter(
        .evaluations, value: "\(e)",
        problem: "\(e) loss evaluations buy fewer than two generations of λ = \(lambda); give at least \(2 * lambda)")
    }
    let w = work(evaluations: e)
    try MemoryBudget.check(
      w.bytes, for: "the \(n)×\(n) CMA-ES covariance, its eigenbasis and \(snapshotCount) snapshots", spec: name,
      instead: "a smaller landscape (the adaptive route needs d² memory)")
    try WorkBudget.checkEvaluations(
      w.lossEvaluations, dimension: n, for: "\(e) CMA-ES loss evaluations", parameter: .evaluations, value: "\(e)")
    try WorkBudget.check(
      w.flops, .flops, for: "the CMA-ES updates at d = \(n) (about 2λd² per generation)",
      parameter: .evaluations, value: "\(e)")
  }
}
