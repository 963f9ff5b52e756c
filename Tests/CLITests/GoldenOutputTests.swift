import Foundation
import Testing
import TestSupport

/// The golden-output corpus: the `--json` output of a fixed set of commands
/// (every subcommand with JSON output, several landscapes, fixed seeds), timing
/// keys removed, must equal the committed file byte for byte. A change to any
/// `--json` output therefore shows up in review as a diff of `fixtures/golden/`.
///
/// `fixtures/golden/corpus.txt` lists the commands (`NAME|ARGUMENTS`); the
/// expected output of each is `fixtures/golden/NAME.json`. After a deliberate
/// change, regenerate with `HESSIAN_LAB_UPDATE_GOLDEN=1 swift test --filter
/// GoldenOutputTests`, review the diff and record it in `CHANGELOG.md`.
@Suite("Golden --json outputs")
struct GoldenOutputTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let arguments: [String]
    var testDescription: String { "\(name): hessian-lab \(arguments.joined(separator: " "))" }
  }

  static let folder = Repository.root.appendingPathComponent("fixtures/golden")

  static let cases: [Case] = {
    guard let text = try? String(contentsOf: folder.appendingPathComponent("corpus.txt"), encoding: .utf8) else { return [] }
    return text.split(separator: "\n").compactMap { line in
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return nil }
      let parts = trimmed.split(separator: "|", maxSplits: 1).map(String.init)
      guard parts.count == 2 else { return Case(name: "malformed line: \(trimmed)", arguments: []) }
      return Case(name: parts[0], arguments: parts[1].split(separator: " ").map(String.init))
    }
  }()

  static var updating: Bool { ProcessInfo.processInfo.environment["HESSIAN_LAB_UPDATE_GOLDEN"] == "1" }

  /// The BLAS kernels every golden run uses. OpenBLAS picks its kernels by CPU at start-up, and
  /// kernels for different instruction sets round differently in the last bits (an AVX-512
  /// machine reads the tiny eigenvalues of `rank quad-rank-deficient --method dense` as
  /// −9.3e-16 where an AVX2 machine reads −7.4e-16), so byte-for-byte files need one kernel set:
  /// Haswell's (AVX2 + FMA), which every x86-64 machine of the last decade runs. The variable is
  /// ignored by a BLAS that is not OpenBLAS and on other architectures.
  static let environment: [String: String] = {
    #if arch(x86_64)
      return ["OPENBLAS_CORETYPE": "Haswell"]
    #else
      return [:]
    #endif
  }()

  @Test("The corpus covers every JSON-producing subcommand with at least 40 commands, with unique names")
  func corpusIsComplete() {
    #expect(Self.cases.count >= 40)
    #expect(Set(Self.cases.map(\.name)).count == Self.cases.count, "duplicate names")
    #expect(!Self.cases.contains { $0.arguments.isEmpty }, "a malformed line")
    let subcommands = Set(Self.cases.compactMap(\.arguments.first))
    for command in ["rank", "spectrum", "describe", "landscapes", "covariance", "llc", "compare", "verify", "check"] {
      #expect(subcommands.contains(command), "no golden case for \(command)")
    }
  }

  @Test("Every golden file belongs to a corpus line")
  func noStaleFiles() throws {
    let names = Set(Self.cases.map { "\($0.name).json" })
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".json") }
    for file in files { #expect(names.contains(file), "fixtures/golden/\(file) has no line in corpus.txt") }
  }

  @Test("The --json output equals the committed golden file", arguments: cases)
  func outputIsUnchanged(_ c: Case) throws {
    let result = try CommandRunner.run(c.arguments, environment: Self.environment)
    #expect(result.status == 0, "\(result.standardError)")
    let actual = CommandRunner.withoutTiming(result.standardOutput)
    let file = Self.folder.appendingPathComponent("\(c.name).json")
    if Self.updating {
      try Data(actual.utf8).write(to: file, options: .atomic)
      return
    }
    let expected = try #require(
      try? String(contentsOf: file, encoding: .utf8), "missing fixtures/golden/\(c.name).json (regenerate, see corpus.txt)")
    if actual != expected {
      let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
      let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let first = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }
      let where_ = first.map { "line \($0.offset + 1): expected «\($0.element.1)», got «\($0.element.0)»" } ?? "lengths differ (\(e.count) vs \(a.count) lines)"
      Issue.record("\(c.name): output differs from fixtures/golden/\(c.name).json, first at \(where_)")
    }
  }
}
