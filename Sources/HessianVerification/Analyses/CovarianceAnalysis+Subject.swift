extension CovarianceAnalysis {
  /// The covariance workflow on `subject`: a landscape as `run(_:options:progress:)` on a
  /// landscape; an oracle after its capability (loss) and trust checks. On an oracle the
  /// comparison with H is made only from HVPs (d of them, counted in
  /// ``CovarianceReport/comparisonHessianVectorProducts``) and only when the oracle offers them
  /// and ``Options/hessianComparison`` is ``HessianComparisonPolicy/knownOrExactProducts``; it is
  /// never made from a known matrix (an oracle has none). Without HVPs it is skipped with a
  /// ``WarningCode/capabilityMissing`` warning.
  ///
  /// - Throws: as for a landscape, and ``InputError`` naming the oracle when it lacks losses,
  ///   fails a trust check or fails while answering.
  public static func run(
    _ subject: AnalysisSubject, options: Options, progress: ((Int, Int) -> Void)? = nil
  ) async throws -> CovarianceReport {
    guard let oracle = subject.oracle else { return try await run(subject.landscape!, options: options, progress: progress) }
    let summary = try subject.prepare(for: .covariance)
    let wantsH = options.hessianComparison == .knownOrExactProducts
    let hasH = subject.capabilities.contains(.hvp)
    let op = subject.hessianOperator()
    var report = try await OracleFailureNaming.naming(subject.input) {
      try await core(
        oracle, name: subject.name, options: options, isKnownQuadratic: false, knownRank: nil, progress: progress
      ) { c, sampler in
        guard wantsH, hasH else { return nil }
        let h = try DenseRank.denseMatrix(of: op)
        return CovarianceHessianComparison.compare(covariance: c, hessian: h, sampler: sampler, precision: subject.precision)
      }
    }
    var first = summary?.warnings ?? []
    if wantsH, !hasH {
      first.append(
        Warning(.capabilityMissing, "the comparison with H was skipped: it needs the oracle capability 'hvp', which this oracle does not offer"))
    }
    report.warnings = first + report.warnings
    report.oracle = summary
    report.comparisonHessianVectorProducts = wantsH && hasH ? op.applicationCount : nil
    return report
  }

  /// A read-out plan on `subject` (needs only losses): a landscape as `plan(_:options:)` on a
  /// landscape; an oracle after its capability (loss) and trust checks.
  ///
  /// - Throws: as for a landscape, and ``InputError`` naming the oracle.
  public static func plan(_ subject: AnalysisSubject, options: Options) async throws -> CovariancePlanReport {
    guard let oracle = subject.oracle else { return try await plan(subject.landscape!, options: options) }
    let summary = try subject.prepare(for: .covariance)
    var report = try await OracleFailureNaming.naming(subject.input) {
      try await planCore(oracle, name: subject.name, options: options)
    }
    report.oracle = summary
    return report
  }
}
