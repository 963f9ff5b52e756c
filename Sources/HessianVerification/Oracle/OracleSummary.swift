/// What a report on an oracle says about its subject: the oracle's name, dimension, precision
/// and capabilities, that nothing about the model is known in advance (provenance `unknown`:
/// every number is an estimate), and the trust checks run before the result.
///
/// Reports on a landscape have none (their JSON is unchanged). Reports on an oracle encode it
/// as the `oracle` object and its checks as the top-level `trustChecks` array.
public struct OracleSummary: Sendable, Codable, Equatable {
  /// The oracle's name.
  public var name: String
  /// d.
  public var dimension: Int
  /// The precision the oracle declared.
  public var precision: Precision
  /// What it answers, in declaration order.
  public var capabilities: [OracleCapability]
  /// The trust checks and their cost.
  public var trust: OracleTrustReport

  /// A summary of `subject`'s oracle with its checks.
  public init(name: String, dimension: Int, precision: Precision, capabilities: [OracleCapability], trust: OracleTrustReport) {
    self.name = name
    self.dimension = dimension
    self.precision = precision
    self.capabilities = capabilities
    self.trust = trust
  }

  /// The warnings of the checks (``OracleTrustReport/warnings``).
  public var warnings: [Warning] { trust.warnings }

  /// The human lines printed before a report's own: what the subject is, that every number is
  /// an estimate, and the trust checks with their cost.
  public var lines: [String] {
    let caps = capabilities.map(\.rawValue).joined(separator: ", ")
    return [
      "oracle \(name): d = \(dimension), \(precision.rawValue), capabilities: \(caps.isEmpty ? "none" : caps)",
      "nothing about this model is given in advance (provenance: unknown): every number below is an estimate",
    ] + trust.lines
  }

  private enum CodingKeys: String, CodingKey {
    case name, dimension, precision, capabilities, provenance, trustPolicy
    case trustHessianVectorProducts, trustLossEvaluations, trustGradientEvaluations
  }

  /// `{name, dimension, precision, capabilities, provenance: "unknown", trustPolicy, trust…}`
  /// (the checks themselves are the report's `trustChecks`).
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(name, forKey: .name)
    try c.encode(dimension, forKey: .dimension)
    try c.encode(precision, forKey: .precision)
    try c.encode(capabilities, forKey: .capabilities)
    try c.encode(Provenance.unknown, forKey: .provenance)
    try c.encode(trust.policy, forKey: .trustPolicy)
    try c.encode(trust.hessianVectorProducts, forKey: .trustHessianVectorProducts)
    try c.encode(trust.lossEvaluations, forKey: .trustLossEvaluations)
    try c.encode(trust.gradientEvaluations, forKey: .trustGradientEvaluations)
  }

  /// Reads the `oracle` object back; the checks are not in it (empty).
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    name = try c.decode(String.self, forKey: .name)
    dimension = try c.decode(Int.self, forKey: .dimension)
    precision = try c.decode(Precision.self, forKey: .precision)
    capabilities = try c.decode([OracleCapability].self, forKey: .capabilities)
    trust = OracleTrustReport(
      checks: [], policy: try c.decode(OracleTrustPolicy.self, forKey: .trustPolicy),
      hessianVectorProducts: try c.decode(Int.self, forKey: .trustHessianVectorProducts),
      lossEvaluations: try c.decode(Int.self, forKey: .trustLossEvaluations),
      gradientEvaluations: try c.decode(Int.self, forKey: .trustGradientEvaluations))
  }
}

extension AnalysisSubject {
  /// Before an `analysis` on an oracle: refuses a missing capability, then runs the trust
  /// checks under ``trustPolicy``. `nil` for a landscape (nothing to check).
  ///
  /// - Throws: ``InputError`` naming the oracle (a missing capability, a failed check, a
  ///   failure while answering).
  public func prepare(for analysis: AnalysisKind) throws -> OracleSummary? {
    guard let oracle else { return nil }
    try require(analysis.requiredCapabilities, for: analysis)
    let trust = try OracleTrustChecks.run(oracle, policy: trustPolicy, input: input)
    return OracleSummary(
      name: oracle.name, dimension: oracle.dimension, precision: oracle.precision,
      capabilities: oracle.capabilities.sorted(), trust: trust)
  }
}
