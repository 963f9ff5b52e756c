import Foundation

/// The default strategy parameters of (μ/μ_w, λ)-CMA-ES in dimension n, each computed by
/// the formula of Hansen's tutorial, "The CMA Evolution Strategy: A Tutorial",
/// arXiv:1604.00772 (2016/2023), Appendix A, Table 1 ("Default Strategy Parameters").
///
/// Only positive recombination weights are used (w_i = 0 for i > μ): the original
/// (μ/μ_w, λ)-CMA-ES of the tutorial's §3–§4, without the active (negative-weight) update
/// of its eq. (53), so that the covariance update is a convex combination of positive
/// semidefinite terms and C stays positive definite by construction.
///
/// Cost: O(λ) arithmetic; no loss evaluations.
public struct CMAESParameters: Sendable, Equatable, Codable {
  /// The dimension n.
  public let dimension: Int
  /// The population λ: the tutorial's default 4 + ⌊3 ln n⌋ (eq. 48) unless given.
  public let population: Int
  /// The parent number μ = ⌊λ/2⌋ (eq. 49).
  public let parents: Int
  /// The recombination weights w_i ∝ ln((λ + 1)/2) − ln i for i = 1…μ, normalised to sum 1
  /// (eq. 49 and the positive part of eq. 53).
  public let weights: [Double]
  /// The variance-effective selection mass μ_eff = (Σ w_i)² / Σ w_i² (eq. 8).
  public let effectiveMass: Double
  /// The cumulation constant of the step-size path, c_σ = (μ_eff + 2)/(n + μ_eff + 5) (eq. 55).
  public let stepSizeCumulation: Double
  /// The step-size damping d_σ = 1 + 2·max(0, √((μ_eff − 1)/(n + 1)) − 1) + c_σ (eq. 55).
  public let stepSizeDamping: Double
  /// The cumulation constant of the evolution path, c_c = (4 + μ_eff/n)/(n + 4 + 2μ_eff/n) (eq. 56).
  public let pathCumulation: Double
  /// The rank-one learning rate c₁ = α_cov/((n + 1.3)² + μ_eff), α_cov = 2 (eq. 57).
  public let rankOneRate: Double
  /// The rank-μ learning rate c_μ = min(1 − c₁, α_cov(μ_eff − 2 + 1/μ_eff)/((n + 2)² + α_cov μ_eff/2)) (eq. 58).
  public let rankMuRate: Double
  /// E‖N(0, I)‖ ≈ √n (1 − 1/(4n) + 1/(21n²)) (the tutorial's approximation, §4.3 after eq. 44).
  public let expectedNormalNorm: Double

  /// The tutorial's default λ = 4 + ⌊3 ln n⌋ (eq. 48).
  public static func defaultPopulation(dimension n: Int) -> Int {
    4 + Int((3 * log(Double(max(n, 1)))).rounded(.down))
  }

  /// The parameters for dimension n and population λ (nil: the default).
  ///
  /// - Throws: ``InputError`` naming `.population` when λ < 4 (μ = ⌊λ/2⌋ ≥ 2 parents are
  ///   needed for a rank-μ update) and `.dimension`-like inconsistency when n < 1.
  public init(dimension n: Int, population: Int? = nil) throws(InputError) {
    guard n >= 1 else { throw InputError.inconsistent("CMA-ES needs a dimension of at least 1, got \(n)") }
    let lambda = population ?? Self.defaultPopulation(dimension: n)
    guard lambda >= 4 else {
      throw InputError.parameter(
        .population, value: "\(lambda)", problem: "λ = \(lambda) must be at least 4 for CMA-ES (μ = ⌊λ/2⌋ ≥ 2 parents)")
    }
    guard lambda <= 1 << 24 else {
      throw InputError.parameter(.population, value: "\(lambda)", problem: "λ = \(lambda) is above the limit 2²⁴ for CMA-ES")
    }
    let dn = Double(n)
    let mu = lambda / 2
    let raw = (1...mu).map { log(Double(lambda + 1) / 2) - log(Double($0)) }
    let total = raw.reduce(0, +)
    let w = raw.map { $0 / total }
    let mueff = 1 / w.reduce(0) { $0 + $1 * $1 }
    let cs = (mueff + 2) / (dn + mueff + 5)
    let alphaCov = 2.0
    let c1 = alphaCov / ((dn + 1.3) * (dn + 1.3) + mueff)
    dimension = n
    self.population = lambda
    parents = mu
    weights = w
    effectiveMass = mueff
    stepSizeCumulation = cs
    stepSizeDamping = 1 + 2 * max(0, ((mueff - 1) / (dn + 1)).squareRoot() - 1) + cs
    pathCumulation = (4 + mueff / dn) / (dn + 4 + 2 * mueff / dn)
    rankOneRate = c1
    rankMuRate = min(1 - c1, alphaCov * (mueff - 2 + 1 / mueff) / ((dn + 2) * (dn + 2) + alphaCov * mueff / 2))
    expectedNormalNorm = dn.squareRoot() * (1 - 1 / (4 * dn) + 1 / (21 * dn * dn))
  }

  /// Generations between two eigendecompositions of C: max(1, ⌊1/(10 n (c₁ + c_μ))⌋), the
  /// tutorial's lazy update (Appendix B, "the eigendecomposition … every 1/(c₁+c_μ)/n/10
  /// generations"), which makes its cost O(n²) per generation amortised.
  public var eigenUpdateInterval: Int {
    max(1, Int((1 / (10 * Double(dimension) * (rankOneRate + rankMuRate))).rounded(.down)))
  }

  /// The log-step variance per generation of one eigenvalue of C in a direction the loss does
  /// not depend on (selection neutral): v₁ = 2c_μ²/μ_eff + 2c₁²(2 − c_c)/c_c.
  ///
  /// Under neutral selection a flat direction's variance c is multiplied each generation by
  /// 1 − c₁ − c_μ + c_μ Σ w_i z_i² + c₁ p̃², z_i and p̃ standard normal; the first random term
  /// has variance 2c_μ² Σw_i² = 2c_μ²/μ_eff, the second 2c₁², and p̃² is correlated over
  /// about 1/c_c generations (the evolution path's memory), which multiplies its variance by
  /// (1 + (1 − c_c)²)/(1 − (1 − c_c)²)·… ≈ (2 − c_c)/c_c. Used by ``CMAESRankReadout`` as the
  /// null model of a flat direction (docs/theory.md, "The adaptive route").
  public var flatLogStepVariance: Double {
    2 * rankMuRate * rankMuRate / effectiveMass
      + 2 * rankOneRate * rankOneRate * (2 - pathCumulation) / pathCumulation
  }
}
