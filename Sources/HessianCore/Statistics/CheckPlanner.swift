/// Refuses a statistical check that could not detect the discrepancy it is
/// meant to catch.
///
/// A two-sided normal check at false-failure probability p detects a true
/// shift δ with probability at least 1 − β when its standard error is at most
/// δ / (z₁₋ₚ/₂ + z₁₋β). For a mean of n terms with per-term standard deviation
/// s, that requires n ≥ ((z₁₋ₚ/₂ + z₁₋β)·s/δ)².
public enum CheckPlanner {
  /// A check that cannot do its job.
  public struct Underpowered: Error, Equatable, CustomStringConvertible {
    /// The check's name as passed to ``CheckPlanner/require(_:sampleSize:shift:standardDeviation:falseFailureProbability:missProbability:)``.
    public let name: String
    /// n, the samples the check has.
    public let sampleSize: Int
    /// The smallest n that detects the planted shift (see ``CheckPlanner/requiredSampleSize(shift:standardDeviation:falseFailureProbability:missProbability:)``).
    public let requiredSampleSize: Int
    public var description: String {
      "check '\(name)' has \(sampleSize) samples but needs \(requiredSampleSize) to detect its planted discrepancy"
    }
  }

  /// The smallest n for which a mean of n terms with standard deviation `s`
  /// detects a shift `delta` with probability ≥ 1 − `missProbability` at
  /// false-failure probability `p`.
  public static func requiredSampleSize(
    shift delta: Double, standardDeviation s: Double, falseFailureProbability p: Double,
    missProbability beta: Double
  ) throws -> Int {
    let za = try Distributions.twoSidedNormalQuantile(falseFailureProbability: p)
    let zb = try Distributions.normalQuantile(1 - beta)
    let n = ((za + zb) * s / delta) * ((za + zb) * s / delta)
    return Int(clamping: n, rounding: .up)
  }

  /// Throws ``Underpowered`` unless `sampleSize` is enough (see
  /// ``requiredSampleSize(shift:standardDeviation:falseFailureProbability:missProbability:)``).
  public static func require(
    _ name: String, sampleSize: Int, shift delta: Double, standardDeviation s: Double,
    falseFailureProbability p: Double, missProbability beta: Double = 0.01
  ) throws {
    let needed = try requiredSampleSize(
      shift: delta, standardDeviation: s, falseFailureProbability: p, missProbability: beta)
    if sampleSize < needed { throw Underpowered(name: name, sampleSize: sampleSize, requiredSampleSize: needed) }
  }
}

/// A false-failure budget for a run of many checks, split evenly (Bonferroni):
/// with k checks at p/k each, the whole run fails by bad luck with probability
/// at most p.
public struct FalseFailureBudget: Sendable, Equatable {
  /// The probability that the whole run fails although every property holds.
  public let total: Double
  /// The number of checks sharing it.
  public let checkCount: Int

  /// A budget of `total` shared by `checkCount` checks.
  ///
  /// - Precondition: 0 < `total` < 1 and `checkCount` ≥ 1.
  public init(total: Double, checkCount: Int) {
    precondition(total > 0 && total < 1 && checkCount > 0, "budget must be in (0, 1) and shared by ≥ 1 check")
    self.total = total
    self.checkCount = checkCount
  }

  /// The false-failure probability of each check: total / checkCount.
  public var perCheck: Double { total / Double(checkCount) }
}
