import Foundation

/// The rank of H read off the covariance of selected points: the number of
/// eigenvalues of Ĉ below the Marchenko–Pastur lower edge of the null block.
///
/// Why not count nonzero eigenvalues: with sampling centred at w*, the kept
/// points' covariance is σ²I on the null space of H exactly, for every λ, and
/// every range variance is strictly below σ² (theory §4.4; Harris/FKG). So
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
/// Warnings (``Warning``) are tied to the null block's law, not to distances from τ: the
/// smallest eigenvalue of a q-dimensional null block sits at the Marchenko–Pastur edge
/// σ²(1 − √(q/n))² with Tracy–Widom fluctuations of scale
/// s = σ²(√n − √q)(1/√q − 1/√n)^{1/3}/n (Johnstone 2001; Ma, Bernoulli 18:322–359, 2012, for the
/// smallest eigenvalue): the probability that it falls more than 2s below the edge is about 1%
/// (TW₁'s 99% quantile is 2.02; 0.5% measured for q = 15…20, n = 40…400). Each warning was kept
/// because it separates right from wrong read-outs over seeds; the measured rates are recorded
/// in `CovarianceRankReadoutTests`. The former narrow-gap warnings (largest counted eigenvalue
/// above 0.7τ, smallest uncounted below 1.1τ) fired on 23% and 25% of right read-outs against
/// 40% of wrong ones and were replaced; so was the check "largest eigenvalue above 1.5 times the
/// upper edge" (sampling centre off the minimum), which does not speak to the rank: with the
/// centre 1.5σ off along a flat direction it fired on all 100 runs, 99 of them right, and with
/// the centre 2σ off along a curved direction on none of 100 runs, all wrong.
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
  /// The evidence's warnings, typed (each with its cause).
  public let diagnostics: [Warning]

  /// A warning about the read-out, with its cause.
  public enum Warning: Sendable, Equatable, Codable {
    /// The largest counted eigenvalue lies within ``CovarianceRankReadout/edgeFluctuationMultiple``
    /// Tracy–Widom scales of the lower Marchenko–Pastur edge of a (d − rank + 1)-dimensional null
    /// block: it may be a flat direction counted as curved (the rank one too high), or a curved
    /// direction too weak to tell from a flat one at this n.
    case countedMayBeFlat(eigenvalue: Double, nullDimension: Int, edge: Double, scale: Double)
    /// The smallest uncounted eigenvalue lies more than ``CovarianceRankReadout/edgeFluctuationMultiple``
    /// Tracy–Widom scales below the lower Marchenko–Pastur edge of the (d − rank) directions read as
    /// flat: it is probably a curved direction counted as flat (the rank too low).
    case uncountedBelowNullEdge(eigenvalue: Double, nullDimension: Int, edge: Double, scale: Double)

    /// One line: the evidence and what to do.
    public var message: String {
      let f = SamplingFormat.short
      switch self {
      case let .countedMayBeFlat(e, q, edge, scale):
        return "the largest counted eigenvalue \(f(e)) is within \(f(CovarianceRankReadout.edgeFluctuationMultiple)) Tracy–Widom scales (\(f(scale))) of the lower "
          + "Marchenko–Pastur edge \(f(edge)) of \(q) flat directions: it may be a flat direction counted as curved "
          + "(rank one too high) or a curvature too weak to tell apart at this n; use more kept points (see --plan)"
      case let .uncountedBelowNullEdge(e, q, edge, scale):
        return "the smallest uncounted eigenvalue \(f(e)) is more than \(f(CovarianceRankReadout.edgeFluctuationMultiple)) Tracy–Widom scales (\(f(scale))) below the "
          + "lower Marchenko–Pastur edge \(f(edge)) of the \(q) directions read as flat: it is probably a curved "
          + "direction (rank too low); use more kept points (see --plan)"
      }
    }
  }

  /// How many Tracy–Widom scales below the null edge still count as the edge's fluctuation: 2
  /// (TW₁'s 99% quantile is 2.02).
  public static let edgeFluctuationMultiple = 2.0

  /// The Tracy–Widom scale of the smallest eigenvalue of the second moment of n points of a
  /// q-dimensional N(0, σ²I) block, over σ²: (√n − √q)(1/√q − 1/√n)^{1/3}/n (Ma 2012; meant for n > q ≥ 1).
  public static func tracyWidomScale(nullDimension q: Int, kept n: Int) -> Double {
    let sn = Double(n).squareRoot(), sq = Double(q).squareRoot()
    return (sn - sq) * Foundation.pow(1 / sq - 1 / sn, 1.0 / 3) / Double(n)
  }

  /// smallestUncounted / largestCounted: how wide the gap around τ is (nil if one side is empty).
  public var gapRatio: Double? {
    guard let a = largestCounted, let b = smallestUncounted, a > 0 else { return nil }
    return b / a
  }

  /// The Marchenko–Pastur edges of the null block's eigenvalues over σ²:
  /// (1 − √(d/n))² and (1 + √(d/n))² for n kept points in d dimensions. The lower
  /// edge times σ² is the read-out threshold τ. Meant for n > d. (``MarchenkoPastur/edges(dimension:samples:variance:)``.)
  public static func nullBlockEdges(dimension d: Int, kept n: Int) -> (lower: Double, upper: Double) {
    MarchenkoPastur.edges(dimension: d, samples: n)
  }

  /// Reads the rank off the eigenvalues of the second moment of n kept points.
  ///
  /// - Parameters:
  ///   - eigenvalues: eigenvalues of Ĉ (any order), d of them.
  ///   - n: `kept`, the number of points Ĉ averages (its degrees of freedom).
  ///   - sigma: the sampling σ.
  /// - Throws: ``InputError`` (naming the kept points, ``InputError/Parameter/kept``) when n ≤ d: Ĉ then has at least
  ///   d − n zero eigenvalues and τ is not defined (notes §2.4, "hard floor").
  public static func read(eigenvalues: [Double], kept n: Int, sigma: Double) throws(InputError) -> CovarianceRankReadout {
    let d = eigenvalues.count
    guard n > d else {
      throw InputError.parameter(
        .kept, value: "\(n)",
        problem: "a rank read-out needs more kept points than dimensions (n = \(n), d = \(d)); "
          + "the covariance of n ≤ d points has d − n zero eigenvalues")
    }
    let s2 = sigma * sigma
    let edges = nullBlockEdges(dimension: d, kept: n)
    let tau = s2 * edges.lower
    let sorted = eigenvalues.sorted()
    let below = sorted.filter { $0 < tau }
    let above = sorted.filter { $0 >= tau }
    var diagnostics: [Warning] = []
    let z = edgeFluctuationMultiple
    let q = d - below.count
    // Could the largest counted eigenvalue be the smallest of q + 1 flat directions?
    if let a = below.last {
      let edge = s2 * nullBlockEdges(dimension: q + 1, kept: n).lower
      let scale = s2 * tracyWidomScale(nullDimension: q + 1, kept: n)
      if a > edge - z * scale {
        diagnostics.append(.countedMayBeFlat(eigenvalue: a, nullDimension: q + 1, edge: edge, scale: scale))
      }
    }
    // Is the smallest uncounted eigenvalue too low for the smallest of q flat directions?
    if let b = above.first, q >= 1 {
      let edge = s2 * nullBlockEdges(dimension: q, kept: n).lower
      let scale = s2 * tracyWidomScale(nullDimension: q, kept: n)
      if b < edge - z * scale {
        diagnostics.append(.uncountedBelowNullEdge(eigenvalue: b, nullDimension: q, edge: edge, scale: scale))
      }
    }
    return CovarianceRankReadout(
      rank: below.count, threshold: tau, largestCounted: below.last, smallestUncounted: above.first,
      eigenvalues: sorted, diagnostics: diagnostics)
  }
}

/// Number formatting for sampling messages and tables.
package enum SamplingFormat {
  /// x with 4 significant digits (`%.4g`).
  package static func short(_ x: Double) -> String { String(format: "%.4g", x) }
}
