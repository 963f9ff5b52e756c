extension SelectionSampler {
  /// The estimated work of keeping `n` points in dimension d, with checked arithmetic (nil
  /// on overflow): ⌈n/k⌉·λ + 1 loss evaluations, and n·d² + ⌈n/k⌉·λ·d flops (one syrk per
  /// kept point in the covariance accumulator, one candidate draw per evaluation).
  public func work(kept n: Int, dimension d: Int) -> (lossEvaluations: Int?, flops: Int?) {
    guard n >= 0, d >= 0 else { return (nil, nil) }
    let k = scheme.keptPerRound
    let rounds = n / k + (n % k == 0 ? 0 : 1)
    let draws = MemoryBudget.product(rounds, population)
    return (
      WorkBudget.sum(draws, 1),
      WorkBudget.sum(MemoryBudget.product(n, d, d), MemoryBudget.product(rounds, population, d))
    )
  }

  /// The bytes of the d×d covariance accumulators of a run with `workers` concurrent chunks:
  /// one per chunk in flight, the running total and one merge partial, nil on overflow.
  public static func accumulatorBytes(dimension d: Int, workers: Int) -> Int? {
    guard workers >= 1 else { return nil }
    let copies = workers > Int.max - 2 ? nil : workers + 2
    return copies.flatMap { MemoryBudget.product(d, d, MemoryLayout<Double>.size, $0) }
  }

  /// Throws before any sampling when keeping `n` points in dimension d would exceed the
  /// ``MemoryBudget`` (the d×d accumulators, the λ×d candidate matrix) or a ``WorkBudget``
  /// ceiling (loss evaluations, flops).
  ///
  /// - Parameters:
  ///   - name: the landscape spec or file named when the memory is refused ("" when unknown).
  /// - Throws: ``InputError`` naming the landscape (memory) or `.kept` (work).
  public func checkBudgets(kept n: Int, dimension d: Int, workers: Int, name: String = "") throws(InputError) {
    try MemoryBudget.check(
      Self.accumulatorBytes(dimension: d, workers: min(max(workers, 1), 64)),
      for: "the \(d)×\(d) covariance accumulators (one per worker, plus two)", spec: name,
      instead: "fewer workers or a smaller landscape (the covariance route needs d² memory)")
    try MemoryBudget.check(
      MemoryBudget.product(population, d, MemoryLayout<Double>.size),
      for: "the λ×d candidate matrix of one round (λ = \(population), d = \(d))",
      parameter: .population, value: "\(population)")
    let work = work(kept: n, dimension: d)
    try WorkBudget.check(
      work.lossEvaluations, .lossEvaluations, for: "keeping \(n) points with λ = \(population)",
      parameter: .kept, value: "\(n)")
    try WorkBudget.check(
      work.flops, .flops, for: "keeping \(n) points at d = \(d) (n·d² for the covariance)",
      parameter: .kept, value: "\(n)")
  }
}
