/// The result of ``CompareAnalysis``: one ``LandscapeComparison`` per landscape,
/// the dimension sweep when one ran, and each landscape's verdict. Its JSON form
/// is the synthesized encoding (`docs/schema/compare.schema.json`), its human form
/// ``text``, its plot ``plot``.
public struct CompareReport: Sendable, Codable, Equatable {
  /// One comparison per landscape, in the order given.
  public var comparisons: [LandscapeComparison]
  /// The dimension sweep (absent from the JSON when none ran).
  public var sweep: DimensionSweep.Result?
  /// Each comparison's verdict line, in the same order.
  public var verdicts: [String]

  /// A report of `comparisons` and `sweep`; the verdicts are taken from the comparisons.
  public init(comparisons: [LandscapeComparison], sweep: DimensionSweep.Result?) {
    self.comparisons = comparisons
    self.sweep = sweep
    self.verdicts = comparisons.map(\.verdict)
  }

  private enum Keys: String, CodingKey { case comparisons, sweep, verdicts }

  /// The layout of `docs/schema/compare.schema.json`. A comparison on an oracle also has its
  /// `oracle` object and `trustChecks`, and speaks of a reference rank, not an exact one
  /// (`OracleVocabulary`: `referenceRank`, `agreementLowerBound`).
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Keys.self)
    if comparisons.contains(where: { $0.oracle != nil }) {
      try c.encode(try comparisons.map(Self.oracleTree), forKey: .comparisons)
    } else {
      try c.encode(comparisons, forKey: .comparisons)
    }
    try c.encodeIfPresent(sweep, forKey: .sweep)
    try c.encode(verdicts, forKey: .verdicts)
  }

  /// A comparison's JSON: renamed keys and `trustChecks` for an oracle, as is for a landscape.
  static func oracleTree(_ comparison: LandscapeComparison) throws -> JSONTree {
    guard let oracle = comparison.oracle else { return try OracleVocabulary.renamed(comparison, keys: [:]) }
    guard case var .object(fields) = try OracleVocabulary.renamed(comparison) else { return .null }
    fields["trustChecks"] = try OracleVocabulary.renamed(oracle.trust.checks)
    return .object(fields)
  }
}
