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
}
