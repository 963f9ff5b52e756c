import ArgumentParser
import HessianLab

/// `--hvp`: the library's ``HVPErrorModel`` in its textual form
/// (`exact`, `float32`, `finite-difference[:h=H][:scheme=central|forward]`; ``HVPErrorModel/init(parsing:)``).
extension HVPErrorModel: ExpressibleByArgument {
  public init?(argument: String) {
    guard let model = try? HVPErrorModel(parsing: argument) else { return nil }
    self = model
  }

  /// The textual form, shown by `--help` for a default.
  public var defaultValueDescription: String { argument }

  /// The transform of an `@Option`: like ``init(argument:)`` but saying what is wrong with a bad
  /// value (argument-parser prefixes the option and the value).
  static func parse(_ text: String) throws -> HVPErrorModel { try HVPErrorModel(parsing: text) }

  /// The help text of every `--hvp` option.
  static let help: ArgumentHelp =
    "HVP error model: exact, float32, or finite-difference[:h=H][:scheme=central|forward] (differences of the gradient; τ follows the model's accuracy)."
}
