import Foundation

/// `hessian-lab rank` as one library call: the numerical rank of a landscape's
/// Hessian at its minimum by any ``RankMethod``, timed, as a ``RankReport``.
///
/// The cost is the method's (``RankMethod``: 0 or d HVPs for `dense`, up to d
/// for `lanczos`, …), counted by the ``HessianOperator``; nothing is computed
/// beyond what the method needs.
public enum RankAnalysis {
  /// What to compute; every field has the CLI's default.
  public struct Options: Sendable, Equatable {
    /// The rank method (default ``RankMethod/dense``).
    public var method: RankMethod
    /// How τ is chosen (default ``ThresholdPolicy/precisionRelative``).
    public var threshold: ThresholdPolicy
    /// The root seed of start vectors and probes. Methods that draw at random
    /// (``RankMethod/isRandomized``) use it (`nil`: seed 0) and report it; `dense` reports none.
    public var seed: UInt64?
    /// Lanczos: maximum steps (default d); SLQ: the most Lanczos steps per probe (default min(d, 300)).
    public var steps: Int?
    /// SLQ: the number of probes (default 100).
    public var probes: Int
    /// Lanczos: ``Reorthogonalization/full`` (default) or ``Reorthogonalization/none`` (ghosts; teaching only).
    public var reorthogonalization: Reorthogonalization
    /// How the products are computed (default ``HVPErrorModel/exact``); τ follows its accuracy.
    public var hvp: HVPErrorModel

    /// Options with the given values; the defaults are the CLI's.
    public init(
      method: RankMethod = .dense, threshold: ThresholdPolicy = .precisionRelative, seed: UInt64? = nil,
      steps: Int? = nil, probes: Int = 100, reorthogonalization: Reorthogonalization = .full,
      hvp: HVPErrorModel = .exact
    ) {
      self.method = method
      self.threshold = threshold
      self.seed = seed
      self.steps = steps
      self.probes = probes
      self.reorthogonalization = reorthogonalization
      self.hvp = hvp
    }
  }

  /// The rank of `landscape`'s Hessian at its minimum.
  ///
  /// - Throws: ``InputError`` before any work when the method's estimated work or memory is
  ///   above a ceiling (``RankWork``); when the method's eigendecomposition fails
  ///   ("NAME: eigendecomposition failed: …"), or an ``InputError`` of the method itself.
  public static func run(_ landscape: some Landscape, options: Options = Options()) throws -> RankReport {
    try RankWork.check(
      method: options.method, dimension: landscape.dimension, steps: options.steps, probes: options.probes,
      name: landscape.name)
    var report = try compute(HessianOperator(landscape: landscape, model: options.hvp), name: landscape.name, options: options)
    // A trained reference point that is not a minimum makes every rank there meaningless: said first.
    report.result.warnings = landscape.referencePointWarnings + report.result.warnings
    report.training = landscape.trainingSummary
    return report
  }

  /// The rank of `subject`'s Hessian at w*: a landscape as `run(_:options:)` on a landscape; an oracle
  /// after its capability (hvp) and trust checks (``AnalysisSubject/prepare(for:)``), whose cost and
  /// results the report carries (``RankReport/oracle``).
  ///
  /// - Throws: as `run(_:options:)` on a landscape, and ``InputError`` naming the oracle when it
  ///   lacks HVPs, fails a trust check or fails while answering.
  public static func run(_ subject: AnalysisSubject, options: Options = Options()) throws -> RankReport {
    if let landscape = subject.landscape { return try run(landscape, options: options) }
    try RankWork.check(
      method: options.method, dimension: subject.dimension, steps: options.steps, probes: options.probes,
      name: subject.input)
    let summary = try subject.prepare(for: .rank)
    var report = try OracleFailureNaming.naming(subject.input) {
      try compute(subject.hessianOperator(model: options.hvp), name: subject.name, options: options)
    }
    report.oracle = summary
    report.result.warnings = (summary?.warnings ?? []) + report.result.warnings.map(OracleWording.plain)
    return report
  }

  /// The method's rank on the counted operator `op`, timed.
  static func compute(_ op: HessianOperator, name: String, options: Options) throws -> RankReport {
    let seed = options.method.isRandomized ? options.seed : nil
    var rng = SeededGenerator(seed: options.seed ?? 0)
    let clock = ContinuousClock()
    let start = clock.now
    var result: RankResult
    do {
      switch options.method {
      case .lanczos:
        result = try RankComputation.scaleNormalised(op, policy: options.threshold) { op, policy in
          try LanczosRank.rank(
            of: op, policy: policy, maxSteps: options.steps,
            reorthogonalization: options.reorthogonalization, using: &rng)
        }
      default:
        result = try RankComputation.rank(
          of: op, method: options.method,
          options: .init(policy: options.threshold, maxSteps: options.steps, probes: options.probes), using: &rng)
      }
    } catch let error as InputError {
      throw error
    } catch {
      throw InputError.spec(name, problem: "eigendecomposition failed: \(error)")
    }
    let elapsed = start.duration(to: clock.now)
    result.seed = seed
    var report = RankReport(
      result: result, landscape: name, precision: op.precision,
      seconds: Double(elapsed.components.attoseconds) * 1e-18 + Double(elapsed.components.seconds))
    report.hvpModel = HVPErrorSummary(of: op.source)
    return report
  }
}

extension RankMethod {
  /// Whether the method draws start vectors or probes (every method but `dense`),
  /// so that a run needs a seed to be repeated.
  public var isRandomized: Bool { self != .dense }
}
