import Foundation
import Testing
import TestSupport

/// Only the bridge module may import the C module: GSL types never leave it.
@Suite("C boundary")
struct ImportGuardTests {
  @Test("No source file outside Sources/GSLBridge imports CGSL")
  func onlyBridgeImportsCGSL() throws {
    let sources = Repository.root.appendingPathComponent("Sources")
    let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
      .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
    #expect(files.count > 10, "the scan must see the sources")
    var importers: Set<String> = []
    for file in files {
      let text = try String(contentsOf: file, encoding: .utf8)
      let imports = text.split(separator: "\n").contains { line in
        let t = line.trimmingCharacters(in: .whitespaces)
        return t.range(of: #"^(@[A-Za-z_]+(\([^)]*\))? )*import (class |struct |enum |func )?CGSL(\.|$| )"#, options: .regularExpression) != nil
      }
      if imports { importers.insert(file.deletingLastPathComponent().lastPathComponent) }
    }
    #expect(importers == ["GSLBridge"], "modules importing CGSL: \(importers.sorted())")
  }
}
