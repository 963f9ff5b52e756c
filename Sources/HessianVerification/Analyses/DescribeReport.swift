/// The result of ``DescribeAnalysis``. Its JSON is the ``LandscapeReport``
/// alone (`docs/schema/describe.schema.json`); ``expanded`` is for the text only.
public struct DescribeReport: Sendable, Codable, Equatable {
  /// d, the rank, λ, m, their provenance and the rank bounds on λ.
  public var answers: LandscapeReport
  /// A polynomial landscape's loss, expanded; `nil` for other landscapes and in decoded reports.
  public var expanded: String?

  /// A report of `answers`, with the expanded polynomial when there is one.
  public init(answers: LandscapeReport, expanded: String?) {
    self.answers = answers
    self.expanded = expanded
  }

  /// The ``LandscapeReport`` layout (``expanded`` is not encoded).
  public func encode(to encoder: any Encoder) throws { try answers.encode(to: encoder) }

  /// Reads the ``LandscapeReport`` layout back (``expanded`` is `nil`).
  public init(from decoder: any Decoder) throws {
    answers = try LandscapeReport(from: decoder)
    expanded = nil
  }
}
