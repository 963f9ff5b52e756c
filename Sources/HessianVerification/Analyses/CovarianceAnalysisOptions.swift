extension CovarianceAnalysis {
  /// The settings of one covariance analysis (``CovarianceAnalysis/run(_:options:progress:)``)
  /// or read-out plan (``CovarianceAnalysis/plan(_:options:)``).
  public struct Options: Sendable, Equatable {
    /// The population λ: candidates per round (≥ 2).
    public var population: Int
    /// Kept points n (for a plan: the pilot size n₀). A read-out needs n > d.
    public var kept: Int
    /// The sampling standard deviation σ (> 0, finite).
    public var sigma: Double
    /// Which candidates of a round are kept.
    public var scheme: SelectionScheme
    /// The offset m − w* of the sampling centre from the minimum (nil: centred).
    public var centerOffset: [Double]?
    /// Which covariance the rank is read from.
    public var estimate: CovarianceEstimateChoice
    /// Kept points per σ of the σ-scaling diagnostic: nil for min(n, 500), 0 to skip it.
    public var diagnosticKept: Int?
    /// When the estimate is compared with the Hessian (the only step that needs H).
    public var hessianComparison: HessianComparisonPolicy
    /// The root seed; every random stream is a child of it.
    public var seed: UInt64
    /// Concurrent workers (≥ 1); the result does not depend on it.
    public var workers: Int
    /// How the losses are computed (``LossErrorModel``; default exact). A noisy loss is seeded by
    /// ``LossErrorModel/noiseSeed(forRun:)`` of ``seed``.
    public var loss: LossErrorModel = .exact

    /// Options with the command line's defaults for everything but λ, n and the seed.
    public init(
      population: Int, kept: Int, sigma: Double = 1, scheme: SelectionScheme = .best,
      centerOffset: [Double]? = nil, estimate: CovarianceEstimateChoice = .auto, diagnosticKept: Int? = nil,
      hessianComparison: HessianComparisonPolicy = .knownHessian, seed: UInt64, workers: Int = 1
    ) {
      self.population = population
      self.kept = kept
      self.sigma = sigma
      self.scheme = scheme
      self.centerOffset = centerOffset
      self.estimate = estimate
      self.diagnosticKept = diagnosticKept
      self.hessianComparison = hessianComparison
      self.seed = seed
      self.workers = workers
    }

    /// The σ-scaling diagnostic's kept points per σ: ``diagnosticKept`` or min(n, 500).
    public var diagnosticKeptResolved: Int { diagnosticKept ?? min(kept, 500) }
  }
}
