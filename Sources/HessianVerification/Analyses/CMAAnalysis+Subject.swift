extension CMAAnalysis {
  /// The adaptive workflow on `subject`: a landscape as ``run(_:options:progress:)`` on a landscape;
  /// an oracle after its capability (loss) and trust checks, with H built from d HVPs only when
  /// the oracle offers them and ``Options/hessianComparison`` is
  /// ``HessianComparisonPolicy/knownOrExactProducts`` (as ``CovarianceAnalysis``).
  ///
  /// - Throws: as for a landscape, and ``InputError`` naming the oracle.
  public static func run(
    _ subject: AnalysisSubject, options: Options, progress: ((Int, Int) -> Void)? = nil
  ) async throws -> CMAReport {
    guard let oracle = subject.oracle else { return try await run(subject.landscape!, options: options, progress: progress) }
    let summary = try subject.prepare(for: .covariance)
    let wantsH = options.hessianComparison == .knownOrExactProducts
    let hasH = subject.capabilities.contains(.hvp)
    let op = subject.hessianOperator()
    var report = try OracleFailureNaming.naming(subject.input) {
      try core(oracle, name: subject.name, options: options, knownRank: nil, precision: subject.precision, progress: progress) {
        guard wantsH, hasH else { return nil }
        return try DenseRank.denseMatrix(of: op)
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
}
