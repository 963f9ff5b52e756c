/// Which of the λ candidates of one round are kept: the selection step of an
/// evolution strategy without adaptation.
///
/// Selection looks only at the *ranking* of the candidates' losses, so a
/// landscape L and g∘L (g increasing) give identical winners (theory §4.6).
/// Ranking is by (loss, candidate index): ties go to the lower index, and a NaN
/// loss ranks after every number, so it is never kept before a finite one.
///
/// - `best`: the (1,λ) winner, argmin of the λ losses (Shir & Yehudayoff,
///   TCS 801:157–174, 2020).
/// - `truncation(mu:)`: (μ,λ) truncation with equal weights: the μ best
///   candidates are all kept (S&Y §"(μ,λ)" give empirical evidence only; math
///   notes §1.5: proportionality to H⁻¹ degrades as μ/λ grows).
/// - `rank(_:)`: only the ℓ-th best candidate (S&Y's `generalPoint_ellOFlambda`
///   scripts); `rank(1)` equals `best`.
public enum SelectionScheme: Sendable, Equatable, Hashable {
  /// (1,λ): keep the best candidate.
  case best
  /// (μ,λ) truncation: keep the μ best candidates, equal weights.
  case truncation(mu: Int)
  /// Keep only the ℓ-th best candidate (ℓ = 1 is the best).
  case rank(Int)

  /// Points kept per round: μ for truncation, 1 otherwise.
  public var keptPerRound: Int {
    switch self {
    case .best, .rank: 1
    case let .truncation(mu): mu
    }
  }

  /// The number of best candidates that must be ranked: 1, μ or ℓ.
  var rankedPrefix: Int {
    switch self {
    case .best: 1
    case let .truncation(mu): mu
    case let .rank(l): l
    }
  }

  /// A short name: `(1,λ)`, `(μ,λ) μ=5`, `rank 3 of λ`.
  public var summary: String {
    switch self {
    case .best: "(1,λ)"
    case let .truncation(mu): "(μ,λ) truncation, μ = \(mu), equal weights"
    case let .rank(l): "rank-\(l) selection"
    }
  }

  /// Checks the scheme against a population size.
  ///
  /// - Throws: ``InputError`` naming the option when μ or ℓ is not in 1...λ.
  public func validate(population lambda: Int) throws(InputError) {
    switch self {
    case .best: return
    case let .truncation(mu):
      guard mu >= 1, mu <= lambda else {
        throw InputError.parameter(.mu, value: "\(mu)", problem: "μ = \(mu) must be between 1 and the population λ = \(lambda)")
      }
    case let .rank(l):
      guard l >= 1, l <= lambda else {
        throw InputError.parameter(.rankOf, value: "\(l)", problem: "ℓ = \(l) must be between 1 and the population λ = \(lambda)")
      }
    }
  }

  /// The candidate indices kept from `losses`, in increasing candidate order.
  ///
  /// Cost: O(λ·k) comparisons for the k ≤ 16 best (insertion into a sorted
  /// prefix), O(λ log λ) otherwise; no loss evaluations.
  public func selectedIndices(_ losses: [Double]) -> [Int] {
    let k = rankedPrefix
    precondition(k >= 1 && k <= losses.count, "selection needs 1 ≤ k ≤ λ")
    let order = Self.bestIndices(losses, count: k)
    switch self {
    case .best: return [order[0]]
    case .truncation: return order.sorted()
    case .rank: return [order[k - 1]]
    }
  }

  /// The index of the best loss (the (1,λ) winner): one pass, ties to the lower
  /// index, NaN after every number; the same index as `selectedIndices` for `.best`.
  ///
  /// Cost: λ comparisons, no allocation.
  static func bestIndex(_ losses: UnsafeBufferPointer<Double>) -> Int {
    var best = 0
    for i in 1..<losses.count where precedes(losses[i], i, losses[best], best) { best = i }
    return best
  }

  /// Whether candidate a ranks before candidate b: by loss (NaN last), then index.
  @inline(__always)
  static func precedes(_ fa: Double, _ a: Int, _ fb: Double, _ b: Int) -> Bool {
    if fa.isNaN { return fb.isNaN && a < b }
    if fb.isNaN { return true }
    return fa < fb || (fa == fb && a < b)
  }

  /// The indices of the `count` best losses, best first.
  static func bestIndices(_ losses: [Double], count k: Int) -> [Int] {
    if k > 16 {
      let all = losses.indices.sorted { precedes(losses[$0], $0, losses[$1], $1) }
      return Array(all.prefix(k))
    }
    var best: [Int] = []
    best.reserveCapacity(k + 1)
    for i in losses.indices {
      let fi = losses[i]
      if best.count == k {
        let last = best[k - 1]
        if !precedes(fi, i, losses[last], last) { continue }
        best.removeLast()
      }
      var pos = best.count
      while pos > 0 && precedes(fi, i, losses[best[pos - 1]], best[pos - 1]) { pos -= 1 }
      best.insert(i, at: pos)
    }
    return best
  }
}
