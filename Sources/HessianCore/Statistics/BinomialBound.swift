import Foundation

/// Exact one-sided binomial confidence bounds (Clopper & Pearson, "The use of
/// confidence or fiducial limits illustrated in the case of the binomial",
/// Biometrika 26(4):404–413, 1934), used to establish that a randomized method
/// succeeds with probability at least c from a finite number of seeds.
///
/// ```
/// lower(s, n; α) = the L with P(Binomial(n, L) ≥ s) = α     (0 when s = 0)
/// ```
///
/// If the true success probability is p, then P(lower(S, n; α) > p) ≤ α: the
/// statement "p ≥ lower" is wrong with probability at most α (the *risk*).
/// With no failure, lower(n, n; α) = α^(1/n), so n ≥ ln α / ln c seeds are needed
/// to establish p ≥ c at all (59 seeds for c = 0.95, α = 0.05 — the "rule of
/// three" in exact form).
///
/// Cost: O(n) per tail evaluation, 60 bisection steps; no allocation.
public enum BinomialBound {
  /// The most trials the bounds handle: the tail sums keep a table of ln k! for
  /// k ≤ n, exact enough (and small enough) up to 10⁷. Callers refuse larger counts.
  public static let maximumTrials = 10_000_000

  /// P(Binomial(n, p) ≥ s), summed in log space (stable for n up to millions).
  public static func upperTail(successes s: Int, trials n: Int, probability p: Double) -> Double {
    precondition(n >= 0 && s >= 0, "counts must be non-negative")
    if s <= 0 { return 1 }
    if s > n { return 0 }
    if p <= 0 { return 0 }
    if p >= 1 { return 1 }
    let lp = log(p), lq = log1p(-p)
    // ln k! for k = 0…n by cumulative sums (exact enough for n ≤ 10⁷).
    var logFactorial = [Double](repeating: 0, count: n + 1)
    for k in stride(from: 1, through: n, by: 1) { logFactorial[k] = logFactorial[k - 1] + log(Double(k)) }
    var total = 0.0
    for k in s...n {
      let lc = logFactorial[n] - logFactorial[k] - logFactorial[n - k]
      total += exp(lc + Double(k) * lp + Double(n - k) * lq)
    }
    return min(1, total)
  }

  /// The Clopper–Pearson lower confidence bound on the success probability
  /// after `s` successes in `n` trials, at risk α (confidence 1 − α).
  public static func lowerConfidenceBound(successes s: Int, trials n: Int, risk alpha: Double) -> Double {
    precondition(n > 0 && s >= 0 && s <= n, "need 0 ≤ s ≤ n, n > 0")
    precondition(alpha > 0 && alpha < 1, "risk must be in (0, 1)")
    if s == 0 { return 0 }
    if s == n { return pow(alpha, 1 / Double(n)) }
    // upperTail is increasing in p: bisect for upperTail = α.
    var lo = 0.0, hi = 1.0
    for _ in 0..<60 {
      let mid = 0.5 * (lo + hi)
      if upperTail(successes: s, trials: n, probability: mid) < alpha { lo = mid } else { hi = mid }
    }
    return lo
  }

  /// The smallest number of seeds that can establish P(success) ≥ `confidence`
  /// at risk α: ⌈ln α / ln c⌉ (all of them must succeed).
  public static func minimumTrials(confidence c: Double, risk alpha: Double) -> Int {
    precondition(c > 0 && c < 1 && alpha > 0 && alpha < 1, "confidence and risk must be in (0, 1)")
    var n = max(1, Int((log(alpha) / log(c)).rounded(.up)))
    while lowerConfidenceBound(successes: n, trials: n, risk: alpha) < c { n += 1 }
    return n
  }

  /// The largest number of failures among `n` seeds that still establishes
  /// P(success) ≥ c at risk α, or −1 when even n successes do not.
  public static func maximumFailures(trials n: Int, confidence c: Double, risk alpha: Double) -> Int {
    var f = -1
    while f + 1 <= n, lowerConfidenceBound(successes: n - (f + 1), trials: n, risk: alpha) >= c { f += 1 }
    return f
  }
}

extension StatisticalCheck {
  /// The success probability of a randomized procedure is established to be at
  /// least `target`: the Clopper–Pearson lower bound at risk p, after
  /// `successes` of `trials`, is ≥ target. If the true probability is below
  /// target the check passes with probability at most p (a false *pass*; here
  /// p is the risk of over-claiming, the quantity `compare` reports).
  public static func proportionEstablished(
    _ name: String, successes: Int, trials n: Int, target: Double, risk p: Double
  ) -> CheckOutcome {
    let lower = BinomialBound.lowerConfidenceBound(successes: successes, trials: n, risk: p)
    return CheckOutcome(
      name: name, statistic: lower, threshold: target, falseFailureProbability: p, passed: lower >= target,
      derivation: String(format: "Clopper–Pearson lower bound %.4g (%d/%d, risk %.3g) ≥ target %.4g", lower, successes, n, p, target))
  }

  /// A mean is at most `bound` up to sampling error: estimate − bound ≤ z·se,
  /// z = Φ⁻¹(1 − p) (one-sided, normal approximation by the central limit
  /// theorem). Fails with probability ≤ p (asymptotically) when the true mean
  /// is ≤ bound.
  public static func meanAtMost(
    _ name: String, estimate: Double, bound: Double, standardError se: Double, falseFailureProbability p: Double
  ) throws -> CheckOutcome {
    let z = try Distributions.normalQuantile(1 - p)
    let threshold = bound + z * se
    return CheckOutcome(
      name: name, statistic: estimate, threshold: threshold, falseFailureProbability: p,
      passed: estimate <= threshold,
      derivation: String(format: "estimate ≤ bound + z·se, z = Φ⁻¹(1 − p) = %.3f, se = %.3g", z, se))
  }

  /// |value − reference| ≤ tolerance: a deterministic check (false-failure
  /// probability 0); the tolerance's derivation is passed in.
  public static func deterministic(
    _ name: String, value: Double, reference: Double, tolerance: Double, derivation: String
  ) -> CheckOutcome {
    let statistic = abs(value - reference)
    return CheckOutcome(
      name: name, statistic: statistic, threshold: tolerance, falseFailureProbability: 0,
      passed: statistic <= tolerance, derivation: derivation)
  }
}
