/// The launcher of `oracle:COMMAND` inputs used by ``SubjectSpec/resolve(_:hessianCheck:oracle:launch:)``
/// (``ExternalOracle/launch(_:)``) and the shutdown of what it started.
public enum OracleLauncher {
  /// Starts the external oracle of `options` (its processes, handshake and point).
  ///
  /// - Throws: ``InputError`` naming the command: a process that cannot start, a malformed or
  ///   late handshake, processes that disagree (``ExternalOracle/launch(_:)``).
  public static func launch(_ options: OracleLaunchOptions) throws -> any ModelOracle {
    try ExternalOracle.launch(options)
  }

  /// Stops `oracle`'s processes when it started any (an in-process oracle has none). Idempotent.
  public static func shutdown(_ oracle: any ModelOracle) {
    (oracle as? ExternalOracle)?.shutdown()
  }
}

extension AnalysisSubject {
  /// Stops the oracle's processes, if the subject started any; nothing for a landscape or an
  /// in-process oracle. Safe to call more than once.
  public func shutdown() {
    if let oracle { OracleLauncher.shutdown(oracle) }
  }
}
