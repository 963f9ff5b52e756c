/// `describe` on an oracle (`DescribeAnalysis.run(_:)` on a subject): the oracle's name,
/// dimension, precision and capabilities, which analyses its capabilities allow, and the trust
/// checks (run, never refusing: describe is where a user looks at them). Nothing about the
/// model is known, so there is no rank, λ or multiplicity here, and no bound.
///
/// JSON: `{name, dimension, precision, capabilities, provenance: "unknown", analyses, oracle, trustChecks}`.
public struct OracleDescribeReport: Sendable, Encodable, Equatable {
  /// The oracle, its capabilities and its trust checks.
  public var oracle: OracleSummary

  /// A report of `oracle`.
  public init(oracle: OracleSummary) { self.oracle = oracle }

  /// Each analysis and whether the oracle's capabilities allow it to start.
  public var analyses: [(kind: AnalysisKind, runs: Bool)] {
    AnalysisKind.allCases.map { ($0, $0.requiredCapabilities.isSubset(of: Set(oracle.capabilities))) }
  }

  /// The human report: the oracle lines (name, d, precision, capabilities, checks) and the
  /// analyses its capabilities allow.
  public var text: String {
    let runs = analyses.filter(\.runs).map(\.kind.rawValue).joined(separator: ", ")
    let refused = analyses.filter { !$0.runs }.map { "\($0.kind.rawValue) (needs \($0.kind.requiredCapabilities.sorted().map(\.rawValue).joined(separator: ", ")))" }
    return (oracle.lines + [
      "analyses it allows: \(runs.isEmpty ? "none" : runs)" + (refused.isEmpty ? "" : "; refused: " + refused.joined(separator: ", ")),
      "llc runs each part its capabilities allow: bounds need hvp (or a stated rank), volume loss + gradient, sgld loss + gradient + hvp",
    ]).joined(separator: "\n")
  }

  private enum CodingKeys: String, CodingKey {
    case name, dimension, precision, capabilities, provenance, analyses, oracle, trustChecks
  }

  private struct Keys: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  /// The layout above; `analyses` maps each command to whether it can start.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(oracle.name, forKey: .name)
    try c.encode(oracle.dimension, forKey: .dimension)
    try c.encode(oracle.precision, forKey: .precision)
    try c.encode(oracle.capabilities, forKey: .capabilities)
    try c.encode(Provenance.unknown, forKey: .provenance)
    var a = c.nestedContainer(keyedBy: Keys.self, forKey: .analyses)
    for (kind, runs) in analyses { try a.encode(runs, forKey: Keys(stringValue: kind.rawValue)) }
    try c.encode(oracle, forKey: .oracle)
    try c.encode(oracle.trust.checks, forKey: .trustChecks)
  }

  /// Equal when the summaries are.
  public static func == (a: OracleDescribeReport, b: OracleDescribeReport) -> Bool { a.oracle == b.oracle }
}
