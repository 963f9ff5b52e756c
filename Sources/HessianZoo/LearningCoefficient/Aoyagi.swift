/// Aoyagi's learning coefficient of a deep linear network.
///
/// Model x ↦ W_M⋯W_1 x with W_l ∈ ℝ^{H_{l+1}×H_l}, true map of rank r. With
/// Δ_j = H_j − r (j = 1…M+1), pick Σ as the shortest initial segment of the Δ's
/// sorted ascending with |Σ| = ℓ + 1 and
///
///     (a) max_{Σ} Δ < min_{Σᶜ} Δ,  (b) Σ_{Σ} Δ ≥ ℓ·max_{Σ} Δ,  (c) Σ_{Σ} Δ < ℓ·min_{Σᶜ} Δ
///
/// (complement conditions void when Σ is everything). With S = Σ_{Σ} Δ_j and
/// a = S − ℓ(⌈S/ℓ⌉ − 1),
///
///     λ = [r(H_1 + H_{M+1}) − r²]/2 + a(ℓ − a)/(4ℓ) − (ℓ − 1)S²/(4ℓ) + ½ Σ_{i<j ∈ Σ} Δ_iΔ_j,
///     m = a(ℓ − a) + 1.
///
/// Computed exactly in rationals. The multiplicity is the one public
/// implementations return; it matches Aoyagi–Watanabe (2005) for ℓ ≤ 2 and
/// is reported as unverified otherwise (theory §5.5).
///
/// Cost: O(M²); no loss evaluations.
///
/// References: M. Aoyagi, "Consideration on the learning efficiency of
/// multiple-layered neural networks with linear units", Neural Networks 172
/// (2024) 106132, doi:10.1016/j.neunet.2024.106132; M. Aoyagi & S. Watanabe,
/// "Stochastic complexities of reduced rank regression in Bayesian estimation",
/// Neural Networks 18 (2005), doi:10.1016/j.neunet.2005.03.014.
public enum Aoyagi {
  /// The result: λ, m, and ℓ (|Σ| − 1) which decides whether m is verified.
  public struct Result: Sendable, Equatable {
    /// λ, exactly.
    public let learningCoefficient: Rational
    /// m = a(ℓ − a) + 1 (1 when ℓ = 0); trusted only when ``multiplicityVerified``.
    public let multiplicity: Int
    /// ℓ = |Σ| − 1, where Σ is the chosen set of width deficits Δ_j.
    public let ell: Int
    /// True when m is backed by Aoyagi–Watanabe (2005), i.e. ℓ ≤ 2.
    public var multiplicityVerified: Bool { ell <= 2 }
  }

  /// λ and m for widths H_1 … H_{M+1} (input first) and true rank r.
  ///
  /// - Precondition: at least two widths, all ≥ 1, 0 ≤ r ≤ min widths.
  public static func learningCoefficient(widths: [Int], rank r: Int) -> Result {
    precondition(widths.count >= 2 && widths.allSatisfy { $0 >= 1 }, "at least two positive widths")
    precondition(r >= 0 && r <= (widths.min() ?? 0), "0 ≤ r ≤ min width")
    let deltas = widths.map { $0 - r }
    let order = deltas.indices.sorted { deltas[$0] != deltas[$1] ? deltas[$0] < deltas[$1] : $0 < $1 }
    var chosen: [Int] = order
    for size in 1...deltas.count {
      let subset = order.prefix(size).map { deltas[$0] }
      let complement = order.dropFirst(size).map { deltas[$0] }
      let ell = size - 1
      let sum = subset.reduce(0, +)
      let maxS = subset.max() ?? 0
      if let minC = complement.min(), !(maxS < minC) { continue }
      if !(sum >= ell * maxS) { continue }
      if let minC = complement.min(), !(sum < ell * minC) { continue }
      chosen = Array(order.prefix(size))
      break
    }
    let subset = chosen.map { deltas[$0] }
    let ell = subset.count - 1
    let s = subset.reduce(0, +)
    let h1 = widths[0], hOut = widths[widths.count - 1]
    var lambda = Rational(r * (h1 + hOut) - r * r, 2)
    var m = 1
    if ell >= 1 {
      let ceil = (s + ell - 1) / ell
      let a = s - ell * (ceil - 1)
      lambda = lambda + Rational(a * (ell - a), 4 * ell) - Rational((ell - 1) * s * s, 4 * ell)
      m = a * (ell - a) + 1
    }
    var cross = 0
    for i in 0..<subset.count { for j in (i + 1)..<subset.count { cross += subset[i] * subset[j] } }
    lambda = lambda + Rational(cross, 2)
    return Result(learningCoefficient: lambda, multiplicity: m, ell: ell)
  }

  /// The rank of the Hessian of ‖W_M⋯W_1 − W*‖²_F at the canonical true point
  /// (every W_l = [[I_r, 0], [0, 0]]): r(H_1 + H_{M+1} − r) for M ≥ 2 (the
  /// Jacobian's image is the matrices supported on the first r rows or the
  /// first r columns), and H_1·H_2 for one layer (the map is the identity).
  public static func hessianRank(widths: [Int], rank r: Int) -> Int {
    widths.count == 2 ? widths[0] * widths[1] : r * (widths[0] + widths[widths.count - 1] - r)
  }
}
