/// The known answers of a landscape in reportable form (what `hessian-lab
/// describe --json` prints), with the Hessian-rank bounds on λ_LLC
///
///     r/2 ≤ λ ≤ r/2 + (d − r)/4
///
/// (lower bound: splitting lemma; upper bound: Bushnaq 2024 with the /4 due to
/// D. Vaintrob; theory §5.2). Cost: free (no loss evaluations).
public struct LandscapeReport: Sendable, Codable, Equatable {
  /// Provenance and source of one answer.
  public struct Origin: Sendable, Codable, Equatable {
    /// Where the answer comes from; `.unknown` when it is not known.
    public var provenance: Provenance
    /// A citation, or the reason the answer is unknown.
    public var source: String
  }

  /// The landscape's ``Landscape/name``.
  public var name: String
  /// d, the number of parameters.
  public var dimension: Int
  /// rank ∇²L(w*), `nil` when unknown.
  public var rank: Int?
  /// λ as a number, `nil` when unknown.
  public var learningCoefficient: Double?
  /// λ exactly (`"3/4"`), `nil` when unknown.
  public var learningCoefficientExact: String?
  /// The multiplicity m of λ, `nil` when unknown.
  public var multiplicity: Int?
  /// The provenance of λ.
  public var provenance: Provenance
  /// Whom λ and m describe: the landscape itself, or (``AnswerScope/hessianQuadratic``)
  /// the quadratic ½wᵀHw built from a Hessian file, not the model the Hessian came from.
  public var scope: AnswerScope
  /// r/2, `nil` when the rank is unknown.
  public var lowerBound: Double?
  /// r/2 + (d − r)/4, `nil` when the rank is unknown.
  public var upperBound: Double?
  /// The bounds exactly (`"1/2"`, `"3/4"`).
  public var lowerBoundExact: String?
  /// r/2 + (d − r)/4 exactly (`"3/4"`), `nil` when the rank is unknown.
  public var upperBoundExact: String?
  /// Provenance and source of the rank, λ and m.
  public var origins: [String: Origin]
  /// How a trained reference point was reached (`mlp:…:train=STEPS`); nil, and absent from the JSON,
  /// for a minimum known by construction.
  public var training: TrainingSummary?

  /// The report of `landscape`'s known answers.
  public init(_ landscape: any Landscape) {
    let k = landscape.knownAnswers
    let d = landscape.dimension
    name = landscape.name
    dimension = d
    rank = k.rank.value
    learningCoefficient = k.learningCoefficient.value?.doubleValue
    learningCoefficientExact = k.learningCoefficient.value?.description
    multiplicity = k.multiplicity.value
    provenance = k.learningCoefficient.provenance
    scope = k.scope
    let bounds = k.rank.value.map { LandscapeReport.bounds(rank: $0, dimension: d) }
    lowerBound = bounds?.lower.doubleValue
    upperBound = bounds?.upper.doubleValue
    lowerBoundExact = bounds?.lower.description
    upperBoundExact = bounds?.upper.description
    origins = [
      "rank": Origin(provenance: k.rank.provenance, source: k.rank.source),
      "learningCoefficient": Origin(provenance: k.learningCoefficient.provenance, source: k.learningCoefficient.source),
      "multiplicity": Origin(provenance: k.multiplicity.provenance, source: k.multiplicity.source),
    ]
    training = landscape.trainingSummary
  }

  enum CodingKeys: String, CodingKey {
    case name, dimension, rank, learningCoefficient, learningCoefficientExact, multiplicity, provenance, scope
    case lowerBound, upperBound, lowerBoundExact, upperBoundExact, origins, training
  }

  /// Encodes unknown values as explicit `null` (not omitted keys); `training` only when present.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(name, forKey: .name)
    try c.encode(dimension, forKey: .dimension)
    try c.encode(rank, forKey: .rank)
    try c.encode(learningCoefficient, forKey: .learningCoefficient)
    try c.encode(learningCoefficientExact, forKey: .learningCoefficientExact)
    try c.encode(multiplicity, forKey: .multiplicity)
    try c.encode(provenance, forKey: .provenance)
    try c.encode(scope, forKey: .scope)
    try c.encode(lowerBound, forKey: .lowerBound)
    try c.encode(upperBound, forKey: .upperBound)
    try c.encode(lowerBoundExact, forKey: .lowerBoundExact)
    try c.encode(upperBoundExact, forKey: .upperBoundExact)
    try c.encode(origins, forKey: .origins)
    try c.encodeIfPresent(training, forKey: .training)
  }

  /// (r/2, r/2 + (d − r)/4), exactly.
  public static func bounds(rank r: Int, dimension d: Int) -> (lower: Rational, upper: Rational) {
    (Rational(r, 2), Rational(r, 2) + Rational(d - r, 4))
  }
}
