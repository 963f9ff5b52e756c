import Foundation

/// The numerical rank of a dense symmetric H by Sylvester's law of inertia: counted, not computed.
///
/// ```
/// S = (H + Hᵀ)/2;   ℓ ≤ ‖S‖₂ ≤ g·ℓ  (k-step Lanczos; g from Kuczyński–Woźniakowski, below)
/// τ(N) = N·d·δ (or the policy's τ);   s₋ = τ(ℓ)/w,  s₊ = τ(g·ℓ)·w,  w = √10
/// count(s) = #{λ > s} + #{λ < −s} = positive(S − sI) + negative(S + sI)   (LDLᵀ, rook pivoting)
/// count(s₋) = count(s₊)  ⇒  rank = count(s₊), with no |λ| in (s₋, s₊]
/// ```
///
/// Equal counts at both ends of the window mean the rank is the same for every threshold in
/// [s₋, s₊], which contains τ(‖S‖) with room to spare on each side: every counted |λ| exceeds s₊
/// and every uncounted one is at most s₋, a gap ratio of at least w² = 10
/// (``NumericalRank/fragileGapRatio``; w²·g for a τ relative to ‖S‖). When S + s₋I has a Cholesky factor there is no
/// eigenvalue below −s₋ and the negative side costs one `dpotrf` instead of two LDLᵀ.
///
/// **The norm bound.** For a start vector uniform on the sphere, k steps of Lanczos on S contain
/// j = ⌊(k + 1)/2⌋ steps on S² (K_j(S², b) ⊆ K_{2j−1}(S, b)), so ℓ² = ‖T_{k+1,k}‖₂² (the largest
/// ‖S·x‖²/‖x‖² over the Krylov space) satisfies P(ℓ² < (1 − ε)·‖S‖²) ≤ 1.648·√d·e^{−√ε·(2j−1)}
/// (Kuczyński & Woźniakowski, SIAM J. Matrix Anal. Appl. 13 (1992), Thm. 4.1, for the
/// positive semidefinite S²). ε is solved for ``normFailureProbability`` and g = 1/√(1 − ε);
/// k = d spans the whole space (g = 1).
///
/// **Backward error.** Each factorization is exact for a matrix within p(d)·u·(1 + growth)·‖S‖
/// of S − sI (``SymmetricTriangle``), the same order as the c·d·ε·‖H‖ that the dense method's
/// eigenvalues carry; the window puts a factor w = √10 between τ and each count. A pivot growth
/// above ``maxPivotGrowth``, a window whose counts differ, the largest-gap policy (which needs
/// the spectrum), a zero S or a norm bound that cannot be had, all fall back to the full
/// eigendecomposition of the same matrix (``RankResult/fallback`` says why).
///
/// - Complexity: 0 HVPs when the operator carries its matrix, otherwise d (one block of d
///   columns); two LDLᵀ and one Cholesky of d³/3 flops each (four LDLᵀ when S has an eigenvalue
///   below −s₋), k ≤ ``lanczosSteps`` symmetric products, 3 d×d matrices. On fallback, add the
///   dense method's 9d³ flops.
public enum InertiaRank {
  /// The Lanczos steps of the norm bound (fewer when d is smaller).
  public static let lanczosSteps = 40
  /// The probability that ‖S‖₂ exceeds the bound g·ℓ.
  public static let normFailureProbability = 1e-10
  /// The largest pivot growth accepted before falling back to the eigendecomposition.
  public static let maxPivotGrowth = 10.0
  /// The window's factor on each side of τ: √``NumericalRank/fragileGapRatio``.
  public static var windowFactor: Double { NumericalRank.fragileGapRatio.squareRoot() }

  /// The rank of `op` under `policy`. The Lanczos start vector is drawn from `rng`.
  ///
  /// - Throws: ``InputError`` when the dense matrix does not fit the ``MemoryBudget``;
  ///   ``LinearAlgebraError`` when it is not finite.
  public static func rank(
    of op: HessianOperator, policy: ThresholdPolicy = .precisionRelative, using rng: inout SeededGenerator
  ) throws -> RankResult {
    let before = op.applicationCount
    let h = try DenseRank.denseMatrix(of: op)
    let d = op.dimension
    let outcome = try count(h, policy: policy, accuracy: op.accuracy, using: &rng)
    let hvps = op.applicationCount - before
    switch outcome {
    case let .counted(c):
      var warnings: [Warning] = []
      if c.negativeBeyondWindow > 0 {
        warnings.append(Warning(
          .negativeEigenvalue,
          "\(c.negativeBeyondWindow) eigenvalue(s) lie below −\(NumericalRank.format(c.upper)) (inertia of H + sI): this is not a minimum, and |λ| was counted"))
      }
      let decision = RankDecision(
        rank: c.rank, threshold: c.threshold, smallestCounted: nil, largestUncounted: nil, gapRatio: nil,
        warnings: warnings)
      var result = RankResult(
        rank: c.rank, method: .inertia, dimension: d, hessianVectorProducts: hvps, decision: decision,
        policy: policy, eigenvalues: [], converged: true, warnings: [], seed: rng.seed, uncountedBound: c.lower)
      result.countedBound = c.upper
      result.normBounds = [c.normLower, c.normUpper]
      return result
    case let .fallback(reason):
      let values = try SymmetricEigen.values(of: h)
      let decision = NumericalRank.decide(eigenvalues: values, dimension: d, accuracy: op.accuracy, policy: policy)
      var result = RankResult(
        rank: decision.rank, method: .inertia, dimension: d, hessianVectorProducts: hvps, decision: decision,
        policy: policy, eigenvalues: values, converged: true, warnings: [], seed: rng.seed)
      result.fallback = reason
      return result
    }
  }

  /// A certified count, or why there is none.
  enum Outcome {
    case counted(Count)
    case fallback(String)
  }

  /// The evidence of a certified count.
  struct Count {
    var rank: Int
    var threshold: Double
    var lower: Double
    var upper: Double
    var normLower: Double
    var normUpper: Double
    var negativeBeyondWindow: Int
  }

  /// The windowed count on the symmetric part of `h` (scratch freed before returning).
  static func count(
    _ h: Matrix, policy: ThresholdPolicy, accuracy: Double, using rng: inout SeededGenerator
  ) throws -> Outcome {
    if case .largestGap = policy { return .fallback("the largest-gap policy needs every eigenvalue") }
    var s = try SymmetricTriangle(symmetricPartOf: h)
    let d = s.order
    guard s.maxAbs > 0 else { return .fallback("H is zero") }
    let (normLower, factor) = try normBounds(of: s, using: &rng)
    guard normLower > 0, factor.isFinite else {
      return .fallback("no bound on ‖H‖₂ from \(min(d, lanczosSteps)) Lanczos steps")
    }
    let normUpper = normLower * factor
    func tau(_ norm: Double) -> Double {
      switch policy {
      case .precisionRelative: norm * Double(d) * accuracy
      case let .relative(f): f * norm
      case let .absolute(t): t
      case .largestGap: 0
      }
    }
    let threshold = tau(normLower)
    let lower = threshold / windowFactor, upper = tau(normUpper) * windowFactor
    guard lower > 0, upper.isFinite else { return .fallback("τ = \(NumericalRank.format(threshold)) leaves no window") }
    let positiveLow = try s.inertia(shiftedBy: lower), positiveHigh = try s.inertia(shiftedBy: upper)
    var negativeLow = 0, negativeHigh = 0, growth = max(positiveLow.pivotGrowth, positiveHigh.pivotGrowth)
    if try !s.isPositiveDefinite(shiftedBy: lower) {
      let low = try s.inertia(shiftedBy: -lower), high = try s.inertia(shiftedBy: -upper)
      negativeLow = low.negative
      negativeHigh = high.negative
      growth = max(growth, low.pivotGrowth, high.pivotGrowth)
    }
    s.releaseScratch()
    guard growth <= maxPivotGrowth else {
      return .fallback("LDLᵀ pivot growth \(NumericalRank.format(growth)) > \(NumericalRank.format(maxPivotGrowth))")
    }
    let low = positiveLow.positive + negativeLow, high = positiveHigh.positive + negativeHigh
    guard low == high else {
      return .fallback(
        "\(low - high) eigenvalue(s) with |λ| in the window (\(NumericalRank.format(lower)), \(NumericalRank.format(upper))]")
    }
    return .counted(Count(
      rank: high, threshold: threshold, lower: lower, upper: upper, normLower: normLower, normUpper: normUpper,
      negativeBeyondWindow: negativeHigh))
  }

  /// ℓ = ‖T_{k+1,k}‖₂ after k = min(d, ``lanczosSteps``) steps of ``Lanczos`` (full
  /// reorthogonalisation) on S from a Gaussian start, and g with ‖S‖₂ ≤ g·ℓ except with
  /// probability ``normFailureProbability`` (``normFactor(dimension:steps:brokeDown:)``).
  static func normBounds(of s: SymmetricTriangle, using rng: inout SeededGenerator) throws -> (Double, Double) {
    let d = s.order
    let op = HessianOperator(dimension: d, name: "symmetric part") { x, y in y = s.multiply(x) }
    let run = try Lanczos.run(op, start: rng.normals(d), maxSteps: min(d, lanczosSteps))
    let m = run.steps
    guard m > 0 else { return (0, .infinity) }
    // ‖T_{m+1,m}‖₂² = λ_max(T_mᵀT_m + β_m² e_m e_mᵀ), β_m the residual left after the last step.
    let t = run.tridiagonal
    var gram = BLAS.multiply(t, .transpose, t)
    gram[m - 1, m - 1] += run.residualNorm * run.residualNorm
    let ell = max(try SymmetricEigen.values(of: gram).last ?? 0, 0).squareRoot()
    return (ell, normFactor(dimension: d, steps: m, brokeDown: run.brokeDown))
  }

  /// g = 1/√(1 − ε) with √ε = ln(1.648·√d / p) / (2j − 1), j = ⌊(k + 1)/2⌋, p =
  /// ``normFailureProbability`` (Kuczyński–Woźniakowski on S²); 1 when the run exhausted its
  /// Krylov space (a breakdown, or k = d: ℓ is ‖S‖₂ to rounding); +∞ when ε ≥ 1.
  static func normFactor(dimension d: Int, steps k: Int, brokeDown: Bool) -> Double {
    if brokeDown || k >= d { return 1 }
    let j = (k + 1) / 2
    let rootEps = log(1.648 * Double(d).squareRoot() / normFailureProbability) / Double(2 * j - 1)
    return rootEps < 1 ? 1 / (1 - rootEps * rootEps).squareRoot() : .infinity
  }
}
