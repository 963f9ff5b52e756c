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

  /// A d×k block of probes, one column per ``fill(_:using:)`` call in column order (the
  /// same draws as k single probes).
  public func block(rows d: Int, columns k: Int, using rng: inout SeededGenerator) -> Matrix {
    var v = [Double](repeating: 0, count: d)
    var out = Matrix(rows: d, columns: k)
    for j in 0..<k {
      fill(&v, using: &rng)
      for i in 0..<d { out.elements[i * k + j] = v[i] }
    }
    return out
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
  /// - Complexity: ℓ HVPs as one block product.
  public static func hutchinson(
    of op: HessianOperator, probes: Int, distribution: ProbeDistribution = .rademacher,
    using rng: inout SeededGenerator
  ) throws -> TraceEstimate {
    precondition(probes > 0, "Hutchinson needs at least one probe")
    let before = op.applicationCount
    let d = op.dimension
    let v = distribution.block(rows: d, columns: probes, using: &rng)
    let w = try op.apply(v)
    let samples = (0..<probes).map { j in BLAS.dot(v.column(j), w.column(j)) }
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
  /// - Complexity: 3·⌊m/3⌋ HVPs (m ≥ 3) in three block products, O(d m²) flops.
  public static func hutchPlusPlus(
    of op: HessianOperator, matvecs m: Int, distribution: ProbeDistribution = .rademacher,
    using rng: inout SeededGenerator
  ) throws -> TraceEstimate {
    precondition(m >= 3, "Hutch++ needs at least 3 matrix-vector products")
    let before = op.applicationCount
    let d = op.dimension
    let s = min(m / 3, d)
    // Three block products: H·S, H·Q and H·G (G the projected residual probes).
    var q: [[Double]] = []
    Orthogonalization.extend(&q, withColumnsOf: try op.apply(distribution.block(rows: d, columns: s, using: &rng)))
    var exact = 0.0
    if !q.isEmpty {
      let hq = try op.apply(Matrix(rows: d, columnVectors: q))
      for (j, u) in q.enumerated() { exact += BLAS.dot(u, hq.column(j)) }
    }
    let probes = m / 3
    var g = distribution.block(rows: d, columns: probes, using: &rng).columnVectors
    for j in g.indices { Orthogonalization.project(&g[j], against: q) }
    let hg = try op.apply(Matrix(rows: d, columnVectors: g))
    let samples = g.indices.map { j in
      var w = hg.column(j)
      Orthogonalization.project(&w, against: q)
      return BLAS.dot(g[j], w)
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
