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
}

/// A report with a `schemaVersion` key added beside its own keys, for report
/// types defined in the library (which know nothing of the CLI's schemas).
struct Versioned<Base: Encodable>: Encodable {
  var base: Base

  private enum Key: String, CodingKey { case schemaVersion }

  func encode(to encoder: any Encoder) throws {
    try base.encode(to: encoder)
    var container = encoder.container(keyedBy: Key.self)
    try container.encode(JSONSchemaVersion.current, forKey: .schemaVersion)
  }
}

/// The text of `--json`: keys sorted, pretty-printed.
enum JSONOutput {
  /// `value` as `--json` prints it.
  static func string(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }
}

/// `--save FILE.npy`: writes a result atomically (``NumpyArray/write(to:version:order:)``
/// writes a temporary file and renames it), so a failure leaves no partial file.
enum NumpySave {
  static func write(_ array: NumpyArray, to path: String) throws(UsageError) {
    try OutputFile.check(path, option: "--save", suffix: ".npy")
    do {
      try array.write(to: URL(fileURLWithPath: path))
    } catch {
      throw UsageError("--save: cannot write \(path): \(error)")
    }
  }
}
