extension LLCAnalysis {
  /// The `llc` question on `subject`. A landscape: `run(_:options:progress:)` on a landscape.
  /// An oracle: after its trust checks, each part runs when the oracle offers what it needs, and
  /// each part asked for that cannot run is listed in ``OracleLLCReport/skipped`` with a
  /// ``WarningCode/capabilityMissing`` warning:
  ///
  /// ```
  /// bounds  r/2 ≤ λ ≤ r/2 + (d − r)/4   the counted rank (hvp), or a stated rank (nothing)
  /// volume  VolumeScalingEstimator       loss + gradient (reflections off the level sets)
  /// sgld    SGLDEstimator                loss + gradient + hvp (step-size probe, localisation)
  /// ```
  ///
  /// The multiplicity of the volume correction is m = 1 unless stated (an oracle carries none).
  /// Randomness: the child streams of the landscape path (rank 1000, volume 1, SGLD 2).
  ///
  /// - Throws: ``InputError`` naming the oracle (a failed trust check, a failure while
  ///   answering), `.rank` for a stated rank outside 0…d, or an estimator's configuration error;
  ///   ``LLCAnalysisError/rankFailed(method:underlying:)`` when the rank method fails.
  public static func run(
    _ subject: AnalysisSubject, options: Options, progress: ((Int, Int) -> Void)? = nil
  ) throws -> LLCSubjectReport {
    guard let oracle = subject.oracle else { return .landscape(try run(subject.landscape!, options: options, progress: progress)) }
    let caps = subject.capabilities
    let d = subject.dimension
    // Every estimator's budget is checked before any work (the trust checks and the rank included).
    if options.method.runs(.volume) { try options.volume.checkBudgets(dimension: d) }
    if options.method.runs(.sgld) { try options.sgld.checkBudgets(dimension: d) }
    guard let summary = try subject.prepare(for: .llc) else { preconditionFailure("an oracle subject has a summary") }
    let rng = SeededGenerator(seed: options.seed)
    var warnings = summary.warnings
    var skipped: [OracleLLCReport.Skipped] = []
    func skip(_ part: LLCMethod, _ needs: [OracleCapability], _ what: String) {
      let lacking = needs.filter { !caps.contains($0) }.map { "'\($0.rawValue)'" }.joined(separator: " and ")
      let reason = "\(what) needs the oracle capability \(lacking), which this oracle does not offer"
      skipped.append(.init(part: part, reason: reason))
      warnings.append(Warning(.capabilityMissing, "\(part.rawValue) skipped: \(reason)"))
    }
    var bounds: LearningCoefficientBounds?
    var volume: VolumeScalingEstimate?
    var sgld: SGLDEstimate?
    var hvpModel: HVPErrorSummary?
    try OracleFailureNaming.naming(subject.input) {
      if let r = options.rank {
        guard r >= 0, r <= d else { throw InputError.parameter(.rank, value: "\(r)", problem: "\(r) is not between 0 and d = \(d)") }
        bounds = LearningCoefficientBounds(rank: r, dimension: d, source: options.rankSource)
      } else if caps.contains(.hvp) {
        let method = options.rankMethod.resolved(for: subject)
        try RankWork.check(method: method, dimension: d, steps: nil, probes: 100, name: subject.input)
        var rankRng = rng.child(1000)
        let result: RankResult
        do {
          let op = try subject.hessianOperator(model: options.hvp, for: .llc)
          result = try RankComputation.rank(of: op, method: method, using: &rankRng)
          hvpModel = HVPErrorSummary(of: op.source)
        } catch let error as InputError {
          throw error
        } catch let error as OracleError {
          throw error
        } catch {
          throw LLCAnalysisError.rankFailed(method: method, underlying: error)
        }
        bounds = LearningCoefficientBounds(rank: result.rank, dimension: d, source: .hessian)
        warnings += result.warnings.map(OracleWording.plain).map { Warning($0.code, "rank: \($0.message)") }
      } else {
        skip(.bounds, [.hvp], "the Hessian rank behind the bounds (without a stated rank)")
      }
      warnings += bounds?.warnings ?? []
      progress?(1, 3)
      if options.method.runs(.volume) {
        if caps.isSuperset(of: [.loss, .gradient]) {
          let m: Int
          switch options.multiplicity {
          case .known:
            m = 1
            warnings.append(Warning(.multiplicityUnknown, "volume: multiplicity unknown, m = 1 used (biased down if m > 1)"))
          case let .fixed(value): m = value
          }
          var child = rng.child(1)
          volume = try VolumeScalingEstimator.estimate(on: oracle, multiplicity: m, configuration: options.volume, using: &child)
        } else {
          skip(.volume, [.loss, .gradient], "the volume-scaling estimate")
        }
      }
      progress?(2, 3)
      if options.method.runs(.sgld) {
        if caps.isSuperset(of: [.loss, .gradient, .hvp]) {
          var child = rng.child(2)
          sgld = try SGLDEstimator.estimate(
            oracle: oracle, hessian: subject.hessianOperator(), configuration: options.sgld, multiplicity: nil, using: &child)
        } else {
          skip(.sgld, [.loss, .gradient, .hvp], "the SGLD estimate")
        }
      }
      progress?(3, 3)
    }
    warnings += volume?.warnings.map { Warning($0.code, "volume: \($0.message)") } ?? []
    warnings += sgld?.warnings.map { Warning($0.code, "sgld: \($0.message)") } ?? []
    return .oracle(
      OracleLLCReport(
        name: subject.name, dimension: d, bounds: bounds, volume: volume, sgld: sgld, skipped: skipped,
        seed: options.seed, warnings: warnings, oracle: summary, hvpModel: hvpModel))
  }
}
