/// Where the rank fed to ``LearningCoefficientBounds`` came from.
public enum RankSource: String, Sendable, Codable, CaseIterable {
  /// A numerical rank of the Hessian ∇²K(w*) (dense, Lanczos, block, power, SLQ).
  case hessian
  /// The rank read off the covariance of selected samples (evolution strategies).
  /// On a non-quadratic minimum it can exceed the Hessian rank (quartic
  /// directions also shrink the kept points' variance), which breaks the lower bound.
  case covarianceReadout
  /// Stated by the user or known by construction.
  case stated
}

/// Bounds on the local learning coefficient from the Hessian rank:
///
///     r/2  ≤  λ_LLC(w*)  ≤  r/2 + (d − r)/4,     r = rank ∇²K(w*), d = dim w.
///
/// Assumption: w* is a local minimum of an analytic K = L − L(w*) and r is the
/// *true* rank of the Hessian there. Lower bound: the splitting (generalised
/// Morse) lemma writes K = u₁² + … + u_r² + g(v) and λ is additive over
/// separated variables, so λ = r/2 + λ(g) ≥ r/2. Upper bound: at a minimum g has
/// no cubic term, so g ≤ C|v|⁴ and λ(g) ≤ (d − r)/4 (theory §5.2).
///
/// Tight: x² + y⁴ attains the upper bound (3/4), the deep linear network 8-3-8
/// the lower one. An over-counted rank (for example the covariance read-out,
/// ``RankSource/covarianceReadout``) can break the lower bound; an
/// under-counted rank (a threshold above a tiny eigenvalue) can break the upper one.
///
/// Cost: none beyond the rank. References: Watanabe, *Algebraic Geometry and
/// Statistical Learning Theory*, CUP 2009 (λ, additivity); L. Bushnaq, "The
/// Hessian rank bounds the learning coefficient", LessWrong/AF 2024 (both
/// bounds; the (d − r)/4 form after D. Vaintrob).
public struct LearningCoefficientBounds: Sendable, Equatable, Codable {
  /// d.
  public let dimension: Int
  /// r, the rank the bounds were computed from.
  public let rank: Int
  /// Where r came from.
  public let rankSource: RankSource
  /// r/2, exact.
  public let lower: Rational
  /// r/2 + (d − r)/4, exact.
  public let upper: Rational
  /// The assumption under which the bounds hold, in one sentence.
  public let assumption: String
  /// Typed caveats specific to this rank: ``WarningCode/covarianceRankOverCount`` when r comes
  /// from the covariance read-out; empty when none apply.
  public let warnings: [Warning]

  /// The statement of the assumption, shared by every report.
  public static let assumptionText =
    "valid when r is the true rank of the Hessian of K = L − L(w*) at a local minimum w* of an analytic loss"

  /// The bounds for rank `rank` of `dimension` parameters.
  ///
  /// - Precondition: 0 ≤ rank ≤ dimension.
  public init(rank: Int, dimension: Int, source: RankSource) {
    precondition(dimension >= 0 && rank >= 0 && rank <= dimension, "need 0 ≤ r ≤ d (r = \(rank), d = \(dimension))")
    self.dimension = dimension
    self.rank = rank
    self.rankSource = source
    self.lower = Rational(rank, 2)
    self.upper = Rational(rank, 2) + Rational(dimension - rank, 4)
    self.assumption = Self.assumptionText
    var w: [Warning] = []
    if source == .covarianceReadout {
      w.append(Warning(
        .covarianceRankOverCount,
        "the rank comes from the covariance read-out, which can exceed the Hessian rank on a non-quadratic minimum (quartic directions also narrow the kept points); an over-count breaks the lower bound r/2"))
    }
    self.warnings = w
  }

  /// Whether `lambda` lies in [lower − tolerance, upper + tolerance].
  public func contains(_ lambda: Double, tolerance: Double = 0) -> Bool {
    lambda >= lower.doubleValue - tolerance && lambda <= upper.doubleValue + tolerance
  }

  /// Whether the exact rational `lambda` lies in [lower, upper].
  public func contains(_ lambda: Rational) -> Bool { lower <= lambda && lambda <= upper }
}

/// The exact learning coefficient of a landscape when it is known, with where
/// it comes from (quadratics by construction, the Newton polyhedron, Aoyagi's
/// formula, block sums — whatever the landscape's ``KnownAnswers`` carry).
///
/// Cost: none (read from ``Landscape/knownAnswers``).
public struct ExactLearningCoefficient: Sendable, Equatable, Codable {
  /// λ, or `nil` when unknown.
  public let value: Rational?
  /// m, or `nil` when unknown.
  public let multiplicity: Int?
  /// construction, theorem, or unknown.
  public let provenance: Provenance
  /// The citation, or why it is unknown.
  public let source: String

  /// Reads λ and m from `landscape.knownAnswers`.
  public init(of landscape: some Landscape) {
    let k = landscape.knownAnswers
    value = k.learningCoefficient.value
    multiplicity = k.multiplicity.value
    provenance = k.learningCoefficient.provenance
    source = k.learningCoefficient.source
  }
}
