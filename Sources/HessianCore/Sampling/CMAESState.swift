import Foundation

/// The state of (μ/μ_w, λ)-CMA-ES between generations and its update (Hansen, arXiv:1604.00772,
/// Appendix A, "Algorithm Summary", with the equation numbers below).
///
/// One generation: z_k ~ N(0, I), y_k = B D z_k, x_k = m + σ y_k (eqs. 38–40), ranked by loss;
/// ⟨y⟩_w = Σ w_i y_{i:λ}, m ← m + σ⟨y⟩_w (eq. 41, c_m = 1);
/// p_σ ← (1 − c_σ) p_σ + √(c_σ(2 − c_σ)μ_eff) C^{−1/2}⟨y⟩_w (eq. 43), with C^{−1/2} y_k = B z_k;
/// σ ← σ exp((c_σ/d_σ)(‖p_σ‖/E‖N(0, I)‖ − 1)) (eq. 44);
/// h_σ = 1 iff ‖p_σ‖/√(1 − (1 − c_σ)^{2(g+1)}) < (1.4 + 2/(n + 1)) E‖N(0, I)‖ (after eq. 45);
/// p_c ← (1 − c_c) p_c + h_σ √(c_c(2 − c_c)μ_eff) ⟨y⟩_w (eq. 45);
/// C ← (1 + c₁δ(h_σ) − c₁ − c_μ Σw_j) C + c₁ p_c p_cᵀ + c_μ Σ w_i y_{i:λ} y_{i:λ}ᵀ with
/// δ(h_σ) = (1 − h_σ) c_c(2 − c_c) (eqs. 46–47: the rank-one and rank-μ updates).
/// B and D (C = B D² Bᵀ) are refreshed every ``CMAESParameters/eigenUpdateInterval`` generations.
///
/// Cost per generation: 2λn² flops for the y_k, μn² for the rank-μ term, O(n²) for the rest;
/// 9n³ per eigendecomposition.
struct CMAESState {
  let p: CMAESParameters
  var mean: [Double]
  var sigma: Double
  var c: Matrix
  var b: Matrix
  var diag: [Double]
  var pathSigma: [Double]
  var pathC: [Double]
  var generation = 0

  init(parameters: CMAESParameters, start: [Double], sigma: Double) {
    let n = parameters.dimension
    p = parameters
    mean = start
    self.sigma = sigma
    c = Matrix.identity(n)
    b = Matrix.identity(n)
    diag = [Double](repeating: 1, count: n)
    pathSigma = [Double](repeating: 0, count: n)
    pathC = [Double](repeating: 0, count: n)
  }

  /// The candidates x_k = m + σ B D z_k of the next generation (rows), from λ×n standard normals `z`,
  /// and the steps y_k = B D z_k.
  func candidates(from z: Matrix) -> (x: Matrix, y: Matrix) {
    let n = p.dimension
    var bd = b
    for i in 0..<n { for j in 0..<n { bd[i, j] *= diag[j] } }
    let y = BLAS.multiply(z, .none, bd, .transpose)
    var x = y
    x.elements.withUnsafeMutableBufferPointer { e in
      for k in 0..<y.rows { for j in 0..<n { e[k * n + j] = mean[j] + sigma * e[k * n + j] } }
    }
    return (x, y)
  }

  /// The generation's update from its normals `z`, steps `y` and the ranking `order` (indices,
  /// best first). Returns false when C or σ is no longer finite and positive definite.
  mutating func update(z: Matrix, y: Matrix, order: [Int]) -> Bool {
    let n = p.dimension, mu = p.parents, w = p.weights
    var yw = [Double](repeating: 0, count: n), zw = yw
    var weighted = Matrix(rows: mu, columns: n)
    for (i, k) in order.prefix(mu).enumerated() {
      let root = w[i].squareRoot()
      for j in 0..<n {
        yw[j] += w[i] * y[k, j]
        zw[j] += w[i] * z[k, j]
        weighted[i, j] = root * y[k, j]
      }
    }
    for j in 0..<n { mean[j] += sigma * yw[j] }
    let cs = p.stepSizeCumulation, cc = p.pathCumulation, mueff = p.effectiveMass
    let bz = BLAS.multiply(b, .none, zw)  // C^{-1/2}⟨y⟩_w = B⟨z⟩_w
    let ks = (cs * (2 - cs) * mueff).squareRoot()
    for j in 0..<n { pathSigma[j] = (1 - cs) * pathSigma[j] + ks * bz[j] }
    generation += 1
    let psNorm = BLAS.norm(pathSigma)
    let correction = (1 - pow(1 - cs, Double(2 * generation))).squareRoot()
    let hSigma = psNorm / correction < (1.4 + 2 / Double(n + 1)) * p.expectedNormalNorm
    let kc = (cc * (2 - cc) * mueff).squareRoot()
    for j in 0..<n { pathC[j] = (1 - cc) * pathC[j] + (hSigma ? kc * yw[j] : 0) }
    let c1 = p.rankOneRate, cmu = p.rankMuRate
    let delta = hSigma ? 0 : cc * (2 - cc)
    var rankMu = Matrix(rows: n, columns: n)
    BLAS.syrk(weighted, .transpose, into: &rankMu)
    let keep = 1 + c1 * delta - c1 - cmu
    c.elements.withUnsafeMutableBufferPointer { e in
      for i in 0..<n {
        for j in 0..<n {
          e[i * n + j] = keep * e[i * n + j] + c1 * pathC[i] * pathC[j] + cmu * rankMu.elements[i * n + j]
        }
      }
    }
    sigma *= exp((cs / p.stepSizeDamping) * (psNorm / p.expectedNormalNorm - 1))
    return sigma.isFinite && sigma > 0 && c.isFinite && mean.allSatisfy(\.isFinite)
  }

  /// Refreshes B and D from C (C = B D² Bᵀ) and returns C's condition number and det(C)^{1/n},
  /// or nil when C is not positive definite.
  mutating func decompose() throws -> (condition: Double, geometricMean: Double)? {
    let eig = try SymmetricEigen.decomposition(of: c)
    guard let lo = eig.values.first, let hi = eig.values.last, lo > 0, hi.isFinite else { return nil }
    b = eig.vectors
    diag = eig.values.map { $0.squareRoot() }
    let meanLog = eig.values.reduce(0) { $0 + log($1) } / Double(eig.values.count)
    return (hi / lo, exp(meanLog))
  }
}
