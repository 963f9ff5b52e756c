import Foundation

/// What a failed trust check does to the run.
public enum OracleTrustPolicy: String, Sendable, Codable, CaseIterable {
  /// A failed symmetry, linearity or gradient-consistency check refuses the run (the default).
  case refuse
  /// Every check still runs and is reported; a failed one becomes a
  /// ``WarningCode/oracleCheckFailed`` warning and the run goes on.
  case warn
}

/// The trust checks run on a ``ModelOracle`` before any result is computed from it: symmetry
/// and linearity of its HVPs (``OracleProductChecks``), consistency of its HVPs with finite
/// differences of its gradient (``GradientConsistencyCheck``), and the gradient at w*
/// (``CriticalPointCheck``); each runs when the oracle offers what it needs, and is reported
/// as skipped otherwise. Tolerances: ``OracleTrustTolerance``.
///
/// Cost (counted, reported): 3k HVPs (hvp), 2k + 1 gradients (gradient; 2k only with hvp), no
/// losses; k = ``pairs`` = 3. The probes come from a fixed seed (``SeedTable`` entry
/// `oracle/trust-checks`), so the checks do not depend on the run's seed.
public enum OracleTrustChecks {
  /// Pairs of probe vectors (k).
  public static let pairs = 3

  /// Runs every check that the oracle's capabilities allow.
  ///
  /// - Throws: ``InputError/spec(_:problem:)`` naming the oracle, the first failed check, its
  ///   measured value and tolerance, under ``OracleTrustPolicy/refuse``; an oracle's failure
  ///   while answering, as an ``InputError`` naming the oracle.
  /// - Parameter input: what error lines name (what the user typed; default the oracle's name).
  public static func run(
    _ oracle: any ModelOracle, policy: OracleTrustPolicy = .refuse, input: String? = nil
  ) throws -> OracleTrustReport {
    let input = input ?? oracle.name
    let op = HessianOperator(oracle, name: oracle.name)
    let counted = CountingLossOracle(oracle)
    let caps = oracle.capabilities
    let precision = oracle.precision
    var rng = SeededGenerator(seed: SeedTable.seed(for: "oracle/trust-checks"))
    var checks: [OracleTrustCheck] = []
    var norm: Double?
    try OracleFailureNaming.naming(input) {
      let noHVP = "the oracle offers no HVPs"
      var probes: [[Double]] = [], products: [[Double]] = []
      if caps.contains(.hvp) {
        let p = try OracleProductChecks.run(op, pairs: pairs, using: &rng)
        checks += [p.symmetry, p.linearity]
        (probes, products, norm) = (p.probes, p.products, p.norm)
      } else {
        checks.append(.skipped(.symmetry, formula: OracleTrustTolerance.productsFormula, because: noHVP))
        checks.append(.skipped(.linearity, formula: OracleTrustTolerance.productsFormula, because: noHVP))
      }
      let fd = OracleTrustTolerance.finiteDifferencesFormula
      if caps.contains(.hvp), caps.contains(.gradient), let n = norm {
        checks.append(
          try GradientConsistencyCheck.run(counted, precision: precision, probes: probes, products: products, norm: n))
      } else {
        checks.append(.skipped(.gradientConsistency, formula: fd, because: "needs both HVPs and gradients; " + missing(caps)))
      }
      if caps.contains(.gradient) {
        checks.append(try CriticalPointCheck.run(counted, precision: precision, norm: norm))
      } else {
        checks.append(
          .skipped(.criticalPoint, formula: OracleTrustTolerance.criticalPointFormula, because: "the oracle offers no gradients"))
      }
    }
    let report = OracleTrustReport(
      checks: checks, policy: policy, hessianVectorProducts: op.applicationCount,
      lossEvaluations: counted.lossEvaluations, gradientEvaluations: counted.gradientEvaluations)
    if policy == .refuse, let failed = report.checks.first(where: { $0.outcome == .failed }) {
      throw refusal(input, failed)
    }
    return report
  }

  /// The one-line refusal of a failed check.
  static func refusal(_ name: String, _ c: OracleTrustCheck) -> InputError {
    let m = String(format: "%.3g", c.measured ?? .nan), t = String(format: "%.3g", c.tolerance ?? .nan)
    return InputError.spec(
      name,
      problem: "the oracle failed the \(c.kind.rawValue) check: measured \(m) > tolerance \(t) (\(c.toleranceFormula); "
        + "\(c.message)); fix the oracle, or pass \(.ignoreOracleChecks) to run anyway")
  }

  /// "it offers: …" for a message.
  static func missing(_ caps: Set<OracleCapability>) -> String {
    let offered = caps.sorted().map(\.rawValue).joined(separator: ", ")
    return "it offers: \(offered.isEmpty ? "nothing" : offered)"
  }
}
