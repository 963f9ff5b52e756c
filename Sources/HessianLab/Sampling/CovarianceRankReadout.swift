import Foundation

/// The rank of H read off the covariance of selected points: the number of
/// eigenvalues of Ĉ below the Marchenko–Pastur lower edge of the null block.
///
/// Why not count nonzero eigenvalues: with sampling centred at w*, the kept
/// points' covariance is σ²I on the null space of H exactly, for every λ, and
/// every range variance is strictly below σ² (math notes §2.1; Harris/FKG). So
/// Ĉ is full rank, and rank(H) is the number of eigenvalues *clearly below σ²*.
/// The sample second moment of n points has its null-block eigenvalues spread
/// over the Marchenko–Pastur interval σ²(1 ± √(q/n))², q = d − r ≤ d, so
///
///     rank = #{ eᵢ(Ĉ) < τ },   τ = σ² (1 − √(d/n))²   (needs n > d),
///
/// conservative because q < d (notes §2.4, sim C: d = 20, r = 5, λ = 100 is
/// exact with probability ≥ 0.95 from n = 50). The evidence is the gap around τ:
/// the largest eigenvalue counted and the smallest not counted.
///
/// Cost: one d×d eigendecomposition; no loss evaluations (the loss evaluations
/// were spent by ``SelectionSampler``: ⌈n/k⌉·λ).
public struct CovarianceRankReadout: Sendable, Equatable, Codable {
  /// The read-out rank: #{eigenvalues < threshold}.
  public let rank: Int
  /// τ = σ²(1 − √(d/n))².
  public let threshold: Double
  /// The largest eigenvalue below τ (the weakest curved direction), if any.
  public let largestCounted: Double?
  /// The smallest eigenvalue at or above τ (the lowest null-like direction), if any.
  public let smallestUncounted: Double?
  /// The eigenvalues of Ĉ, ascending.
  public let eigenvalues: [Double]
  /// Warnings about the evidence (narrow gap, eigenvalues far above σ²).
  public let warnings: [String]

  /// smallestUncounted / largestCounted: how wide the gap around τ is (nil if one side is empty).
  public var gapRatio: Double? {
    guard let a = largestCounted, let b = smallestUncounted, a > 0 else { return nil }
    return b / a
  }

  /// The Marchenko–Pastur edges of the null block's eigenvalues over σ²:
  /// (1 − √(d/n))² and (1 + √(d/n))² for n kept points in d dimensions. The lower
  /// edge times σ² is the read-out threshold τ. Meant for n > d.
  public static func nullBlockEdges(dimension d: Int, kept n: Int) -> (lower: Double, upper: Double) {
    let ratio = (Double(d) / Double(n)).squareRoot()
    return ((1 - ratio) * (1 - ratio), (1 + ratio) * (1 + ratio))
  }

  /// Reads the rank off the eigenvalues of the second moment of n kept points.
  ///
  /// - Parameters:
  ///   - eigenvalues: eigenvalues of Ĉ (any order), d of them.
  ///   - n: `kept`, the number of points Ĉ averages (its degrees of freedom).
  ///   - sigma: the sampling σ.
  /// - Throws: ``InputError`` (naming `--kept`) when n ≤ d: Ĉ then has at least
  ///   d − n zero eigenvalues and τ is not defined (notes §2.4, "hard floor").
  public static func read(eigenvalues: [Double], kept n: Int, sigma: Double) throws(InputError) -> CovarianceRankReadout {
    let d = eigenvalues.count
    guard n > d else {
      throw InputError(
        "--kept: a rank read-out needs more kept points than dimensions (n = \(n), d = \(d)); "
          + "the covariance of n ≤ d points has d − n zero eigenvalues")
    }
    let s2 = sigma * sigma
    let edges = nullBlockEdges(dimension: d, kept: n)
    let tau = s2 * edges.lower
    let sorted = eigenvalues.sorted()
    let below = sorted.filter { $0 < tau }
    let above = sorted.filter { $0 >= tau }
    var warnings: [String] = []
    let upperEdge = s2 * edges.upper
    if let top = sorted.last, top > 1.5 * upperEdge {
      warnings.append(
        "largest eigenvalue \(SamplingFormat.short(top)) is far above the null-block edge σ²(1+√(d/n))² = \(SamplingFormat.short(upperEdge)): "
          + "the sampling centre is probably not the minimum")
    }
    if let a = below.last, a > 0.7 * tau {
      warnings.append(
        "narrow gap: the largest counted eigenvalue \(SamplingFormat.short(a)) is within 30% of the threshold \(SamplingFormat.short(tau)); "
          + "use more kept points (see --plan)")
    }
    if let b = above.first, b < 1.1 * tau, !below.isEmpty {
      warnings.append(
        "narrow gap: the smallest uncounted eigenvalue \(SamplingFormat.short(b)) is within 10% of the threshold \(SamplingFormat.short(tau))")
    }
    return CovarianceRankReadout(
      rank: below.count, threshold: tau, largestCounted: below.last, smallestUncounted: above.first,
      eigenvalues: sorted, warnings: warnings)
  }
}

/// Number formatting for sampling messages and tables.
enum SamplingFormat {
  /// x with 4 significant digits (`%.4g`).
  static func short(_ x: Double) -> String { String(format: "%.4g", x) }
}
