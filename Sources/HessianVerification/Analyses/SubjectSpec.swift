/// Turns an input argument into an ``AnalysisSubject``: `oracle:COMMAND` starts an external
/// oracle (a child process speaking `docs/oracle-protocol.md`); anything else is a landscape
/// spec, resolved by ``LandscapeSpec/resolve(_:name:hessianCheck:)``. The one resolution
/// function of every command that accepts a landscape.
public enum SubjectSpec {
  /// How an `oracle:` input is started and trusted; ignored for a landscape.
  public struct OracleSettings: Sendable, Equatable {
    /// Copies of the oracle command; each block is split across them (1…64).
    public var processes: Int
    /// The longest wait for the handshake or any one reply, in seconds (> 0, finite).
    public var timeoutSeconds: Double
    /// What a failed trust check does (``OracleTrustPolicy``).
    public var trustPolicy: OracleTrustPolicy

    /// Settings with the command line's defaults: one process, 300 s, refuse on a failed check.
    public init(processes: Int = 1, timeoutSeconds: Double = 300, trustPolicy: OracleTrustPolicy = .refuse) {
      self.processes = processes
      self.timeoutSeconds = timeoutSeconds
      self.trustPolicy = trustPolicy
    }
  }

  /// Starts an oracle from its launch options.
  public typealias Launcher = @Sendable (OracleLaunchOptions) throws -> any ModelOracle

  /// The `oracle:` prefix (``OracleSpec/prefix``).
  public static let oraclePrefix = OracleSpec.prefix

  /// Whether `text` names an external oracle (`oracle:COMMAND`, leading blanks ignored).
  public static func isOracle(_ text: String) -> Bool {
    text.drop { $0 == " " || $0 == "\t" }.hasPrefix(oraclePrefix)
  }

  /// The subject `text` names: an oracle started by `launch` with `settings`, or a landscape.
  ///
  /// The caller owns a started oracle and must end it with ``AnalysisSubject/shutdown()`` on
  /// every path (the CLI does so in `whileOpen`).
  ///
  /// - Parameter hessianCheck: what is required of a `.npy` Hessian (landscapes only).
  /// - Throws: ``InputError`` naming the spec: an empty command (``OracleSpec/command(in:)``), a
  ///   launch failure (the oracle's own message), or any landscape-spec error.
  public static func resolve(
    _ text: String, hessianCheck: HessianFileCheck = .minimum, oracle settings: OracleSettings = OracleSettings(),
    launch: Launcher = OracleLauncher.launch
  ) throws -> AnalysisSubject {
    let trimmed = String(text.drop { $0 == " " || $0 == "\t" })
    guard let command = try OracleSpec.command(in: trimmed) else {
      return AnalysisSubject(try LandscapeSpec.resolve(text, hessianCheck: hessianCheck))
    }
    let options = OracleLaunchOptions(
      command: command, processes: settings.processes, timeoutSeconds: settings.timeoutSeconds)
    return AnalysisSubject(oracle: try launch(options), trustPolicy: settings.trustPolicy, input: trimmed)
  }
}
