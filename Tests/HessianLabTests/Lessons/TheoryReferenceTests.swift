import Foundation
import Testing
import TestSupport

/// `docs/theory.md` is the project's mathematics: every "theory §x.y" reference in the code, the
/// lessons, the documentation and the fixtures (whose text the tool prints) names a section that
/// exists, no reference points at the old, unpublished "math notes", and the glossary defines every
/// quantity the tool and the lessons print.
@Suite("Theory references")
struct TheoryReferenceTests {
  static let theory = Repository.root.appendingPathComponent("docs/theory.md")

  /// The section numbers of theory.md: "N" for `## N.` and "N.M" for `### N.M`.
  static func sections() throws -> Set<String> {
    let text = try String(contentsOf: theory, encoding: .utf8)
    var out = Set<String>()
    for line in text.split(separator: "\n") where line.hasPrefix("## ") || line.hasPrefix("### ") {
      let title = line.drop { $0 == "#" }.dropFirst()
      if let m = title.firstMatch(of: #/^(\d+(?:\.\d+)?)\.? /#) { out.insert(String(m.1)) }
    }
    return out
  }

  /// Every tracked-looking text file under the folders whose text is code, output or lessons.
  static func files() -> [URL] {
    let folders = ["Sources", "lessons", "docs", "fixtures/landscapes", "fixtures/golden", "Tests", "python"]
    var out: [URL] = []
    for f in folders {
      let root = Repository.root.appendingPathComponent(f)
      guard let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
      for case let url as URL in e where ["swift", "md", "json", "py", "txt"].contains(url.pathExtension) { out.append(url) }
    }
    return out
  }

  /// The section numbers a text cites as "theory §a, §b–§c and §d".
  static func references(in text: String) -> [String] {
    text.matches(of: /theory §(\d+(?:\.\d+)?)((?:(?:, §|–§| and §)\d+(?:\.\d+)?)*)/).flatMap { m in
      [String(m.1)] + String(m.2).matches(of: /§(\d+(?:\.\d+)?)/).map { String($0.1) }
    }
  }

  @Test("Every \"theory §x.y\" resolves to a numbered section of docs/theory.md; no \"math notes §\" is left")
  func referencesResolve() throws {
    let sections = try Self.sections()
    #expect(sections.contains("4.2") && sections.contains("9"), "theory.md's headings were not parsed")
    var count = 0
    var unresolved: [String] = []
    var stale: [String] = []
    for url in Self.files() {
      guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
      let name = url.path.replacingOccurrences(of: Repository.root.path + "/", with: "")
      if name.hasSuffix("TheoryReferenceTests.swift") { continue }  // this file's own examples
      for r in Self.references(in: text) {
        count += 1
        if !sections.contains(r) { unresolved.append("\(name): theory §\(r)") }
      }
      if text.contains("math notes §") { stale.append(name) }
    }
    #expect(count >= 59, "found only \(count) references")
    #expect(unresolved.isEmpty, "\(unresolved)")
    #expect(stale.isEmpty, "still citing the math notes: \(stale)")
    // The check can fail: a reference to a missing section is found.
    #expect(!sections.contains(Self.references(in: "see theory §4.9")[0]))
  }

  @Test("The glossary (§9) defines every printed quantity and states the λ convention")
  func glossary() throws {
    let text = try String(contentsOf: Self.theory, encoding: .utf8)
    let start = try #require(text.range(of: "## 9. Glossary"))
    let glossary = String(text[start.lowerBound...])
    for name in ["rank", "τ", "gap ratio", "κ", "measureID", "measureCE", "spread", "c_max", "λ_LLC", "| m |", "nβ", "SE", "λ_ES"] {
      #expect(glossary.contains(name), "the glossary does not define \(name)")
    }
    #expect(glossary.contains("**Convention for λ:**"))
  }
}
