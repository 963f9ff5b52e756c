import Foundation

/// The one parser of the `:key=value` options after a spec's body
/// (`quad:1,2:d=3:seed=7`, `poly:EXPR:d=3:flat=1`, `dln:3-2-3:rank=1`): every
/// field must be `key=value` with a non-empty key and value, every key must be one
/// the family takes, and no key may be given twice (`:d=3:d=4` is refused, not
/// silently resolved to the last one).
///
/// Cost: linear in the length of the text.
struct SpecOptions {
  /// The values by key, each given once.
  let values: [String: String]

  /// Parses `fields` (the `:`-separated pieces after the body) of spec `text`;
  /// `allowed` lists the family's keys and `usage` says what it takes
  /// (e.g. `poly: takes d=N and flat=K`).
  ///
  /// - Throws: ``InputError/spec(_:problem:)`` naming `text` for a field that is not
  ///   `key=value`, an unknown key, or a repeated key.
  init(_ fields: some Sequence<String>, allowed: Set<String>, usage: String, in text: String) throws(InputError) {
    var values: [String: String] = [:]
    for field in fields {
      let kv = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        .map { $0.trimmingCharacters(in: .whitespaces) }
      guard kv.count == 2, !kv[0].isEmpty, !kv[1].isEmpty else {
        throw InputError.spec(text, problem: "option '\(field)' is not of the form key=value (\(usage))")
      }
      let (key, value) = (kv[0], kv[1])
      guard allowed.contains(key) else {
        throw InputError.spec(text, problem: "unknown option '\(key)' (\(usage))")
      }
      if let first = values[key] {
        throw InputError.spec(text, problem: "option '\(key)' is given twice (\(key)=\(first) and \(key)=\(value)); give it once")
      }
      values[key] = value
    }
    self.values = values
  }

  /// The value of `key`, nil when not given.
  subscript(_ key: String) -> String? { values[key] }
}
