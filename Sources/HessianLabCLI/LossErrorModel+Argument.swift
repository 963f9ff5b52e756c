import ArgumentParser
import HessianLab

/// `--loss`: the library's ``LossErrorModel`` in its textual form
/// (`exact`, `float32`, `noise:SIGMA`; ``LossErrorModel/init(parsing:)``).
extension LossErrorModel: ExpressibleByArgument {
  public init?(argument: String) {
    guard let model = try? LossErrorModel(parsing: argument) else { return nil }
    self = model
  }

  /// The textual form, shown by `--help` for a default.
  public var defaultValueDescription: String { argument }

  /// The transform of an `@Option`, saying what is wrong with a bad value.
  static func parse(_ text: String) throws -> LossErrorModel { try LossErrorModel(parsing: text) }

  /// The help text of every `--loss` option.
  static let help: ArgumentHelp =
    "Loss error model of the covariance route: exact, float32 (point and value rounded) or noise:SIGMA (additive N(0, SIGMA²), seeded from --seed)."
}
