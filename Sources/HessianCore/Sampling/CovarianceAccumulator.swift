/// The two covariance estimates of the kept points, by name.
public enum CovarianceEstimateKind: String, Sendable, Codable, CaseIterable {
  /// Ĉ = (1/n) Σ (x − w*)(x − w*)ᵀ about the known minimum w* (n degrees of
  /// freedom). The estimate for the degenerate read-out (theory §4.5, §4.5):
  /// with sampling centred at w*, its null block is σ²I exactly in expectation.
  case secondMoment
  /// Ĉ = (1/(n−1)) Σ (x − x̄)(x − x̄)ᵀ about the kept points' mean (n − 1 degrees
  /// of freedom). The estimate for an off-optimum centre (theory §4.2,
  /// "Sampling centre m ≠ optimum"), and what S&Y's `np.cov` computes.
  case meanCentred
}

/// Streaming first and second moments of points y ∈ ℝᵈ (displacements from the
/// minimum), with memory O(d²) independent of the number of points.
///
/// Points arrive in blocks (an m×d matrix). Each block contributes its mean and
/// its centred scatter M₂ = Σ (y − ȳ)(y − ȳ)ᵀ, computed with one `syrk`; blocks are
/// combined with the pairwise update of Chan, Golub & LeVeque (1979):
///
///     n = na + nb,  δ = ȳb − ȳa,  ȳ = ȳa + δ·nb/n,  M₂ = M₂a + M₂b + δδᵀ·na·nb/n.
///
/// Centring inside each block avoids the cancellation of Σyyᵀ − nȳȳᵀ when the
/// mean is far from w*. Merging is deterministic: the same blocks merged in the
/// same order give bit-identical results, whatever thread computed each block.
///
/// Cost: about m·d² flops per block of m points (syrk) plus d² per merge; no
/// loss evaluations.
public struct CovarianceAccumulator: Sendable, Equatable {
  /// The dimension d.
  public let dimension: Int
  /// The number of points n.
  public private(set) var count: Int
  /// The mean ȳ of the points (about w*).
  public private(set) var mean: [Double]
  /// The centred scatter M₂ = Σ (y − ȳ)(y − ȳ)ᵀ.
  public private(set) var scatter: Matrix

  /// An empty accumulator for points in ℝᵈ.
  public init(dimension d: Int) {
    dimension = d
    count = 0
    mean = [Double](repeating: 0, count: d)
    scatter = Matrix(rows: d, columns: d)
  }

  /// Adds the rows of `block` (m×d) as m points. Cost: m·d² flops (one syrk).
  public mutating func add(block: Matrix) {
    precondition(block.columns == dimension, "block has \(block.columns) columns, expected \(dimension)")
    let m = block.rows, d = dimension
    guard m > 0 else { return }
    var part = CovarianceAccumulator(dimension: d)
    var mu = [Double](repeating: 0, count: d)
    for i in 0..<m { for j in 0..<d { mu[j] += block.elements[i * d + j] } }
    for j in 0..<d { mu[j] /= Double(m) }
    var centred = block
    centred.elements.withUnsafeMutableBufferPointer { p in
      for i in 0..<m { for j in 0..<d { p[i * d + j] -= mu[j] } }
    }
    BLAS.syrk(centred, .transpose, into: &part.scatter)
    part.count = m
    part.mean = mu
    merge(part)
  }

  /// Merges another accumulator's points into this one (Chan et al. update).
  /// Cost: 2d² flops.
  public mutating func merge(_ other: CovarianceAccumulator) {
    precondition(other.dimension == dimension, "dimension mismatch")
    guard other.count > 0 else { return }
    guard count > 0 else {
      self = other
      return
    }
    let na = Double(count), nb = Double(other.count), n = na + nb
    let d = dimension
    let delta = (0..<d).map { other.mean[$0] - mean[$0] }
    let w = na * nb / n
    scatter.elements.withUnsafeMutableBufferPointer { s in
      for i in 0..<d {
        for j in 0..<d {
          s[i * d + j] += other.scatter.elements[i * d + j] + w * delta[i] * delta[j]
        }
      }
    }
    for j in 0..<d { mean[j] += delta[j] * nb / n }
    count += other.count
  }

  /// The second moment about w*: (M₂ + n ȳȳᵀ)/n. Requires n ≥ 1.
  public var secondMoment: Matrix {
    precondition(count >= 1, "no points accumulated")
    let n = Double(count), d = dimension
    var c = scatter
    for i in 0..<d { for j in 0..<d { c[i, j] = (c[i, j] + n * mean[i] * mean[j]) / n } }
    return c
  }

  /// The mean-centred (unbiased) covariance M₂/(n − 1). Requires n ≥ 2.
  public var meanCentredCovariance: Matrix {
    precondition(count >= 2, "the mean-centred covariance needs at least 2 points")
    return (1 / Double(count - 1)) * scatter
  }

  /// The estimate of the given kind.
  public func estimate(_ kind: CovarianceEstimateKind) -> Matrix {
    switch kind {
    case .secondMoment: secondMoment
    case .meanCentred: meanCentredCovariance
    }
  }
}
