/// The whole `compare` question in one call: for each landscape (and each
/// quadratic of an optional dimension sweep), which route reaches the exact
/// Hessian rank with the requested probability at the lower cost
/// (``MethodComparison``, ``DimensionSweep``).
///
/// Cost: per landscape and method, the budget doubles until enough seeds give
/// the exact rank; every HVP and loss evaluation is counted and reported, capped
/// by ``ComparisonConfiguration/maxLossEvaluationsPerRun`` and
/// ``ComparisonConfiguration/maxHessianVectorProductsPerRun`` per run.
public enum CompareAnalysis {
  /// What to compare and how; the defaults are those of `hessian-lab compare`.
  public struct Options: Sendable {
    /// Confidence, risk, seeds, methods, covariance settings and caps.
    public var configuration = ComparisonConfiguration()
    /// The dimensions of the sweep over quadratics (``DimensionSweep``); nil for no sweep.
    public var sweepDimensions: [Int]?
    /// The sweep's rank fraction f: r = round(f·d), in (0, 1].
    public var rankFraction = 0.1

    /// The default options.
    public init() {}
  }

  /// Compares the configured methods on every landscape, then runs the sweep if any.
  /// Before any work, refuses a covariance route whose λ×d candidate matrix, or an adaptive route
  /// whose d×d covariance and snapshots, would not fit in memory (``MemoryBudget``).
  ///
  /// - Throws: ``InputError`` for an invalid configuration (naming the option),
  ///   a candidate matrix over the memory budget (naming `.population`), or a
  ///   rank fraction outside (0, 1] (naming `.rankFraction`).
  public static func run(
    _ landscapes: [any Landscape], options: Options, progress: (@Sendable (String) -> Void)? = nil
  ) async throws -> CompareReport {
    let cfg = options.configuration
    try cfg.validate()
    if cfg.methods.contains(.covariance) { try checkCandidateMemory(landscapes, configuration: cfg) }
    for land in landscapes where cfg.methods.contains(.cma) {
      try MethodComparison.checkCMA(name: land.name, dimension: land.dimension, configuration: cfg)
    }
    try checkWork(landscapes, configuration: cfg)
    try checkSweep(options)
    var comparisons: [LandscapeComparison] = []
    for land in landscapes {
      comparisons.append(try await MethodComparison.compare(land, configuration: cfg, progress: progress))
    }
    var sweep: DimensionSweep.Result?
    if let dims = options.sweepDimensions {
      sweep = try await DimensionSweep.run(
        dimensions: dims, rankFraction: options.rankFraction, configuration: cfg, progress: progress)
    }
    return CompareReport(comparisons: comparisons, sweep: sweep)
  }

  /// Refuses, before any run, a covariance route whose λ×d candidate matrix would not fit in memory
  /// on one of `landscapes` (``MemoryBudget``).
  ///
  /// - Throws: ``InputError`` naming `.population`.
  static func checkCandidateMemory(_ landscapes: [any Landscape], configuration cfg: ComparisonConfiguration) throws(InputError) {
    for land in landscapes {
      try MemoryBudget.check(
        MemoryBudget.product(cfg.population, land.dimension, MemoryLayout<Double>.size),
        for: "the λ×d candidate matrix of the covariance route on \(land.name)",
        parameter: .population, value: "\(cfg.population)")
    }
  }

  /// Refuses a sweep dimension whose first budget level alone exceeds the flops ceiling, or whose
  /// adaptive route's d×d state would not fit in memory.
  ///
  /// - Throws: ``InputError`` naming `.sweep`.
  static func checkSweep(_ options: Options) throws(InputError) {
    let cfg = options.configuration
    for d in options.sweepDimensions ?? [] {
      if cfg.methods.contains(.cma) {
        try MemoryBudget.check(
          try MethodComparison.cmaStateBytes(dimension: d, sigma: cfg.sigma), for: MethodComparison.cmaStateText(d),
          parameter: .sweep, value: "d=\(d)")
        _ = try MethodComparison.cmaCap(lambdaD: CMAESParameters.defaultPopulation(dimension: d).saturatingMultiplied(by: d), configuration: cfg)
      }
      let flops = MemoryBudget.product(cfg.seedsPerLevel, firstLevelFlops(dimension: d, configuration: cfg) ?? -1)
      try WorkBudget.check(
        flops, .flops, for: "the first budget level of \(cfg.seedsPerLevel) seeds at d = \(d)", parameter: .sweep,
        value: "d=\(d)")
    }
  }

  /// Refuses, before any run, a comparison whose first budget level alone exceeds the
  /// ``WorkBudget``: every seed of every method on every landscape makes at least one
  /// Hessian-vector product or one loss evaluation, so the work is at least
  /// seeds per level × landscapes × methods products. `--confidence` close to 1
  /// asks for ~ln(risk)/ln(confidence) seeds (3·10⁸ at 0.99999999). In flops, each landscape's
  /// first level costs at least seeds × ``firstLevelFlops(dimension:configuration:)`` plus the
  /// timed conversion's λ evaluations (a d = 10⁷ quadratic is refused here, not after hours).
  ///
  /// - Throws: ``InputError`` naming `.seeds` when given, else `.confidence`; naming the
  ///   landscape for the flops.
  static func checkWork(_ landscapes: [any Landscape], configuration cfg: ComparisonConfiguration) throws(InputError) {
    try checkWork(landscapes.map { (name: $0.name, dimension: $0.dimension) }, configuration: cfg)
  }

  /// ``checkWork(_:configuration:)`` for subjects given by name and dimension.
  static func checkWork(_ landscapes: [(name: String, dimension: Int)], configuration cfg: ComparisonConfiguration) throws(InputError) {
    let count = landscapes.count
    let perSeed = MemoryBudget.product(count, cfg.methods.count)
    let seeds = cfg.seedsPerLevel
    let estimate = perSeed.flatMap { MemoryBudget.product(seeds, $0) }
    let what = "\(seeds) seeds per budget level on \(count) landscape(s) and \(cfg.methods.count) method(s)"
    if let given = cfg.seeds {
      try WorkBudget.check(estimate, .hessianVectorProducts, for: what, parameter: .seeds, value: "\(given)")
    } else {
      try WorkBudget.check(estimate, .hessianVectorProducts, for: what, parameter: .confidence, value: "\(cfg.confidence)")
    }
    for land in landscapes {
      let flops = WorkBudget.sum(
        MemoryBudget.product(seeds, firstLevelFlops(dimension: land.dimension, configuration: cfg) ?? -1),
        WorkBudget.evaluationFlops(cfg.population, dimension: land.dimension))
      try WorkBudget.check(
        flops, .flops, for: "the first budget level of \(seeds) seeds at d = \(land.dimension)", spec: land.name)
    }
  }

  /// The floating-point work one seed of the first budget level costs at least, summed over the
  /// methods, nil on overflow:
  ///
  /// ```
  /// covariance  n₀·λ evaluations (20·d flops each) + n₀·d² for the covariance, n₀ = 2d kept points
  /// cma         2λd evaluations (20·d flops each) + the CMA-ES updates of 2d generations and their
  ///             eigendecompositions (``CMAESEstimator/work(evaluations:)``), λ = 4 + ⌊3 ln d⌋
  /// dense       9·d³ (the eigendecomposition), when d ≤ the dense cap
  /// HVP routes  one HVP of at least 2·d flops
  /// ```
  static func firstLevelFlops(dimension d: Int, configuration cfg: ComparisonConfiguration) -> Int? {
    var terms: [Int?] = []
    for method in cfg.methods {
      switch method {
      case .covariance:
        let kept = MemoryBudget.product(2, d)
        terms.append(kept.flatMap { WorkBudget.evaluationFlops(MemoryBudget.product($0, cfg.population) ?? Int.max, dimension: d) })
        terms.append(kept.flatMap { MemoryBudget.product($0, d, d) })
      case .cma:
        terms.append(MethodComparison.cmaFirstLevelFlops(dimension: d, sigma: cfg.sigma))
      case .dense:
        if d <= cfg.denseDimensionCap { terms.append(WorkBudget.eigendecompositionFlops(dimension: d)) }
      case .lanczos, .block, .slq:
        terms.append(MemoryBudget.product(2, d))
      }
    }
    var total: Int? = 0
    for t in terms { total = WorkBudget.sum(total, t) }
    return total
  }
}
