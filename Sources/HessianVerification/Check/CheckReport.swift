/// The result of ``CheckAnalysis``: the landscape, its known value of the quantity with provenance,
/// and the judgement of the estimate (`docs/schema/check.schema.json`).
public struct CheckReport: Sendable, Equatable, Encodable {
  /// The landscape's name.
  public var landscape: String
  /// d.
  public var dimension: Int
  /// The known value with its provenance.
  public var known: KnownQuantity
  /// The selection of a covariance-scale estimate, nil for other quantities.
  public var selection: CovarianceSelection?
  /// The verdict and its statistics.
  public var judgement: CheckJudgement

  /// A report as given.
  public init(landscape: String, dimension: Int, known: KnownQuantity, selection: CovarianceSelection?, judgement: CheckJudgement) {
    self.landscape = landscape
    self.dimension = dimension
    self.known = known
    self.selection = selection
    self.judgement = judgement
  }

  /// The quantity judged.
  public var quantity: EstimatedQuantity { known.quantity }

  /// The verdict's failure (exit status 1 in the tool), nil unless the verdict is ``CheckVerdict/fail``.
  public var failure: VerificationFailure? {
    guard judgement.verdict == .fail else { return nil }
    let j = judgement
    let why: String
    if let z = j.largestAbsoluteZ, let zc = j.criticalZ {
      why = String(format: "|z| = %.4g > %.4g at α = %g", z, zc, j.falseFailureProbability)
    } else {
      switch j.test {
      case .exactMatch: why = "not the exact rank \(known.exact ?? "")"
      case .boundsContainment: why = "outside the rank bounds [\(known.bounds?.lowerExact ?? ""), \(known.bounds?.upperExact ?? "")]"
      case .tolerance: why = String(format: "an eigenvalue is off by more than the tolerance %.3g", j.tolerance ?? 0)
      case .zTest, .boundsZTest, .none: why = "failed"
      }
    }
    return VerificationFailure("the \(quantity.rawValue) estimate on \(landscape) fails: \(why)")
  }

  enum CodingKeys: String, CodingKey {
    case landscape, dimension, quantity, known, selection, estimates, standardErrors, falseFailureProbability, test
    case criticalZ, tolerance, comparisons, verdict, standardErrorAssessment, largestAbsoluteZ, findings
  }

  /// The flat layout of `check --json`, missing values as explicit `null`.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    let j = judgement
    try c.encode(landscape, forKey: .landscape)
    try c.encode(dimension, forKey: .dimension)
    try c.encode(quantity, forKey: .quantity)
    try c.encode(known, forKey: .known)
    try c.encode(selection, forKey: .selection)
    try c.encode(j.estimates, forKey: .estimates)
    try c.encode(j.standardErrors, forKey: .standardErrors)
    try c.encode(j.falseFailureProbability, forKey: .falseFailureProbability)
    try c.encode(j.test, forKey: .test)
    try c.encode(j.criticalZ, forKey: .criticalZ)
    try c.encode(j.tolerance, forKey: .tolerance)
    try c.encode(j.comparisons, forKey: .comparisons)
    try c.encode(j.verdict, forKey: .verdict)
    try c.encode(j.standardErrorAssessment, forKey: .standardErrorAssessment)
    try c.encode(j.largestAbsoluteZ, forKey: .largestAbsoluteZ)
    try c.encode(j.findings, forKey: .findings)
  }
}
