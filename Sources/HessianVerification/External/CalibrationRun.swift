/// One run of an external estimator: the seed it was given and what it answered.
public struct CalibrationRun: Sendable, Equatable, Codable {
  /// The seed it received (``CalibrationOptions/runSeed(master:landscape:run:)``).
  public let seed: UInt64
  /// The estimate it printed.
  public let value: Double
  /// The standard error it stated, nil when none (a rank estimator may omit it).
  public let standardError: Double?

  /// A run with its seed and answer.
  public init(seed: UInt64, value: Double, standardError: Double?) {
    self.seed = seed
    self.value = value
    self.standardError = standardError
  }
}
