extension CompareAnalysis {
  /// The comparison on `subjects`: landscapes as `run(_:options:progress:)` on landscapes (a separate name: an empty list would be ambiguous); an
  /// oracle after its capability (hvp) and trust checks, by
  /// ``MethodComparison/compare(oracle:configuration:progress:)`` (runs judged against a dense
  /// reference through the oracle: P(agree), not P(exact)). The work check and the covariance
  /// route's memory check cover every subject, before any oracle is asked anything.
  ///
  /// - Throws: as for landscapes, and ``InputError`` naming an oracle that lacks HVPs (or, for
  ///   finite-difference HVPs, gradients), fails a trust check or fails while answering.
  public static func run(
    subjects: [AnalysisSubject], options: Options, progress: (@Sendable (String) -> Void)? = nil
  ) async throws -> CompareReport {
    let landscapes = subjects.compactMap(\.landscape)
    if landscapes.count == subjects.count { return try await run(landscapes, options: options, progress: progress) }
    let cfg = options.configuration
    try cfg.validate()
    for s in subjects where cfg.methods.contains(.covariance) {
      try MemoryBudget.check(
        MemoryBudget.product(cfg.population, s.dimension, MemoryLayout<Double>.size),
        for: "the λ×d candidate matrix of the covariance route on \(s.name)",
        parameter: .population, value: "\(cfg.population)")
    }
    for s in subjects where cfg.methods.contains(.cma) {
      try MethodComparison.checkCMA(name: s.input, dimension: s.dimension, configuration: cfg)
    }
    try checkWork(subjects.map { (name: $0.input, dimension: $0.dimension) }, configuration: cfg)
    try checkSweep(options)
    // Finite-difference HVPs of an oracle are differences of its gradients: refuse one without
    // them before any oracle is asked anything (not in the middle of the runs).
    if case .finiteDifference = cfg.hvp, cfg.methods.contains(where: { $0.route == .hessianVectorProducts }) {
      for s in subjects where s.isOracle { try s.require([.gradient], for: .compare) }
    }
    var comparisons: [LandscapeComparison] = []
    for s in subjects {
      if let land = s.landscape {
        comparisons.append(try await MethodComparison.compare(land, configuration: cfg, progress: progress))
        continue
      }
      guard let oracle = s.oracle, let summary = try s.prepare(for: .compare) else { continue }
      var c = try await OracleFailureNaming.naming(s.input) {
        try await MethodComparison.compare(oracle: oracle, configuration: cfg, progress: progress)
      }
      c.oracle = summary
      comparisons.append(c)
    }
    var sweep: DimensionSweep.Result?
    if let dims = options.sweepDimensions {
      sweep = try await DimensionSweep.run(
        dimensions: dims, rankFraction: options.rankFraction, configuration: cfg, progress: progress)
    }
    return CompareReport(comparisons: comparisons, sweep: sweep)
  }
}
