import Foundation

/// Is the SGLD localisation γ small enough for the landscape's flattest direction?
///
/// The localised posterior is p(w) ∝ exp(−nβ K(w) − (γ/2)‖w − w*‖²). Along a
/// direction v the loss confines w at the radius r_v where nβ K(w* + r_v v) = 1
/// (r_v ~ (nβ)^{−1/p} for a degree-p direction); the localiser must be
/// negligible there:
///
///     η_v = (γ/2) r_v² ≪ 1,   i.e.   γ ≪ (nβ)^{2/p}   (math notes §6).
///
/// For a quadratic direction η is exactly the relative bias: λ̂ = ½/(1 + η).
/// The diagnostic finds r_v by bisection along ±e_i (every coordinate axis) and
/// `randomDirections` random unit directions, and reports the largest η
/// (the flattest direction found). Directions where K stays below 1/(nβ) out to
/// radius 10/√γ are counted as flat: there the localiser alone confines w (it
/// does not bias λ̂ if K is exactly flat there, but it does in a valley such as
/// the axes of (xy)², where the flatness is what makes the singularity).
///
/// Cost: (2d + randomDirections)·(about 60) loss evaluations.
/// Reference: Lau et al., AISTATS 2025, arXiv:2308.12108 (the localised estimator).
public struct LocalisationDiagnostic: Sendable, Equatable, Codable {
  /// max over probed directions of η = (γ/2) r².
  public let largestLocaliserShare: Double
  /// r of that direction (nil when every direction is flat).
  public let flattestRadius: Double?
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
      let eta = 0.5 * gamma * hi * hi
      if eta > worst {
        worst = eta
        worstRadius = hi
      }
    }
    largestLocaliserShare = worst
    flattestRadius = worstRadius
    flatDirections = flat
    probedDirections = directions.count
    lossEvaluations = evaluations
  }
}
