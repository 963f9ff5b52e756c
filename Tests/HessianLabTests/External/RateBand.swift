import HessianLab

/// The band [lo, hi] that a Binomial(m, q) count leaves with probability at most `risk` (split
/// evenly over both tails), from the exact tails of ``BinomialBound``: the empirical
/// false-failure rate and power of a test are checked against their exact values with it.
enum RateBand {
  static func band(trials m: Int, probability q: Double, risk: Double) -> ClosedRange<Int> {
    var hi = m
    while hi > 0, BinomialBound.upperTail(successes: hi, trials: m, probability: q) <= risk / 2 { hi -= 1 }
    // P(count ≤ lo − 1) = P(m − count ≥ m − lo + 1) = upperTail(m − lo + 1, m, 1 − q).
    var lo = 0
    while lo < m, BinomialBound.upperTail(successes: m - lo, trials: m, probability: 1 - q) <= risk / 2 { lo += 1 }
    return lo...hi
  }
}
