import Foundation

/// The learning coefficient from the volume law of the lower tail of the loss:
///
///     V(ε) = P(K(X) < ε) = c ε^λ (−log ε)^{m−1} (1 + o(1)),   X ~ N(w*, σ²I), ε → 0,
///
/// fitted as the ordinary least-squares slope of
///
///     y_k = log V̂(ε_k) − (m − 1)·log(−log ε_k)   against   log ε_k
///
/// over a log-spaced grid ε_min … ε_max. With m fixed to 1 this is the naive
/// log-log slope, biased down by ≈ (m − 1)/log(1/ε) on a multiplicity-m
/// singularity (math notes §4: (xy)² reads 0.44 instead of 1/2 at ε = 10⁻⁶);
/// the report always carries both, so the bias is visible.
///
/// V̂ comes from R independent runs of ``MultilevelSplitting`` (child streams
/// 0…R−1 of the generator) of N particles each; the pooled log V̂ is their mean.
/// The standard error is the larger of (a) the between-run standard error of the
/// R slopes (includes the correlation of the Metropolis moves; R − 1 degrees of
/// freedom) and (b) the ideal-splitting value from the Poisson-process
/// covariance Cov(log V̂(ε_i), log V̂(ε_j)) = min(t_i, t_j)/(RN), t = −log V.
///
/// Remaining bias: subleading terms of the expansion (c₂ ε^{λ′} or the
/// (−log ε)^{m−2} term); choose ε_max small enough (the fit uses only ε < 1).
///
/// Cost: about R·(N + N·log(1/V(ε_min))·T) loss evaluations; reported.
/// References: Watanabe, *Algebraic Geometry and Statistical Learning Theory*,
/// CUP 2009 (the volume law); Lau et al., AISTATS 2025, arXiv:2308.12108 (the
/// LLC defined by the volume scaling); Cérou & Guyader 2007 and Skilling 2006
/// (the rare-event sampler).
public enum VolumeScalingEstimator {
  /// The tuning of the estimator.
  public struct Configuration: Sendable, Equatable {
    /// The fit range, 0 < ε_min < ε_max < 1.
    public var epsilonMin: Double
    /// ε_max, the upper end of the fit range (< 1).
    public var epsilonMax: Double
    /// Grid points, log-spaced (≥ 3).
    public var gridPoints: Int
    /// R, independent splitting runs (≥ 2 for an empirical standard error).
    public var replicates: Int
    /// The splitting configuration of each run.
    public var splitting: MultilevelSplitting.Configuration

    /// A configuration (defaults ε from 10⁻¹⁰ to 10⁻³, 15 grid points, R = 8, default splitting);
    /// ``validate()`` checks the ranges.
    public init(
      epsilonMin: Double = 1e-10, epsilonMax: Double = 1e-3, gridPoints: Int = 15, replicates: Int = 8,
      splitting: MultilevelSplitting.Configuration = .init()
    ) {
      self.epsilonMin = epsilonMin
      self.epsilonMax = epsilonMax
      self.gridPoints = gridPoints
      self.replicates = replicates
      self.splitting = splitting
    }

    /// Checks the ranges, naming the offending field.
    public func validate() throws(InputError) {
      guard epsilonMin > 0, epsilonMax < 1, epsilonMin < epsilonMax, epsilonMin.isFinite else {
        throw InputError("volume estimator: need 0 < epsilon-min < epsilon-max < 1 (got \(epsilonMin), \(epsilonMax))")
      }
      guard gridPoints >= 3 else { throw InputError("volume estimator: grid points must be at least 3 (got \(gridPoints))") }
      guard replicates >= 1 else { throw InputError("volume estimator: replicates must be at least 1 (got \(replicates))") }
      guard splitting.particles >= 4 else {
        throw InputError("volume estimator: particles must be at least 4 (got \(splitting.particles))")
      }
      guard splitting.movesPerIteration >= 1 else {
        throw InputError("volume estimator: moves per iteration must be at least 1 (got \(splitting.movesPerIteration))")
      }
      guard splitting.sigma > 0, splitting.sigma.isFinite else {
        throw InputError("volume estimator: sigma must be positive (got \(splitting.sigma))")
      }
    }
  }

  /// Runs the estimator with multiplicity `multiplicity` in the correction.
  ///
  /// - Throws: ``InputError`` for an invalid configuration or m < 1.
  public static func estimate(
    on landscape: some Landscape, multiplicity m: Int, configuration c: Configuration = .init(),
    using rng: inout SeededGenerator
  ) throws(InputError) -> VolumeScalingEstimate {
    try c.validate()
    guard m >= 1 else { throw InputError("volume estimator: multiplicity must be at least 1 (got \(m))") }
    var runs: [MultilevelSplitting.Run] = []
    for r in 0..<c.replicates {
      var child = rng.child(UInt64(r))
      runs.append(MultilevelSplitting.run(on: landscape, targetLevel: c.epsilonMin, configuration: c.splitting, using: &child))
    }
    let reached = runs.map(\.finalLevel).max() ?? 0
    let logMin = log(c.epsilonMin), logMax = log(c.epsilonMax)
    var grid: [Double] = (0..<c.gridPoints).map { exp(logMin + (logMax - logMin) * Double($0) / Double(c.gridPoints - 1)) }
    var warnings: [String] = []
    if reached >= c.epsilonMin {
      grid = grid.filter { $0 > reached }
      warnings.append(
        "a splitting run stopped (loss-evaluation budget or stalled moves) at level \(String(format: "%.3g", reached)) > epsilon-min; the fit uses the \(grid.count) grid points above it")
    }
    let evaluations = runs.reduce(0) { $0 + $1.lossEvaluations }
    let acceptance = runs.reduce(0) { $0 + $1.acceptanceRate } / Double(runs.count)
    let n = c.splitting.particles
    guard grid.count >= 3 else {
      warnings.append("fewer than 3 grid points reached: no fit")
      return VolumeScalingEstimate(
        value: nil, standardError: nil, uncorrectedValue: nil, idealStandardError: nil, multiplicity: m,
        epsilonMin: c.epsilonMin, epsilonMax: c.epsilonMax, epsilons: grid, logTailProbabilities: [],
        lossEvaluations: evaluations, replicates: c.replicates, particles: n, acceptanceRate: acceptance,
        plainMonteCarloEquivalent: nil, warnings: warnings)
    }
    let xs = grid.map { log($0) }
    let logL = grid.map { log(-log($0)) }
    let perRun: [[Double]] = runs.map { run in grid.map { run.logTailProbability(below: $0) } }
    let pooled = (0..<grid.count).map { k in perRun.reduce(0) { $0 + $1[k] } / Double(runs.count) }
    let shift = Double(m - 1)
    let weights = olsSlopeWeights(xs)
    func slope(_ y: [Double], correction: Double) -> Double {
      zip(weights, zip(y, logL)).reduce(0) { $0 + $1.0 * ($1.1.0 - correction * $1.1.1) }
    }
    let value = slope(pooled, correction: shift)
    let naive = slope(pooled, correction: 0)
    // Ideal Poisson-process variance of the OLS slope, t_k = −log V(ε_k) from the pooled fit.
    let t = pooled.map { max(-$0, 0) }
    var idealVar = 0.0
    for i in grid.indices { for j in grid.indices { idealVar += weights[i] * weights[j] * min(t[i], t[j]) } }
    idealVar /= Double(n * runs.count)
    let ideal = idealVar.squareRoot()
    var se = ideal
    if runs.count >= 2 {
      let slopes = perRun.map { slope($0, correction: shift) }
      let mean = slopes.reduce(0, +) / Double(slopes.count)
      let s2 = slopes.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(slopes.count - 1)
      let empirical = (s2 / Double(slopes.count)).squareRoot()
      if empirical > 2 * ideal {
        warnings.append(
          "between-run standard error \(String(format: "%.3g", empirical)) is more than twice the ideal-splitting value \(String(format: "%.3g", ideal)): the Metropolis moves mix poorly; raise moves per iteration")
      }
      se = max(se, empirical)
    } else {
      warnings.append("one replicate: the standard error is the ideal-splitting value and ignores Metropolis correlation")
    }
    if acceptance < 0.02 {
      warnings.append("Metropolis acceptance rate \(String(format: "%.3g", acceptance)) is very low")
    }
    let pMin = exp(pooled.first ?? 0)
    return VolumeScalingEstimate(
      value: value, standardError: se, uncorrectedValue: naive, idealStandardError: ideal, multiplicity: m,
      epsilonMin: grid.first ?? c.epsilonMin, epsilonMax: grid.last ?? c.epsilonMax, epsilons: grid,
      logTailProbabilities: pooled, lossEvaluations: evaluations, replicates: c.replicates, particles: n,
      acceptanceRate: acceptance, plainMonteCarloEquivalent: pMin > 0 ? 100 / pMin : nil, warnings: warnings)
  }

  /// w with slope = Σ w_k y_k for the least-squares line through (x_k, y_k).
  static func olsSlopeWeights(_ x: [Double]) -> [Double] {
    let mean = x.reduce(0, +) / Double(x.count)
    let sxx = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    return x.map { ($0 - mean) / sxx }
  }
}

/// The result of ``VolumeScalingEstimator``.
public struct VolumeScalingEstimate: Sendable, Equatable, Codable {
  /// λ̂ with the (m − 1) log correction; `nil` when no fit was possible.
  public var value: Double?
  /// max(between-run, ideal-splitting) standard error of ``value``.
  public var standardError: Double?
  /// The naive slope (m taken as 1): shows the multiplicity bias.
  public var uncorrectedValue: Double?
  /// The ideal-splitting (Poisson) standard error, a lower bound.
  public var idealStandardError: Double?
  /// The m used in the correction.
  public var multiplicity: Int
  /// The fit range actually used.
  public var epsilonMin: Double
  /// ε_max, the largest ε of the grid (the configured value, up to rounding).
  public var epsilonMax: Double
  /// The grid and the pooled log V̂ on it.
  public var epsilons: [Double]
  /// log V̂(ε_k) (natural log, mean over the R runs) at each of ``epsilons``; empty when there was no fit.
  public var logTailProbabilities: [Double]
  /// The samples used: loss evaluations over all runs.
  public var lossEvaluations: Int
  /// R and N.
  public var replicates: Int
  /// N, particles per splitting run.
  public var particles: Int
  /// The mean Metropolis acceptance rate.
  public var acceptanceRate: Double
  /// Plain Monte Carlo samples needed for ~100 hits below ε_min (100/V̂(ε_min)).
  public var plainMonteCarloEquivalent: Double?
  /// Plain-language caveats.
  public var warnings: [String]
}
