/// A loss with additive Gaussian evaluation noise of a stated size: the
/// ``LossErrorModel/noise(sigma:)`` model of the covariance route.
///
/// ```
/// L̃(w) = L(w) + σ_L·z(w),   z(w) = the first normal draw of SeededGenerator(seed: h(seed, w))
/// ```
///
/// h folds the bit patterns of w's coordinates into the noise seed with ``SeededGenerator/childSeed(root:index:)``
/// (SplitMix64 finalisers), so z depends on the point alone: the same seed gives the same value at
/// the same point whatever the order of evaluation or the number of sampler workers, and distinct
/// points get independent draws (up to hash collisions, probability ≈ n²/2⁶⁵ for n points). A
/// deterministic sampler run with a noisy loss is therefore still byte-for-byte reproducible.
///
/// Cost: one loss evaluation of the source per point, plus O(d) hashing. Gradients pass through
/// unchanged (the model concerns the losses the selection ranks).
public struct NoisyLossOracle: LossOracle {
  /// The exact loss.
  public let base: any LossOracle
  /// σ_L, the standard deviation of the noise (> 0).
  public let sigma: Double
  /// The seed of the noise field.
  public let seed: UInt64

  /// `base` with noise of standard deviation `sigma`, seeded by `seed`.
  public init(_ base: any LossOracle, sigma: Double, seed: UInt64) {
    precondition(sigma > 0 && sigma.isFinite, "the noise's standard deviation must be positive and finite")
    self.base = base
    self.sigma = sigma
    self.seed = seed
  }

  /// d of the source.
  public var dimension: Int { base.dimension }
  /// w* of the source.
  public var center: [Double] { base.center }

  /// z(w): the standard normal of the point `w` under the noise seed.
  public func standardNoise(at w: ArraySlice<Double>) -> Double {
    var h = seed
    for x in w { h = SeededGenerator.childSeed(root: h, index: x.bitPattern) }
    var rng = SeededGenerator(seed: h)
    return rng.nextNormal()
  }

  /// L(pᵢ) + σ_L·z(pᵢ) for each row. Cost: `points.rows` loss evaluations.
  ///
  /// - Throws: whatever the source throws.
  public func losses(at points: Matrix) throws -> [Double] {
    var values = try base.losses(at: points)
    let d = points.columns
    for r in 0..<min(points.rows, values.count) {
      values[r] += sigma * standardNoise(at: points.elements[(r * d)..<((r + 1) * d)])
    }
    return values
  }

  /// The source's gradients, unchanged.
  public func gradients(at points: Matrix) throws -> Matrix { try base.gradients(at: points) }
}
