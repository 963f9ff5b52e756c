import Foundation

/// The outcome of one statistical check: what was compared, the threshold that
/// was derived from the false-failure probability, and whether it held.
public struct CheckOutcome: Sendable, Equatable, Codable {
  /// A short name of the property checked.
  public let name: String
  /// The observed statistic (for example |estimate − truth|).
  public let statistic: Double
  /// The threshold it was compared with.
  public let threshold: Double
  /// The probability that the check fails although the property holds.
  public let falseFailureProbability: Double
  /// Whether the property held in this run.
  public let passed: Bool
  /// How the threshold was derived, in one line.
  public let derivation: String

  /// An outcome with every field given (the verification layer builds its rows from these).
  package init(
    name: String, statistic: Double, threshold: Double, falseFailureProbability: Double, passed: Bool,
    derivation: String
  ) {
    self.name = name
    self.statistic = statistic
    self.threshold = threshold
    self.falseFailureProbability = falseFailureProbability
    self.passed = passed
    self.derivation = derivation
  }
}

/// Statistical checks whose thresholds come from a stated false-failure
/// probability p: when the property holds, each check fails with probability
/// at most p (exactly p for the normal-approximation checks, asymptotically).
///
/// Used by the test suite and by `hessian-lab verify`, so that a reported
/// failure always comes with the probability that it is bad luck.
public enum StatisticalCheck {
  /// |estimate − truth| ≤ z·standardError, z = Φ⁻¹(1 − p/2).
  ///
  /// Valid when the estimate is (approximately) normal with the given standard
  /// error — a mean of many independent terms, by the central limit theorem.
  public static func normalMean(
    _ name: String, estimate: Double, truth: Double, standardError: Double, falseFailureProbability p: Double
  ) throws -> CheckOutcome {
    let z = try Distributions.twoSidedNormalQuantile(falseFailureProbability: p)
    let statistic = abs(estimate - truth)
    let threshold = z * standardError
    return CheckOutcome(
      name: name, statistic: statistic, threshold: threshold, falseFailureProbability: p,
      passed: statistic <= threshold,
      derivation: String(format: "|estimate − truth| ≤ z·se, z = Φ⁻¹(1 − p/2) = %.3f, se = %.3g", z, standardError))
  }

  /// A sample variance s² with k degrees of freedom of normal data is consistent
  /// with the variance σ²: k·s²/σ² lies in the central 1 − p interval of χ²_k.
  public static func normalVariance(
    _ name: String, sampleVariance s2: Double, degreesOfFreedom k: Int, truth sigma2: Double,
    falseFailureProbability p: Double
  ) throws -> CheckOutcome {
    let lower = try Distributions.chiSquareQuantile(p / 2, degreesOfFreedom: Double(k))
    let upper = try Distributions.chiSquareQuantile(1 - p / 2, degreesOfFreedom: Double(k))
    let t = Double(k) * s2 / sigma2
    let passed = t >= lower && t <= upper
    return CheckOutcome(
      name: name, statistic: s2, threshold: sigma2 * (passed ? upper : (t < lower ? lower : upper)) / Double(k),
      falseFailureProbability: p, passed: passed,
      derivation: String(format: "k·s²/σ² in [χ²_k(p/2), χ²_k(1−p/2)] = [%.4g, %.4g], k = %d", lower, upper, k))
  }

  /// The success rate of n independent trials is at least `target` − t, where
  /// t = √(ln(1/p)/(2n)) (Hoeffding 1963): if the true rate is ≥ target, the
  /// observed rate falls below target − t with probability ≤ p.
  public static func proportionAtLeast(
    _ name: String, successes: Int, trials n: Int, target: Double, falseFailureProbability p: Double
  ) -> CheckOutcome {
    let t = (log(1 / p) / (2 * Double(n))).squareRoot()
    let rate = Double(successes) / Double(n)
    return CheckOutcome(
      name: name, statistic: rate, threshold: target - t, falseFailureProbability: p,
      passed: rate >= target - t,
      derivation: String(format: "rate ≥ target − √(ln(1/p)/2n) = %.4g − %.4g (Hoeffding)", target, t))
  }

  /// The largest gap between an empirical CDF of n samples and the true CDF F is
  /// at most ε = √(ln(2/p)/(2n)) with probability ≥ 1 − p (Dvoretzky–Kiefer–
  /// Wolfowitz inequality with Massart's constant, 1990).
  public static func distribution(
    _ name: String, samples: [Double], cdf: (Double) -> Double, falseFailureProbability p: Double
  ) -> CheckOutcome {
    let n = samples.count
    let sorted = samples.sorted()
    var gap = 0.0
    for (i, x) in sorted.enumerated() {
      let f = cdf(x)
      gap = max(gap, abs(Double(i + 1) / Double(n) - f), abs(f - Double(i) / Double(n)))
    }
    let epsilon = (log(2 / p) / (2 * Double(n))).squareRoot()
    return CheckOutcome(
      name: name, statistic: gap, threshold: epsilon, falseFailureProbability: p, passed: gap <= epsilon,
      derivation: String(format: "sup|F_n − F| ≤ √(ln(2/p)/2n) = %.4g (DKW–Massart)", epsilon))
  }
}
