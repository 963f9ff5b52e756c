import Foundation

/// Is the SGLD localisation γ small enough for the landscape's flattest direction?
///
/// The localised posterior is p(w) ∝ exp(−nβ K(w) − (γ/2)‖w − w*‖²). Along a
/// direction v the loss confines w at the radius r_v where nβ K(w* + r_v v) = 1
/// (r_v ~ (nβ)^{−1/p} for a degree-p direction); the localiser must be
/// negligible there:
///
///     η_v = (γ/2) ρ_v² ≪ 1,   i.e.   γ ≪ (nβ)^{2/p}   (theory §6.3).
///
/// The space splits along the Hessian H = ∇²K(w*) (dense, from d HVPs, or the
/// known matrix):
///
/// - Range of H (eigenvalues h > τ, the precision threshold of
///   ``NumericalRank``): the posterior factorises along H's eigenvectors, and
///   along one with eigenvalue h it is Gaussian with precision nβh + γ, so
///   nβ E[½h t²] = ½/(1 + γ/(nβh)): the relative bias is exactly
///   η = γ/(nβ h_min) for the weakest curved direction (ρ = √(2/(nβh_min))).
///   Random directions are not used here: one that mixes a curved direction
///   with a flat one has a small Rayleigh quotient and would be charged a bias
///   the posterior does not have (the false alarm of earlier versions on
///   x₀² + x₁⁴ with flat x₂…x₄).
/// - Null space of H: the loss grows with degree ≥ 3 or not at all. The
///   diagnostic finds r_v by bisection along the null-space projections of the
///   coordinate axes (±) and `randomDirections` random unit null-space
///   directions, estimates the radial degree p_v = d log K / d log r at r_v (a
///   central difference over a factor 1.1), and charges
///   ρ_v = min(r_v, (nβ)^{−1/p_v}) for p_v ≥ 3 (r_v itself for p_v < 3), the
///   radius of a unit-coefficient degree-p_v monomial. A direction that passes
///   close to an exactly flat valley (the axes of (xy)² or x²y⁴) grows like
///   δ²r^p with a small δ, so r_v is large, but the posterior there is confined
///   across the valley by K and along it by the localiser — which is the
///   localiser's job, and costs only the (m − 1)/log(nβ/γ^{p/2}) of a log
///   correction. At n = 10⁴ (nβ ≈ 1086) (xy)² at γ = 1 gives η = 0.015 (no
///   warning) and x²y⁴ at γ = 100 gives η ≈ 4.9 (warning; λ̂ collapses to
///   0.003). Limitation: a genuinely weak higher-degree direction (10⁻⁴·x⁴) is
///   charged as a unit-coefficient one, so its bias is under-reported.
///   Directions where K stays below 1/(nβ) out to radius 10/√γ are counted
///   as flat and excluded: there the localiser alone confines w (it does not
///   bias λ̂ if K is exactly flat there).
///
/// The share reported is the larger of the two parts.
///
/// Cost: d HVPs (none when H is known) and one O(d³) eigendecomposition, then
/// about 60 loss evaluations per null-space probe (2·min(d, k) + randomDirections
/// probes for a null space of dimension k; none when H has full rank).
/// Reference: Lau et al., AISTATS 2025, arXiv:2308.12108 (the localised estimator).
public struct LocalisationDiagnostic: Sendable, Equatable, Codable {
  /// max over probed directions of η = (γ/2) ρ² (see the type's documentation).
  public let largestLocaliserShare: Double
  /// ρ of that direction, the confinement radius charged (nil when every direction is flat).
  public let flattestRadius: Double?
  /// The radial degree p estimated along that direction (nil when every direction is flat).
  public let flattestDegree: Double?
  /// The number of probed directions classified flat.
  public let flatDirections: Int
  /// The number of directions probed.
  public let probedDirections: Int
  /// Loss evaluations spent.
  public let lossEvaluations: Int
  /// Hessian-vector products spent building H (0 when the landscape knows H).
  public let hessianVectorProducts: Int
  /// The weakest nonzero curvature h_min of H (nil when H is zero).
  public let weakestCurvature: Double?

  /// The threshold on η above which ``SGLDEstimator`` warns.
  public static let warningThreshold = 0.1

  /// Probes the loss `oracle` around its centre for localisation γ at inverse temperature nβ,
  /// with H = ∇²L(w*) from `hessian` (its known matrix, or d HVPs in one block, counted).
  public init(
    oracle: some LossOracle, hessian: HessianOperator, nBeta: Double, gamma: Double,
    randomDirections: Int = 16, using rng: inout SeededGenerator
  ) throws {
    let landscape = CountingLossOracle(oracle)  // lossEvaluations is its count
    let d = landscape.dimension
    let center = landscape.center
    let base = try landscape.loss(at: center)
    // The quadratic part, exactly: H's eigenvalues above τ and its null space.
    let hvpBefore = hessian.applicationCount
    let dense = try DenseRank.denseMatrix(of: hessian)
    hessianVectorProducts = hessian.applicationCount - hvpBefore
    var nullBasis: [[Double]] = []
    var hMin: Double? = nil
    if let eig = try? SymmetricEigen.decomposition(of: dense) {
      let tau = NumericalRank.decide(eigenvalues: eig.values, dimension: d, accuracy: hessian.accuracy).threshold
      for (k, h) in eig.values.enumerated() {
        if h > tau {
          hMin = min(hMin ?? h, h)
        } else if abs(h) <= tau {
          nullBasis.append((0..<d).map { eig.vectors[$0, k] })
        }
      }
    } else {
      nullBasis = (0..<d).map { i in (0..<d).map { $0 == i ? 1.0 : 0.0 } }
    }
    weakestCurvature = hMin
    // Null-space probes: ± the projections of the axes, then random directions.
    var directions: [[Double]] = []
    func unit(_ v: [Double]) -> [Double]? {
      let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
      return norm > 1e-8 ? v.map { $0 / norm } : nil
    }
    if nullBasis.count == d {
      // H = 0: the axes themselves (no rounding from a rotated basis).
      for i in 0..<d {
        for sign in [1.0, -1.0] {
          var e = [Double](repeating: 0, count: d)
          e[i] = sign
          directions.append(e)
        }
      }
    } else if !nullBasis.isEmpty {
      for i in 0..<d {
        var axis = [Double](repeating: 0, count: d)
        axis[i] = 1
        if let v = unit(Orthogonalization.projection(of: axis, onto: nullBasis)) { directions += [v, v.map { -$0 }] }
      }
    }
    if !nullBasis.isEmpty {
      for _ in 0..<randomDirections {
        let g = rng.normals(nullBasis.count)
        var v = [Double](repeating: 0, count: d)
        for (c, n) in zip(g, nullBasis) { BLAS.axpy(c, n, &v) }
        if let u = unit(v) { directions.append(u) }
      }
    }
    let rMax = gamma > 0 ? 10 / gamma.squareRoot() : 1e6
    var point = center
    func scaledExcess(_ v: [Double], _ r: Double) throws -> Double {
      for i in 0..<d { point[i] = center[i] + r * v[i] }
      return nBeta * (try landscape.loss(at: point) - base)
    }
    var worst = 0.0
    var worstRadius: Double? = nil
    var worstDegree: Double? = nil
    if let h = hMin {
      // Weakest curved direction: η = γ/(nβ h), ρ = √(2/(nβ h)).
      worst = gamma / (nBeta * h)
      worstRadius = (2 / (nBeta * h)).squareRoot()
      worstDegree = 2
    }
    var flat = 0
    for v in directions {
      if try scaledExcess(v, rMax) < 1 {
        flat += 1
        continue
      }
      var lo = 0.0, hi = rMax
      for _ in 0..<60 {
        let mid = 0.5 * (lo + hi)
        if try scaledExcess(v, mid) < 1 { lo = mid } else { hi = mid }
        if hi - lo <= 1e-6 * hi { break }
      }
      // Radial degree at the confinement radius: p = d log K / d log r.
      let step = 1.1
      let up = try scaledExcess(v, hi * step), down = try scaledExcess(v, hi / step)
      let degree: Double = (up > 0 && down > 0) ? log(up / down) / (2 * log(step)) : 2
      let rho = degree < 3 ? hi : min(hi, pow(nBeta, -1 / degree))
      let eta = 0.5 * gamma * rho * rho
      if eta > worst {
        worst = eta
        worstRadius = rho
        worstDegree = degree
      }
    }
    largestLocaliserShare = worst
    flattestRadius = worstRadius
    flattestDegree = worstDegree
    flatDirections = flat
    probedDirections = directions.count
    lossEvaluations = landscape.lossEvaluations
  }
}
