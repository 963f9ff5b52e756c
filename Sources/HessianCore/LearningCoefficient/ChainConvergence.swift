import Foundation

/// Have C Markov chains of one scalar quantity converged? Rank-normalised
/// split-R̂, bulk effective sample size and the drift between chain halves.
///
/// ``SGLDEstimator`` applies it to the draws of nβ(L(w) − L(w*)) kept after
/// burn-in, whose mean is λ̂.
///
/// **Split chains** (Gelman et al., BDA3 §11.4): each chain's n draws are cut
/// into its first and its last N = ⌊n/2⌋ draws (the middle draw of an odd n is
/// dropped), giving M = 2C sequences and S = MN draws.
///
/// **Rank normalisation** (Vehtari et al. 2021): every draw is replaced by
///
///     z = Φ⁻¹( (r − 3/8) / (S + 1/4) ),
///
/// r its average rank among all S draws (Blom's offset), so heavy tails (the
/// draws of nβK near a singularity are heavy-tailed) do not hide disagreement.
///
/// **R̂** (BDA3 §11.4, on split sequences; Vehtari et al. 2021):
/// with W the mean of the M within-sequence variances (divisor N − 1) and B/N
/// the variance of the M sequence means (divisor M − 1),
///
///     var⁺ = (N − 1)/N · W + B/N,     R̂ = √(var⁺ / W),
///
/// computed on z (bulk-R̂) and on the z of |x − median(x)| (folded-R̂, which
/// sees chains that differ in spread); ``rHat`` is the larger. All draws equal
/// gives R̂ = 1 (nothing to converge); W = 0 < B gives R̂ = ∞.
///
/// **Bulk ESS** (BDA3 §11.5; Vehtari et al. 2021; Geyer 1992): on the same z, with
/// γ̂_{m,t} the lag-t autocovariance of sequence m (divisor N),
///
///     ρ̂_t = 1 − (W − mean_m γ̂_{m,t}) / var⁺,     ESS = S / τ̂,
///     τ̂ = −1 + 2 Σ_{t ≤ T} ρ̂_t + ρ̂_{T+1},
///
/// truncated by Geyer's initial positive sequence (pairs P_k = ρ̂_{2k} + ρ̂_{2k+1}
/// summed while positive) made monotone (P_k ≤ P_{k−1}), and τ̂ ≥ 1/log₁₀ S,
/// exactly as Stan and ArviZ compute it. For well-mixed sequences
/// R̂² − 1 ≈ M/ESS.
///
/// **Drift between halves**: δ_c = (mean of chain c's last half) − (mean of its
/// first half), in the units of the draws; ``drift`` = mean δ_c, with standard
/// error sd(δ_c)/√C. The chains are independent, so under stationarity
/// drift/SE is Student t with C − 1 degrees of freedom, and ``drifted`` uses the
/// two-sided quantile at the false-alarm probability
/// ``driftFalseAlarmProbability``.
///
/// **Threshold** ``rHatThreshold`` = 1.05, the threshold of rstan's `Rhat`
/// documentation; Vehtari et al. recommend 1.01 for final inference. Since
/// R̂² − 1 ≈ M/ESS, 1.05 asks for about 10 effective draws per half chain (enough
/// for the chain means behind λ̂'s standard error to be near normal) and 1.01
/// for about 50. For SGLD at the defaults of ``SGLDEstimator/Configuration``
/// (measured over 200 seeds each, see `SGLDEstimatorTests`), 1.01 flags 98.5%
/// of the runs on x² + y⁴ although λ̂ and its standard error are right there,
/// while 1.05 flags 3.5% of those, every run on x²y⁶ and 95.5% on (xy)², where
/// λ̂ is low.
///
/// Cost: O(S log S) for the ranks and for the autocovariances (by FFT); no
/// loss or gradient evaluations.
///
/// References: A. Gelman, J. B. Carlin, H. S. Stern, D. B. Dunson, A. Vehtari
/// and D. B. Rubin, *Bayesian Data Analysis*, 3rd ed. (BDA3), CRC Press 2013,
/// §11.4–11.5; A. Vehtari, A. Gelman, D. Simpson, B. Carpenter and
/// P.-C. Bürkner, "Rank-normalization, folding, and localization: an improved
/// R̂ for assessing convergence of MCMC", Bayesian Analysis 16(2):667–718
/// (2021), arXiv:1903.08008; C. J. Geyer, "Practical Markov chain Monte
/// Carlo", Statistical Science 7(4):473–483 (1992).
public struct ChainConvergence: Sendable, Equatable, Codable {
  /// R̂ = max(bulk, folded) rank-normalised split-R̂.
  public let rHat: Double
  /// Rank-normalised split-R̂ of the draws.
  public let bulkRHat: Double
  /// Rank-normalised split-R̂ of |x − median(x)|.
  public let foldedRHat: Double
  /// Bulk effective sample size of the S draws used.
  public let effectiveSampleSize: Double
  /// S = 2C·⌊n/2⌋, the draws the diagnostics used.
  public let draws: Int
  /// C, the chains.
  public let chains: Int
  /// Mean over chains of (mean of the last half − mean of the first half).
  public let drift: Double
  /// sd(δ_c)/√C; `nil` with one chain.
  public let driftStandardError: Double?
  /// t_{C−1} quantile at 1 − p/2, p = ``driftFalseAlarmProbability``; `nil` with one chain.
  public let driftCriticalValue: Double?

  /// R̂ above which the chains are reported as not converged (see the type's documentation).
  public static let rHatThreshold = 1.05
  /// The probability that ``drifted`` is true for stationary, independent chains with normal half means.
  public static let driftFalseAlarmProbability = 1e-3

  /// R̂ ≤ ``rHatThreshold``.
  public var mixed: Bool { rHat <= Self.rHatThreshold }
  /// |drift| > t_{C−1, 1−p/2} · SE (with SE = 0: any nonzero drift); false with one chain.
  public var drifted: Bool {
    guard let se = driftStandardError, let q = driftCriticalValue else { return false }
    return se > 0 ? abs(drift) > q * se : drift != 0
  }
  /// ``mixed`` and not ``drifted``.
  public var converged: Bool { mixed && !drifted }

  /// Diagnoses `chains` (one array of draws per chain, in order); chains of
  /// different lengths are cut to the shortest. `nil` with no chain, fewer
  /// than 4 draws per chain, or a non-finite draw.
  public init?(chains: [[Double]]) {
    guard let n = chains.map(\.count).min(), n >= 4, chains.allSatisfy({ $0.allSatisfy(\.isFinite) }) else { return nil }
    let half = n / 2
    var sequences: [[Double]] = []
    for c in chains {
      sequences.append(Array(c[0..<half]))
      sequences.append(Array(c[(n - half)..<n]))
    }
    let bulk = Self.rankNormalised(sequences)
    let all = sequences.flatMap { $0 }
    let median = Self.median(all)
    let folded = Self.rankNormalised(sequences.map { $0.map { abs($0 - median) } })
    bulkRHat = Self.splitRHat(bulk)
    foldedRHat = Self.splitRHat(folded)
    rHat = max(bulkRHat, foldedRHat)
    effectiveSampleSize = Self.effectiveSampleSize(bulk)
    draws = all.count
    self.chains = chains.count
    let deltas = (0..<chains.count).map { c in Self.mean(sequences[2 * c + 1]) - Self.mean(sequences[2 * c]) }
    drift = Self.mean(deltas)
    if deltas.count >= 2 {
      let m = drift
      let variance = deltas.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(deltas.count - 1)
      driftStandardError = (variance / Double(deltas.count)).squareRoot()
      driftCriticalValue = try? Distributions.studentTQuantile(
        1 - Self.driftFalseAlarmProbability / 2, degreesOfFreedom: Double(deltas.count - 1))
    } else {
      driftStandardError = nil
      driftCriticalValue = nil
    }
  }

  /// The factor by which the kept draws (steps after burn-in) should grow for
  /// R̂ to fall to ``rHatThreshold``: R̂² − 1 ≈ M/ESS falls like 1/length for
  /// mixing chains, so k = (R̂² − 1)/(threshold² − 1), doubled for margin and
  /// rounded up (at least 2). `nil` when R̂ is infinite.
  public var suggestedLengthFactor: Int? {
    guard rHat.isFinite else { return nil }
    let k = 2 * (rHat * rHat - 1) / (Self.rHatThreshold * Self.rHatThreshold - 1)
    return max(2, Int(clamping: k, rounding: .up))  // a huge R̂ must not trap the conversion
  }

  // MARK: - Formulas

  /// Split-R̂ of M sequences of equal length N (BDA3 §11.4).
  static func splitRHat(_ sequences: [[Double]]) -> Double {
    let (w, b, n) = withinBetween(sequences)
    if w == 0 { return b == 0 ? 1 : .infinity }
    let varPlus = (n - 1) / n * w + b / n
    return (varPlus / w).squareRoot()
  }

  /// W (mean within-sequence variance, divisor N − 1), B = N·var(sequence means) and N.
  static func withinBetween(_ sequences: [[Double]]) -> (w: Double, b: Double, n: Double) {
    let n = Double(sequences[0].count)
    let means = sequences.map(mean)
    let w = zip(sequences, means).map { s, m in s.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1) }.reduce(0, +)
      / Double(sequences.count)
    var b = 0.0
    if sequences.count > 1 {
      let grand = mean(means)
      b = n * means.reduce(0) { $0 + ($1 - grand) * ($1 - grand) } / Double(sequences.count - 1)
    }
    return (w, b, n)
  }

  /// ESS of M sequences of equal length N by Geyer's initial monotone sequence,
  /// as Stan and ArviZ compute it (see the type's documentation).
  static func effectiveSampleSize(_ sequences: [[Double]]) -> Double {
    let m = sequences.count
    let n = sequences[0].count
    let total = Double(m * n)
    let lo = sequences.map { $0.min() ?? 0 }.min() ?? 0, hi = sequences.map { $0.max() ?? 0 }.max() ?? 0
    if hi - lo < 1e-15 { return total }
    // Mean over sequences of the lag-t autocovariance (divisor N), every lag by FFT.
    var meanAutocovariances = [Double](repeating: 0, count: n)
    for s in sequences {
      let gamma = Autocovariance.allLags(s)
      for t in 0..<n { meanAutocovariances[t] += gamma[t] / Double(m) }
    }
    func meanAutocovariance(_ t: Int) -> Double { meanAutocovariances[t] }
    let (w, b, nn) = withinBetween(sequences)
    let varPlus = (nn - 1) / nn * w + (m > 1 ? b / nn : 0)
    func rho(_ t: Int) -> Double { 1 - (w - meanAutocovariance(t)) / varPlus }
    var r = [Double](repeating: 0, count: n + 1)
    r[0] = 1
    var even = 1.0
    var odd = rho(1)
    r[1] = odd
    var t = 1
    while t < n - 3 && even + odd > 0 {
      even = rho(t + 1)
      odd = rho(t + 2)
      if even + odd >= 0 {
        r[t + 1] = even
        r[t + 2] = odd
      }
      t += 2
    }
    let maxT = t - 2
    if even > 0 { r[maxT + 1] = even }
    t = 1
    while t <= maxT - 2 {
      if r[t + 1] + r[t + 2] > r[t - 1] + r[t] {
        r[t + 1] = (r[t - 1] + r[t]) / 2
        r[t + 2] = r[t + 1]
      }
      t += 2
    }
    let head = maxT >= 0 ? r[0...maxT].reduce(0, +) : 0
    var tau = -1 + 2 * head + r[maxT + 1]
    tau = max(tau, 1 / log10(total))
    return total / tau
  }

  /// z = Φ⁻¹((r − 3/8)/(S + 1/4)) with r the average rank over all sequences.
  static func rankNormalised(_ sequences: [[Double]]) -> [[Double]] {
    let flat = sequences.flatMap { $0 }
    let s = flat.count
    let order = flat.indices.sorted { flat[$0] < flat[$1] }
    var ranks = [Double](repeating: 0, count: s)
    var i = 0
    while i < s {
      var j = i
      while j + 1 < s && flat[order[j + 1]] == flat[order[i]] { j += 1 }
      let average = Double(i + j) / 2 + 1
      for k in i...j { ranks[order[k]] = average }
      i = j + 1
    }
    let z = ranks.map { r in (try? Distributions.normalQuantile((r - 0.375) / (Double(s) + 0.25))) ?? 0 }
    var out: [[Double]] = []
    var offset = 0
    for seq in sequences {
      out.append(Array(z[offset..<(offset + seq.count)]))
      offset += seq.count
    }
    return out
  }

  static func mean(_ x: [Double]) -> Double { x.isEmpty ? 0 : x.reduce(0, +) / Double(x.count) }

  static func median(_ x: [Double]) -> Double {
    let s = x.sorted()
    guard !s.isEmpty else { return 0 }
    return s.count % 2 == 1 ? s[s.count / 2] : 0.5 * (s[s.count / 2 - 1] + s[s.count / 2])
  }
}
