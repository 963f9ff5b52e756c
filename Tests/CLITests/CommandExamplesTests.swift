import Foundation
import Testing
import TestSupport

/// Every subcommand's help ends its overview with an "Examples:" block of two or three command
/// lines that invoke that subcommand, and the examples that need nothing of the user's (no
/// file of theirs, no long run) run with exit 0.
@Suite("Subcommand help: examples")
struct CommandExamplesTests {
  /// The subcommands `hessian-lab --help` lists.
  static func subcommands() throws -> [String] {
    let help = try CommandRunner.run(["--help"]).standardOutput
    guard let section = help.components(separatedBy: "SUBCOMMANDS:").last else { return [] }
    return section.split(separator: "\n").compactMap { line -> String? in
      guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
      return line.split(separator: " ").first.map(String.init)
    }.filter { $0 != "help" && !$0.hasPrefix("See") }
  }

  /// The example lines of `command`'s help.
  static func examples(_ command: String) throws -> [String] {
    let help = try CommandRunner.run([command, "--help"]).standardOutput
    guard let block = help.components(separatedBy: "Examples:\n").dropFirst().first else { return [] }
    return block.split(separator: "\n", omittingEmptySubsequences: false)
      .prefix { $0.hasPrefix("  ") }.map { $0.trimmingCharacters(in: .whitespaces) }
  }

  @Test("every subcommand shows 2–3 examples that call it")
  func everySubcommandHasExamples() throws {
    let commands = try Self.subcommands()
    #expect(commands.count >= 15, "\(commands)")
    for command in commands {
      let lines = try Self.examples(command)
      #expect((2...3).contains(lines.count), "\(command): \(lines)")
      for line in lines {
        #expect(line.hasPrefix("hessian-lab \(command)") || line.contains("hessian-lab") || line.hasPrefix("scripts/"), "\(command): \(line)")
      }
    }
  }

  /// Examples cheap enough to run here (a debug build, seconds each), in a scratch folder.
  static let runnable: [[String]] = [
    ["rank", "quad-rank-deficient"],
    ["rank", "quad:1*20:d=200:seed=3", "--method", "block", "--svg", "rank.svg"],
    ["spectrum", "quad-clusters", "--top", "4", "--seed", "1"],
    ["spectrum", "dln-3-2-3", "--density", "--probes", "8", "--svg", "density.svg"],
    ["hessian", "quad-rank-deficient", "--save", "H.npy"],
    ["landscapes"],
    ["describe", "newton-edge"],
    ["describe", "poly:x0^2*x1^4+x2^2", "--json"],
    ["covariance", "quad-full-rank", "--population", "20", "--kept", "400", "--plan"],
    ["covariance", "newton-flat", "--route", "cma", "--evaluations", "2000", "--seed", "1"],
    ["llc", "dln-3-2-3", "--method", "bounds"],
    ["lesson", "list"],
    ["check", "quad-full-rank", "--quantity", "rank", "--value", "10"],
  ]

  @Test("the cheap examples run with exit 0, and each is shown in its command's help", arguments: runnable)
  func runs(_ arguments: [String]) throws {
    let shown = try Self.examples(arguments[0])
    #expect(shown.contains("hessian-lab " + arguments.joined(separator: " ")), "not in \(arguments[0])'s help: \(shown)")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("examples-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let r = try CommandRunner.run(arguments, in: folder, environment: ["HESSIAN_LAB_STATE_DIR": folder.path])
    #expect(r.status == 0, "\(arguments): \(r.standardError)")
  }
}
