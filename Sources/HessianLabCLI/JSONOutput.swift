import Foundation
import HessianLab

/// The version of every `--json` report's layout, written as its
/// `schemaVersion` key. The schemas are `docs/schema/<command>.schema.json`
/// (JSON Schema draft 2020-12), checked against real output by
/// `Tests/CLITests/JSONSchemaTests.swift`.
///
/// Bump it when a key is removed, renamed or changes type; adding a key is
/// compatible (the schemas allow additional properties).
enum JSONSchemaVersion {
  static let current = 3
  /// The tool's version (`hessian-lab --version`), written beside `schemaVersion` as `toolVersion`.
  static let toolVersion = "0.1.0"
}

/// A report with `schemaVersion` and `toolVersion` keys added beside its own keys, for report
/// types defined in the library (which know nothing of the CLI's schemas), and, for commands
/// that draw random numbers, `normalStream`: the ``NormalStream`` version of the run's normal
/// draws (`"ziggurat-v2"`), null when the run drew none (its `seed` is null).
struct Versioned<Base: Encodable>: Encodable {
  var base: Base
  /// The `normalStream` key: absent for commands that never draw (describe, landscapes, hessian).
  var normals: NormalStreamKey = .absent

  /// Whether and how a report writes `normalStream`.
  enum NormalStreamKey {
    /// No key: the command never draws random numbers.
    case absent
    /// The key, null when this run drew no normals.
    case reported(NormalStream?)

    /// The current stream when the run used `seed`, null when it used none.
    static func seeded(_ seed: UInt64?) -> Self { .reported(seed == nil ? nil : .current) }
  }

  private enum Key: String, CodingKey { case schemaVersion, toolVersion, normalStream, symmetrizedAsymmetry }

  /// Also writes `symmetrizedAsymmetry` (null unless `--symmetrize` changed a matrix) for the
  /// commands that offer `--symmetrize` (``SymmetrizeOption``).
  func encode(to encoder: any Encoder) throws {
    try base.encode(to: encoder)
    var container = encoder.container(keyedBy: Key.self)
    try container.encode(JSONSchemaVersion.current, forKey: .schemaVersion)
    try container.encode(JSONSchemaVersion.toolVersion, forKey: .toolVersion)
    if case let .reported(stream) = normals { try container.encode(stream, forKey: .normalStream) }
    if HessianSymmetrization.current != nil {
      try container.encode(SymmetrizeOption.measured, forKey: .symmetrizedAsymmetry)
    }
  }
}

/// The text of `--json`: keys sorted, pretty-printed. The one place every command
/// encodes its report, so an encoding failure (a non-finite number where the schema
/// has no string for it) is one line naming the field, never Foundation's
/// `EncodingError` text.
enum JSONOutput {
  /// `value` as `--json` prints it.
  ///
  /// - Throws: ``UsageError`` naming the field that cannot be written.
  static func string(
    _ value: some Encodable, formatting: JSONEncoder.OutputFormatting = [.sortedKeys, .prettyPrinted],
    nonFinite: JSONEncoder.NonConformingFloatEncodingStrategy = .throw
  ) throws(UsageError) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = formatting
    encoder.nonConformingFloatEncodingStrategy = nonFinite
    do {
      return String(decoding: try encoder.encode(value), as: UTF8.self)
    } catch {
      throw UsageError("--json: \(failure(error))")
    }
  }

  /// What went wrong, naming the field by its coding path (`result.threshold`).
  static func failure(_ error: any Error) -> String {
    guard case let EncodingError.invalidValue(value, context) = error else { return "cannot encode the report" }
    let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
    let field = keys.reduce("") { $0.isEmpty || $1.hasPrefix("[") ? $0 + $1 : $0 + "." + $1 }
    let shown = (value as? Double).map { "\($0)" } ?? (value as? Float).map { "\($0)" } ?? "a value"
    return "the report's field \(field.isEmpty ? "(top level)" : field) is \(shown), which JSON cannot represent; "
      + "no output was written"
  }
}

/// `--save FILE.npy`: stages the result in the run's output transaction
/// (``OutputFile/stage(_:to:option:)``), so a failure leaves the old file as it was.
enum NumpySave {
  static func write(_ array: NumpyArray, to path: String) throws(UsageError) {
    try OutputFile.check(path, option: "--save", suffix: ".npy")
    try OutputFile.stage(array.data(), to: path, option: "--save")
  }
}
