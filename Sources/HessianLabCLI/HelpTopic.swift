import ArgumentParser

/// `hessian-lab help COMMAND [SUBCOMMAND]`: argument-parser prints the root help
/// and exits 0 for a name that is no command; this check refuses such a name
/// first, naming it (exit status 2), so a typo is never a silent success.
enum HelpTopic {
  /// Throws when `arguments` is `help …` naming a command path that does not exist.
  ///
  /// - Throws: ``UsageError`` naming the first unknown word and the commands there.
  static func check(_ arguments: [String]) throws {
    guard arguments.first == "help" else { return }
    var names = CommandRegistry.all.map { name(of: $0) }
    var children = CommandRegistry.all.map { subcommands(of: $0) }
    var path = ["help"]
    for word in arguments.dropFirst() where !word.hasPrefix("-") {
      guard !names.isEmpty else {
        throw UsageError("\(path.joined(separator: " ")): '\(path[path.count - 1])' has no subcommands (got '\(word)')")
      }
      guard let k = names.firstIndex(of: word) else {
        throw UsageError("\(path.joined(separator: " ")): no such command '\(word)' (commands: \(names.joined(separator: ", ")))")
      }
      let next = children[k]
      names = next.map { name(of: $0) }
      children = next.map { subcommands(of: $0) }
      path.append(word)
    }
  }

  static func name(of command: any ParsableCommand.Type) -> String {
    let configuration: CommandConfiguration = command.configuration
    return configuration.commandName ?? kebabCase(String(describing: command))
  }

  /// argument-parser's default command name: the type name in lowercase words
  /// joined by `-` (`List` → `list`, `ShowAll` → `show-all`).
  static func kebabCase(_ typeName: String) -> String {
    var out = ""
    for c in typeName {
      if c.isUppercase, !out.isEmpty { out += "-" }
      out += c.lowercased()
    }
    return out
  }

  static func subcommands(of command: any ParsableCommand.Type) -> [any ParsableCommand.Type] {
    let configuration: CommandConfiguration = command.configuration
    return configuration.subcommands
  }
}
