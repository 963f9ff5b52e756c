import Foundation
import Testing
import TestSupport

/// The man page's ENVIRONMENT section names every environment variable the tool reads: the sources
/// are scanned for `environment["NAME"]`, `getenv("NAME")` and `…Variable = "NAME"` constants, so a
/// new variable that is not documented fails here.
@Suite("Man page: every environment variable the tool reads is documented")
struct ManualEnvironmentTests {
  /// Names read by the sources under `Sources/`.
  static func variablesRead() throws -> Set<String> {
    let root = URL(fileURLWithPath: Repository.path("Sources"))
    let patterns = try [
      Regex(#"environment\["([A-Z][A-Z0-9_]*)"\]"#), Regex(#"getenv\("([A-Z][A-Z0-9_]*)"\)"#),
      Regex(#"[Vv]ariable = "([A-Z][A-Z0-9_]*)""#),
    ]
    var names = Set<String>()
    guard let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return names }
    for case let url as URL in files where url.pathExtension == "swift" {
      let text = try String(contentsOf: url, encoding: .utf8)
      for pattern in patterns {
        for match in text.matches(of: pattern) {
          if let name = match.output[1].substring { names.insert(String(name)) }
        }
      }
    }
    return names
  }

  @Test("each variable read appears as .It Ev NAME (or inside such an item) in ENVIRONMENT")
  func everyVariableDocumented() throws {
    let names = try Self.variablesRead()
    // The scan itself works: the variables known to be read are found.
    #expect(names.isSuperset(of: ["NO_COLOR", "TERM", "HESSIAN_LAB_MEMORY_MB", "HESSIAN_LAB_WORK_SCALE", "HESSIAN_LAB_STATE_DIR"]), "\(names)")
    let page = try String(contentsOfFile: Repository.path("docs/man/hessian-lab.1"), encoding: .utf8)
    let section = try #require(page.components(separatedBy: ".Sh ENVIRONMENT").dropFirst().first?.components(separatedBy: ".Sh ").first)
    let items = section.split(separator: "\n").filter { $0.hasPrefix(".It ") }.joined(separator: "\n")
    for name in names.sorted() {
      #expect(items.contains("Ev \(name)"), "\(name) is read by the tool but not an item of the man page's ENVIRONMENT section")
    }
  }
}
