import Foundation
import Testing
import TestSupport

/// Every `hessian-lab` command the README shows runs, and where the README shows its output, that
/// output is what the tool prints: each shown line (whitespace runs compared as one space, so a
/// line the README wraps still matches) occurs in the real standard output, in the README's order.
/// Python commands are the Python tests' (`python/tests/test_examples.py`); commands that need a
/// file the README only names (`my_llc.py`) are not run; `lesson start` runs with
/// `--non-interactive`.
@Suite("README: every command runs and its shown output is the real output")
struct ReadmeCommandTests {
  /// One command of the README and the lines shown after it (empty when none are shown).
  struct Shown: CustomStringConvertible, Sendable {
    var arguments: [String]
    var lines: [String]
    var description: String { "hessian-lab " + arguments.joined(separator: " ") }
  }

  /// The commands of the README: `$ hessian-lab …` in text blocks with the lines after them, and
  /// the `hessian-lab …` lines of shell blocks (comments dropped) without output.
  static func commands() throws -> [Shown] {
    let text = try String(contentsOfFile: Repository.path("README.md"), encoding: .utf8)
    var out: [Shown] = []
    var language: String?
    for line in text.components(separatedBy: "\n") {
      if line.hasPrefix("```") {
        language = language == nil ? String(line.dropFirst(3)) : nil
        continue
      }
      guard let language else { continue }
      if language == "text" {
        if line.hasPrefix("$ ") {
          let words = shellWords(String(line.dropFirst(2)))
          out.append(Shown(arguments: words.first == "hessian-lab" ? Array(words.dropFirst()) : [], lines: []))
        } else if !out.isEmpty, !out[out.count - 1].arguments.isEmpty, !line.isEmpty {
          out[out.count - 1].lines.append(line)
        }
      } else if language == "sh", line.hasPrefix("hessian-lab ") {
        let command = line.components(separatedBy: "  #").first ?? line
        out.append(Shown(arguments: Array(shellWords(command).dropFirst()), lines: []))
      }
    }
    return out.filter { shown in
      !shown.arguments.isEmpty
        && !shown.arguments.contains { $0.hasSuffix(".py") && !FileManager.default.fileExists(atPath: Repository.path($0)) }
    }
  }

  /// Words of a shell line: blanks separate, single quotes group (enough for the README).
  static func shellWords(_ line: String) -> [String] {
    var words: [String] = [], current = "", quoted = false, any = false
    for c in line {
      if c == "'" { quoted.toggle(); any = true } else if c == " " && !quoted {
        if any || !current.isEmpty { words.append(current) }
        current = ""
        any = false
      } else { current.append(c) }
    }
    if any || !current.isEmpty { words.append(current) }
    return words
  }

  static func normalized(_ s: String) -> String {
    s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
  }

  @Test("the README's commands are found (the parser works)")
  func parserFindsCommands() throws {
    let all = try Self.commands()
    #expect(all.count >= 12, "\(all)")
    #expect(all.contains { $0.arguments.first == "rank" && !$0.lines.isEmpty })
    #expect(Self.shellWords("rank 'oracle:python3 m.py' --method block") == ["rank", "oracle:python3 m.py", "--method", "block"])
  }

  @Test("each command exits 0 and prints the README's lines in order", arguments: try commands())
  func runs(_ shown: Shown) throws {
    let state = FileManager.default.temporaryDirectory.appendingPathComponent("readme-state-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: state) }
    // A lesson asks at the prompt; here it runs as in CI, answering nothing.
    let interactive = shown.arguments.starts(with: ["lesson", "start"])
    let arguments = shown.arguments + (interactive ? ["--non-interactive"] : [])
    let result = try CommandRunner.run(arguments, environment: ["HESSIAN_LAB_STATE_DIR": state.path])
    // `check` exits 1 on a failed verdict, which the README shows on purpose.
    let expectedStatus: Int32 = shown.lines.contains("verdict: fail") ? 1 : 0
    #expect(result.status == expectedStatus, "\(shown): \(result.standardError)")
    let output = Self.normalized(result.standardOutput)
    var position = output.startIndex
    for line in shown.lines {
      let wanted = Self.normalized(line)
      guard let found = output.range(of: wanted, range: position..<output.endIndex) else {
        Issue.record("\(shown): the README shows \"\(line)\", not in the output (in this order):\n\(result.standardOutput)")
        return
      }
      position = found.upperBound
    }
  }
}
