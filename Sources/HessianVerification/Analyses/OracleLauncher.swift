/// The launcher of `oracle:COMMAND` inputs used by ``SubjectSpec/resolve(_:hessianCheck:oracle:launch:)``
/// and the shutdown of what it started.
public enum OracleLauncher {
  /// Starts the external oracle of `options`.
  ///
  /// - Throws: ``InputError`` naming the spec: this build has no external-oracle transport yet.
  public static func launch(_ options: OracleLaunchOptions) throws -> any ModelOracle {
    throw InputError.spec(
      SubjectSpec.oraclePrefix + options.command, problem: "external oracles are not available in this build")
  }

  /// Stops `oracle`'s processes when it started any (an in-process oracle has none).
  public static func shutdown(_ oracle: any ModelOracle) {}
}

extension AnalysisSubject {
  /// Stops the oracle's processes, if the subject started any; nothing for a landscape or an
  /// in-process oracle. Safe to call more than once.
  public func shutdown() {
    if let oracle { OracleLauncher.shutdown(oracle) }
  }
}
