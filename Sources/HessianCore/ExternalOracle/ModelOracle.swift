/// What HessianLab can ask of a model it reaches only through an oracle: Hessian-vector
/// products at the oracle's point w* (``SymmetricOperator``), losses and gradients
/// (``LossOracle``, centred at w*), and which of the three the oracle offers.
///
/// Nothing about the model is known in advance: no exact rank, no learning coefficient, no
/// closed-form spectrum. Everything reported for a `ModelOracle` is an estimate, with its cost
/// counted by ``HessianOperator`` and ``CountingLossOracle``.
///
/// Conformers: `ExternalOracle` (a child process speaking the protocol of
/// `docs/oracle-protocol.md`) and ``InProcessModelOracle`` (closures; tests and library users).
public protocol ModelOracle: SymmetricOperator, LossOracle {
  /// A short name for reports: the oracle's own (its HELLO `name`) or `oracle:COMMAND`.
  var name: String { get }
  /// What the oracle answers; a request outside it throws ``OracleError``.
  var capabilities: Set<OracleCapability> { get }
}

/// One kind of request an oracle may answer (its HELLO `capabilities`).
public enum OracleCapability: String, Sendable, Codable, CaseIterable, Comparable {
  /// Hessian-vector products H·V at w* for a d×k block V. Needed by `rank`, `spectrum`.
  case hvp
  /// Losses L(w) at an n×d block of points. Needed by `covariance` and the volume LLC estimator.
  case loss
  /// Gradients ∇L(w) at an n×d block of points. Needed by SGLD and the finite-difference trust check.
  case gradient

  /// Declaration order (hvp, loss, gradient), so sorted lists read the same everywhere.
  public static func < (a: OracleCapability, b: OracleCapability) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}

/// How to start an external oracle: the `oracle:COMMAND` spec and the `--oracle-*` options.
public struct OracleLaunchOptions: Sendable, Equatable {
  /// The shell command (run with `/bin/sh -c`).
  public var command: String
  /// How many copies of the command to start; each block is split across them (default 1).
  public var processes: Int
  /// The longest wait for the handshake or for any one reply, in seconds (default 300).
  public var timeoutSeconds: Double

  /// Options with the given values; the defaults are the CLI's.
  public init(command: String, processes: Int = 1, timeoutSeconds: Double = 300) {
    self.command = command
    self.processes = processes
    self.timeoutSeconds = timeoutSeconds
  }
}
