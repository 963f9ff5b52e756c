import Foundation

/// The (1,λ) selection a covariance estimate was made with: the population λ (best of λ draws
/// per kept point) and the sampling σ, centred at the minimum. The covariance scale it predicts
/// is c = σ²·E[fitted scale] (``KnownQuantityLookup/covarianceScale(of:selection:)``).
public struct CovarianceSelection: Sendable, Equatable, Codable {
  /// λ, candidates per kept point (≥ 2).
  public var population: Int
  /// σ, the sampling standard deviation (> 0, finite).
  public var sigma: Double

  /// A selection of best-of-`population` draws at standard deviation `sigma`.
  public init(population: Int, sigma: Double) {
    self.population = population
    self.sigma = sigma
  }

  /// Checks λ ≥ 2 and 0 < σ < ∞ with σ² a normal number.
  ///
  /// - Throws: ``InputError/parameter(_:value:problem:)`` naming ``InputError/Parameter/population``
  ///   or ``InputError/Parameter/sigma``.
  public func validate() throws(InputError) {
    guard population >= 2 else {
      throw .parameter(.population, value: "\(population)", problem: "λ = \(population) must be at least 2 (best of λ draws)")
    }
    guard sigma.isFinite, sigma > 0, (sigma * sigma).isNormal else {
      throw .parameter(.sigma, value: "\(sigma)", problem: "σ = \(sigma) must be a positive finite number whose square is a normal number")
    }
  }
}
