import Foundation

/// Is the SGLD localisation γ small enough for the landscape's flattest direction?
///
/// The localised posterior is p(w) ∝ exp(−nβ K(w) − (γ/2)‖w − w*‖²). Along a
/// direction v the loss confines w at the radius r_v where nβ K(w* + r_v v) = 1
/// (r_v ~ (nβ)^{−1/p} for a degree-p direction); the localiser must be
/// negligible there:
///
///     η_v = (γ/2) ρ_v² ≪ 1,   i.e.   γ ≪ (nβ)^{2/p}   (math notes §6),
///
/// with the confinement radius ρ_v chosen by the growth of K along v. The
/// diagnostic finds r_v by bisection along ±e_i (every coordinate axis) and
/// `randomDirections` random unit directions, and estimates the radial degree
/// p_v = d log K / d log r at r_v (a central difference over a factor 1.1):
///
/// - p_v < 3 (quadratic growth): ρ_v = r_v. For a quadratic direction η_v is
///   exactly the relative bias, λ̂ = ½/(1 + η), so a weak curvature counts.
/// - p_v ≥ 3 (higher-degree growth): ρ_v = min(r_v, (nβ)^{−1/p_v}), the radius
///   of a unit-coefficient degree-p_v monomial. A random direction that passes
///   close to an exactly flat valley (the axes of (xy)² or x²y⁴) grows like
///   δ²r^p with a small δ, so r_v is large, but the posterior there is confined
///   across the valley by K and along it by the localiser — which is the
///   localiser's job, and costs only the (m − 1)/log(nβ/γ^{p/2}) of a log
///   correction. Comparing γ with (nβ)^{2/p} is the criterion of the notes:
///   at n = 10⁴ (nβ ≈ 1086) (xy)² at γ = 1 gives η = 0.015 (no warning) and
///   x²y⁴ at γ = 100 gives η ≈ 4.9 (warning; λ̂ collapses to 0.003).
///   Limitation: a genuinely weak higher-degree direction (10⁻⁴·x⁴) is
///   charged as a unit-coefficient one, so its bias is under-reported.
///
/// Directions where K stays below 1/(nβ) out to radius 10/√γ are counted as
/// flat and excluded: there the localiser alone confines w (it does not bias
/// λ̂ if K is exactly flat there).
///
/// Cost: (2d + randomDirections)·(about 60) loss evaluations.
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

  /// The threshold on η above which ``SGLDEstimator`` warns.
  public static let warningThreshold = 0.1

  /// Probes `landscape` for localisation γ at inverse temperature nβ.
  public init(
    landscape: some Landscape, nBeta: Double, gamma: Double, randomDirections: Int = 16,
    using rng: inout SeededGenerator
  ) {
    let d = landscape.dimension
    let center = landscape.minimum
    let base = landscape.loss(at: center)
    var evaluations = 1
    var directions: [[Double]] = []
    for i in 0..<d {
      for sign in [1.0, -1.0] {
        var e = [Double](repeating: 0, count: d)
        e[i] = sign
        directions.append(e)
      }
    }
    for _ in 0..<randomDirections {
      var v = rng.normals(d)
      let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
      if norm > 0 { for i in 0..<d { v[i] /= norm } }
      directions.append(v)
    }
    let rMax = gamma > 0 ? 10 / gamma.squareRoot() : 1e6
    var point = center
    func scaledExcess(_ v: [Double], _ r: Double) -> Double {
      for i in 0..<d { point[i] = center[i] + r * v[i] }
      evaluations += 1
      return nBeta * (landscape.loss(at: point) - base)
    }
    var worst = 0.0
    var worstRadius: Double? = nil
    var worstDegree: Double? = nil
    var flat = 0
    for v in directions {
      if scaledExcess(v, rMax) < 1 {
        flat += 1
        continue
      }
      var lo = 0.0, hi = rMax
      for _ in 0..<60 {
        let mid = 0.5 * (lo + hi)
        if scaledExcess(v, mid) < 1 { lo = mid } else { hi = mid }
        if hi - lo <= 1e-6 * hi { break }
      }
      // Radial degree at the confinement radius: p = d log K / d log r.
      let step = 1.1
      let up = scaledExcess(v, hi * step), down = scaledExcess(v, hi / step)
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
    lossEvaluations = evaluations
  }
}
