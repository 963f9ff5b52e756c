/// The landscape spec `oracle:COMMAND`: a model served by an external program (the command is
/// run with `/bin/sh -c`; see ``ExternalOracle``).
public enum OracleSpec {
  /// The spec's prefix, `oracle:`.
  public static let prefix = "oracle:"

  /// Why an `oracle:` spec without a command is refused.
  static let emptyCommandProblem: InputError.Phrase =
    "an oracle spec needs a command after 'oracle:' (e.g. oracle:python3 my_model.py)"

  /// The command of an `oracle:COMMAND` spec, exactly as written after the prefix; nil when
  /// `text` is not an oracle spec. Cost: O(length of `text`).
  ///
  /// - Throws: ``InputError/spec(_:problem:)`` when the command is empty or only white space.
  public static func command(in text: String) throws(InputError) -> String? {
    guard text.hasPrefix(prefix) else { return nil }
    let command = String(text.dropFirst(prefix.count))
    guard command.contains(where: { !$0.isWhitespace }) else { throw .spec(text, problem: emptyCommandProblem) }
    return command
  }
}
