/// `hessian-lab describe` as one library call: a landscape's known answers
/// (``LandscapeReport``) and, for a polynomial, its expanded form. Free: no
/// loss evaluations and no HVPs.
public enum DescribeAnalysis {
  /// The known answers of `landscape`, with the rank bounds on λ.
  public static func run(_ landscape: some Landscape) -> DescribeReport {
    DescribeReport(
      answers: LandscapeReport(landscape),
      expanded: (landscape as? PolynomialLandscape)?.polynomial.description)
  }

  /// `describe` on any subject: a landscape's known answers, or an oracle's name, dimension,
  /// precision, capabilities and trust checks (``OracleDescribeReport``). The checks run under
  /// ``OracleTrustPolicy/warn`` whatever the subject's policy: describe reports a failed check
  /// instead of refusing. Cost on an oracle: the checks' (``OracleTrustChecks``).
  ///
  /// - Throws: ``InputError`` naming the oracle when it fails while answering a check.
  public static func run(_ subject: AnalysisSubject) throws -> SubjectDescription {
    if let landscape = subject.landscape { return .landscape(run(landscape)) }
    var lenient = subject
    lenient.trustPolicy = .warn
    guard let summary = try lenient.prepare(for: .describe) else { preconditionFailure("an oracle subject has a summary") }
    return .oracle(OracleDescribeReport(oracle: summary))
  }
}

/// The result of `DescribeAnalysis.run(_:)` on a subject: a landscape's report or an oracle's.
public enum SubjectDescription: Sendable, Encodable {
  /// A landscape's known answers.
  case landscape(DescribeReport)
  /// An oracle's capabilities and trust checks.
  case oracle(OracleDescribeReport)

  /// The human report of either.
  public var text: String {
    switch self {
    case let .landscape(r): r.text
    case let .oracle(r): r.text
    }
  }

  /// The JSON of either (`docs/schema/describe.schema.json`).
  public func encode(to encoder: any Encoder) throws {
    switch self {
    case let .landscape(r): try r.encode(to: encoder)
    case let .oracle(r): try r.encode(to: encoder)
    }
  }
}
