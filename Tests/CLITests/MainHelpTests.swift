import Foundation
import Testing
import TestSupport

/// The root `--help` lists every landscape form the spec parser accepts, each with an example
/// that runs: the families are read from the parser's own `hasPrefix("family:")` tests, so a new
/// family that is not listed fails here.
@Suite("Main help: every landscape form, with an example that runs")
struct MainHelpTests {
  /// The form lines of the root help: "  FORM   EXAMPLE".
  static func formLines() throws -> [(form: String, example: String)] {
    let help = try CommandRunner.run(["--help"]).standardOutput
    let block = try #require(help.components(separatedBy: "LANDSCAPE arguments take these forms").dropFirst().first?
      .components(separatedBy: "Exit status").first)
    return block.split(separator: "\n").dropFirst().compactMap { line in
      let columns = line.trimmingCharacters(in: .whitespaces).components(separatedBy: "  ").filter { !$0.isEmpty }
      guard columns.count == 2 else { return nil }
      return (columns[0].trimmingCharacters(in: .whitespaces), columns[1].trimmingCharacters(in: .whitespaces))
    }
  }

  /// The `family:` prefixes the spec parsers test for.
  static func families() throws -> Set<String> {
    var found = Set<String>()
    for file in ["Sources/HessianZoo/Landscapes/LandscapeSpec.swift", "Sources/HessianCore/ExternalOracle/OracleSpec.swift"] {
      let text = try String(contentsOfFile: Repository.path(file), encoding: .utf8)
      for m in text.matches(of: try Regex(#"(?:hasPrefix\(|prefix = )"([a-z]+:)""#)) {
        if let family = m.output[1].substring { found.insert(String(family)) }
      }
    }
    return found
  }

  @Test("every family the parser accepts is listed")
  func everyFamilyListed() throws {
    let families = try Self.families()
    #expect(families.isSuperset(of: ["poly:", "dln:", "quad:", "sum:", "oracle:"]), "\(families)")
    let forms = try Self.formLines().map(\.form)
    for family in families.sorted() {
      #expect(forms.contains { $0.hasPrefix(family) }, "\(family) is accepted but not listed in the root --help")
    }
  }

  @Test("each listed example (but a user's file or program) is accepted by describe")
  func examplesRun() throws {
    let lines = try Self.formLines()
    #expect(lines.count >= 7, "\(lines)")
    for (form, quoted) in lines where !form.contains(".npy") && !form.hasPrefix("oracle:") {
      let example = quoted.trimmingCharacters(in: CharacterSet(charactersIn: "'"))
      let r = try CommandRunner.run(["describe", example])
      #expect(r.status == 0, "\(form): describe \(example): \(r.standardError)")
    }
  }
}
