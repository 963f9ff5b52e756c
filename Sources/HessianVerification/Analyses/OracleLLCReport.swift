import Foundation

/// `llc` on an oracle (`LLCAnalysis.run(_:options:progress:)` on a subject): the parts
/// the oracle's capabilities allow, each an estimate, and the parts skipped with the reason.
/// Nothing about the model is known, so there is no value of λ to compare with and no verdict.
///
/// JSON: `landscape` (the oracle's name), `dimension`, `hessianRank`, `rankSource`, `lowerBound`,
/// `upperBound`, `boundsText`, `assumption` (null when the bounds were skipped), `estimates`
/// `{volume, sgld}` (as ``LLCReport``), `skipped` `[{part, reason}]`, `seed`, `warnings`,
/// `oracle`, `trustChecks`, and `hvpModel` when the rank's products were not exact.
public struct OracleLLCReport: Sendable, Encodable {
  /// A part of the analysis that did not run, and why.
  public struct Skipped: Sendable, Codable, Equatable {
    /// `bounds`, `volume` or `sgld`.
    public var part: LLCMethod
    /// The capability it needs and the oracle lacks.
    public var reason: String
  }

  /// The oracle's name.
  public var name: String
  /// d.
  public var dimension: Int
  /// The bounds from the counted (or stated) rank; nil when skipped.
  public var bounds: LearningCoefficientBounds?
  /// The volume-scaling estimate, when it ran.
  public var volume: VolumeScalingEstimate?
  /// The SGLD estimate, when it ran.
  public var sgld: SGLDEstimate?
  /// The parts asked for that did not run.
  public var skipped: [Skipped]
  /// The root seed.
  public var seed: UInt64
  /// Every caveat: the trust checks', the skipped parts', the rank's, the estimators'.
  public var warnings: [Warning]
  /// The oracle and its trust checks.
  public var oracle: OracleSummary
  /// The rank's HVP error model and its accuracy when it is not exact (JSON `hvpModel`; absent
  /// otherwise, as in ``LLCReport``).
  public var hvpModel: HVPErrorSummary? = nil

  /// The human report: the oracle lines, the rank and bounds (or why they were skipped), each
  /// estimate, the warnings and the seed.
  public var text: String {
    var lines = oracle.lines
    if let b = bounds {
      lines.append("\(name): d = \(b.dimension), Hessian rank r = \(b.rank) (\(b.rankSource.rawValue), an estimate)")
      lines.append("bounds r/2 ≤ λ ≤ r/2 + (d−r)/4: [\(b.lower), \(b.upper)]  (\(b.assumption))")
      if let model = hvpModel { lines.append("rank: " + model.line) }
    } else {
      lines.append("\(name): d = \(dimension)")
    }
    lines.append("λ of this model: not given (an oracle carries no known answer); the estimates below are all there is")
    lines += LLCReport.estimateLines(volume: volume, sgld: sgld, exactValue: nil)
    lines += skipped.map { "skipped \($0.part.rawValue): \($0.reason)" }
    lines += warnings.map { "warning: \($0.message)" }
    lines.append("seed \(seed)")
    return lines.joined(separator: "\n")
  }

  private enum CodingKeys: String, CodingKey {
    case landscape, dimension, hessianRank, rankSource, lowerBound, upperBound, boundsText, assumption
    case estimates, skipped, seed, warnings, oracle, trustChecks, hvpModel
  }

  private enum EstimateKeys: String, CodingKey { case volume, sgld }

  /// Every key present (nil as null).
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(name, forKey: .landscape)
    try c.encode(dimension, forKey: .dimension)
    try c.encode(bounds?.rank, forKey: .hessianRank)
    try c.encode(bounds?.rankSource.rawValue, forKey: .rankSource)
    try c.encode(bounds?.lower.doubleValue, forKey: .lowerBound)
    try c.encode(bounds?.upper.doubleValue, forKey: .upperBound)
    try c.encode(bounds.map { "[\($0.lower), \($0.upper)]" }, forKey: .boundsText)
    try c.encode(bounds?.assumption, forKey: .assumption)
    var e = c.nestedContainer(keyedBy: EstimateKeys.self, forKey: .estimates)
    try e.encode(volume.map(LLCReport.Entry.init), forKey: .volume)
    try e.encode(sgld.map(LLCReport.Entry.init), forKey: .sgld)
    try c.encode(skipped, forKey: .skipped)
    try c.encode(seed, forKey: .seed)
    try c.encode(warnings, forKey: .warnings)
    try c.encode(oracle, forKey: .oracle)
    try c.encode(oracle.trust.checks, forKey: .trustChecks)
    try c.encodeIfPresent(hvpModel, forKey: .hvpModel)
  }
}

/// The result of `LLCAnalysis.run(_:options:progress:)` on a subject: a landscape's report or an oracle's.
public enum LLCSubjectReport: Sendable, Encodable {
  /// A landscape's (with its exact value where known).
  case landscape(LLCReport)
  /// An oracle's (estimates only).
  case oracle(OracleLLCReport)

  /// The human report of either.
  public var text: String {
    switch self {
    case let .landscape(r): r.text
    case let .oracle(r): r.text
    }
  }

  /// The JSON of either (`docs/schema/llc.schema.json`).
  public func encode(to encoder: any Encoder) throws {
    switch self {
    case let .landscape(r): try r.encode(to: encoder)
    case let .oracle(r): try r.encode(to: encoder)
    }
  }
}
