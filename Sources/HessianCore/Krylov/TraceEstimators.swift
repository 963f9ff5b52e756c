import Foundation

/// The distribution of the entries of a random probe vector.
public enum ProbeDistribution: String, Sendable, Codable, CaseIterable {
  /// ±1 with probability ½ each. Var(vᵀAv) = 2(‖A‖_F² − Σ A_ii²).
  case rademacher
  /// N(0, 1). Var(vᵀAv) = 2‖A‖_F².
  case gaussian

  /// Fills `v` with independent draws.
  public func fill(_ v: inout [Double], using rng: inout SeededGenerator) {
    switch self {
    case .rademacher: for i in v.indices { v[i] = rng.next() & 1 == 0 ? 1 : -1 }
    case .gaussian: rng.fillNormal(&v)
    }
  }
}

/// A stochastic trace estimate with its standard error and cost.
public struct TraceEstimate: Sendable, Codable, Equatable {
  /// The estimate of tr A.
  public var value: Double
  /// The sample standard error of the stochastic part (0 when it is exact).
  public var standardError: Double
  /// HVPs (matrix-vector products) made.
  public var hessianVectorProducts: Int
}

/// Hutchinson's and Hutch++ trace estimators for a symmetric operator.
public enum TraceEstimators {
  /// Hutchinson's estimator with ℓ probes:
  ///
  /// ```
  /// tr A ≈ (1/ℓ) Σ_l v_lᵀ A v_l,   standard error = s/√ℓ (s: sample sd of v_lᵀAv_l)
  /// ```
  ///
  /// Unbiased; with Rademacher probes exact for every diagonal A (v_i² = 1).
  /// Hutchinson, Commun. Stat. Simul. Comput. 18(3):1059–1076 (1989); Avron &
  /// Toledo, J. ACM 58(2):8 (2011) for the variances.
  ///
  /// - Complexity: ℓ HVPs.
  public static func hutchinson(
    of op: HessianOperator, probes: Int, distribution: ProbeDistribution = .rademacher,
    using rng: inout SeededGenerator
  ) throws -> TraceEstimate {
    precondition(probes > 0, "Hutchinson needs at least one probe")
    let before = op.applicationCount
    let d = op.dimension
    var v = [Double](repeating: 0, count: d)
    var w = [Double](repeating: 0, count: d)
    var samples: [Double] = []
    samples.reserveCapacity(probes)
    for _ in 0..<probes {
      distribution.fill(&v, using: &rng)
      try op.apply(v, into: &w)
      samples.append(BLAS.dot(v, w))
    }
    let (mean, se) = meanAndStandardError(samples)
    return TraceEstimate(value: mean, standardError: se, hessianVectorProducts: op.applicationCount - before)
  }

  /// Hutch++ with a budget of m products (m/3 each for the sketch, the exact
  /// part and the residual part):
  ///
  /// ```
  /// Q = orth(A S), S: d×(m/3) random;   tr A ≈ tr(QᵀAQ) + (3/m) Σ g_lᵀ(I − QQᵀ)A(I − QQᵀ)g_l
  /// ```
  ///
  /// (1 ± ε) relative error for PSD A with O(1/ε) products, against O(1/ε²) for
  /// Hutchinson; exact once the sketch holds the whole range. Meyer, Musco,
  /// Musco & Woodruff, "Hutch++: Optimal stochastic trace estimation", SOSA 2021
  /// (arXiv:2010.09649), Algorithm 1. The standard error is that of the
  /// Hutchinson part.
  ///
  /// - Complexity: 3·⌊m/3⌋ HVPs (m ≥ 3), O(d m²) flops.
  public static func hutchPlusPlus(
    of op: HessianOperator, matvecs m: Int, distribution: ProbeDistribution = .rademacher,
    using rng: inout SeededGenerator
  ) throws -> TraceEstimate {
    precondition(m >= 3, "Hutch++ needs at least 3 matrix-vector products")
    let before = op.applicationCount
    let d = op.dimension
    let s = min(m / 3, d)
    var v = [Double](repeating: 0, count: d)
    var q: [[Double]] = []
    for _ in 0..<s {
      distribution.fill(&v, using: &rng)
      var y = try op(v)
      BlockKrylovRank.project(&y, q)
      let n = BLAS.norm(y)
      if n > 0 {
        BLAS.scale(1 / n, &y)
        q.append(y)
      }
    }
    var exact = 0.0
    var w = [Double](repeating: 0, count: d)
    for u in q {
      try op.apply(u, into: &w)
      exact += BLAS.dot(u, w)
    }
    let probes = m / 3
    var samples: [Double] = []
    for _ in 0..<probes {
      distribution.fill(&v, using: &rng)
      BlockKrylovRank.project(&v, q)
      try op.apply(v, into: &w)
      BlockKrylovRank.project(&w, q)
      samples.append(BLAS.dot(v, w))
    }
    let (mean, se) = meanAndStandardError(samples)
    return TraceEstimate(
      value: exact + mean, standardError: se, hessianVectorProducts: op.applicationCount - before)
  }

  /// The sample mean and its standard error s/√n (0 for one sample).
  static func meanAndStandardError(_ x: [Double]) -> (Double, Double) {
    let n = Double(x.count)
    guard n > 0 else { return (0, 0) }
    let mean = x.reduce(0, +) / n
    guard n > 1 else { return (mean, 0) }
    let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
    return (mean, (variance / n).squareRoot())
  }
}
