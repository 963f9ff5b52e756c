import ArgumentParser
import HessianLab

/// `--threshold`: the library's ``ThresholdPolicy`` in its textual form
/// (`precision`, `gap`, `rel:F`, `abs:T`; ``ThresholdPolicy/init(parsing:)``).
extension ThresholdPolicy: ExpressibleByArgument {
  public init?(argument: String) {
    guard let policy = try? ThresholdPolicy(parsing: argument) else { return nil }
    self = policy
  }

  /// The textual form, shown by `--help` for a default.
  public var defaultValueDescription: String { argument }

  /// The transform of an `@Option`: like ``init(argument:)`` but saying what is wrong
  /// with a bad value (argument-parser prefixes the option and the value).
  static func parse(_ text: String) throws -> ThresholdPolicy { try ThresholdPolicy(parsing: text) }
}
