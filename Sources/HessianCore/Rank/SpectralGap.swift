import Foundation

/// The largest gap in a spectrum near a rank threshold: the reading that says whether a rank can be
/// read from the spectrum at all, or only from the threshold.
///
/// With the computed magnitudes sorted m₁ ≥ m₂ ≥ … ≥ m_n and the threshold τ, the pairs near τ are
/// those whose interval [m_{k+1}, m_k] meets [τ/W, τ·W], W = ``window`` (so the pair straddling τ is
/// always one of them), and
///
///     ratio = max over those pairs of m_k / m_{k+1}   (+∞ when m_{k+1} = 0),   at = the k attaining it.
///
/// `at` is the rank a threshold placed in that gap would give. When ratio < ``NumericalRank/fragileGapRatio``
/// no threshold within a factor W of τ sits in a gap: the eigenvalues decay continuously through τ (as
/// at a trained network's minimum, where the residual spreads small eigenvalues), and the rank is a
/// property of τ (``WarningCode/noSpectralGap``). Eigenvalues that were not computed are not seen:
/// for a partial spectrum the reading covers the computed ones only. Cost: sorting n values.
public struct SpectralGap: Sendable, Equatable {
  /// W: pairs within this factor of τ on either side are read (three decades).
  public static let window = 1000.0

  /// The largest ratio m_k / m_{k+1} among the pairs near τ (+∞ when m_{k+1} = 0).
  public let ratio: Double
  /// k: the number of magnitudes above the gap (the rank a threshold in the gap would give).
  public let at: Int
  /// The largest magnitude above the gap, m_k.
  public let above: Double
  /// The smallest magnitude below the gap, m_{k+1}.
  public let below: Double

  /// The largest gap near `threshold` among `eigenvalues` (any order and sign), or nil when no pair of
  /// consecutive magnitudes meets [τ/W, τ·W] (fewer than two values, all far from τ on one side, or all
  /// zero: pairs of exact zeros are not gaps and are skipped).
  public init?(eigenvalues: [Double], threshold tau: Double) {
    let m = eigenvalues.map(abs).sorted(by: >)
    guard m.count >= 2, tau.isFinite, tau >= 0, m[0] > 0 else { return nil }
    let low = tau / Self.window, high = tau * Self.window
    var best: (ratio: Double, k: Int)? = nil
    for k in 0..<(m.count - 1) where m[k] > 0 && m[k] >= low && m[k + 1] <= high {
      let r = m[k + 1] == 0 ? Double.infinity : m[k] / m[k + 1]
      if best == nil || r > best!.ratio { best = (r, k) }
    }
    guard let best else { return nil }
    ratio = best.ratio
    at = best.k + 1
    above = m[best.k]
    below = m[best.k + 1]
  }

  /// Whether there is a gap to read a rank from: ratio ≥ ``NumericalRank/fragileGapRatio``.
  public var isClear: Bool { ratio >= NumericalRank.fragileGapRatio }

  /// The ``WarningCode/noSpectralGap`` warning when there is no clear gap, nil otherwise.
  public var warning: Warning? {
    guard !isClear else { return nil }
    return Warning(
      .noSpectralGap,
      "no spectral gap near the threshold: the largest ratio between consecutive |λ| within a factor \(Int(Self.window)) of τ is \(NumericalRank.format(ratio)) (|λ| \(NumericalRank.format(above)) / \(NumericalRank.format(below)) after \(at) values; < \(Int(NumericalRank.fragileGapRatio))×): the eigenvalues decay through τ without a gap, so there is no rank to read, only a count that depends on τ")
  }

  /// One line for a report: the largest gap near τ and the rank a threshold in it would give.
  public var line: String {
    "largest gap within \(Int(Self.window))× of τ: |λ| \(NumericalRank.format(above)) / \(NumericalRank.format(below)) = \(NumericalRank.format(ratio)) after \(at) values" + (isClear ? "" : " (no gap: < \(Int(NumericalRank.fragileGapRatio))×)")
  }
}
