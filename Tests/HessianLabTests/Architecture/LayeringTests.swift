import Foundation
import Testing
import TestSupport

/// The targets are layers: C shim → bridge → core → zoo → verification → lessons → library →
/// CLI. A target may import only targets below it, and only the bridge imports the C shim.
/// This reads the sources and `Package.swift` themselves, so a stray `import` fails here.
@Suite("Target layering")
struct LayeringTests {
  /// The layers, lowest first.
  static let layers = [
    "CGSL", "GSLBridge", "HessianCore", "HessianZoo", "HessianVerification", "HessianLessons", "HessianLab",
    "HessianLabCLI",
  ]
  /// A target's module name when it differs from its folder.
  static let moduleNames = ["HessianLabCLI": "hessian_lab"]

  /// `import X` lines (any attributes) of every Swift file of a target's folder.
  static func imports(of target: String) throws -> [(file: String, module: String)] {
    let root = URL(fileURLWithPath: Repository.path("Sources/\(target)"))
    guard let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
    let pattern = try Regex(#"^\s*(@[A-Za-z_]+(\([^)]*\))?\s+)*import\s+(?:(?:struct|class|enum|func|var|protocol)\s+)?([A-Za-z_][A-Za-z0-9_]*)"#)
    var found: [(String, String)] = []
    for case let url as URL in files where url.pathExtension == "swift" {
      for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
        if let m = try pattern.wholeMatch(in: String(line)), let name = m.output[3].substring {
          found.append((url.lastPathComponent, String(name)))
        }
      }
    }
    return found
  }

  @Test("no target imports a target above it", arguments: layers.dropFirst())
  func noUpwardImport(_ target: String) throws {
    let level = try #require(Self.layers.firstIndex(of: target))
    let higher = Set(Self.layers[(level + 1)...].map { Self.moduleNames[$0] ?? $0 })
    let found = try Self.imports(of: target)
    #expect(!found.isEmpty, "\(target) has no imports at all: the scan found nothing")
    for (file, module) in found {
      #expect(!higher.contains(module), "\(target)/\(file) imports \(module), a higher layer")
    }
  }

  @Test("only GSLBridge imports the C shim")
  func onlyTheBridgeImportsGSL() throws {
    for target in Self.layers.dropFirst(2) {
      for (file, module) in try Self.imports(of: target) {
        #expect(module != "CGSL", "\(target)/\(file) imports CGSL")
      }
    }
    #expect(try Self.imports(of: "GSLBridge").contains { $0.module == "CGSL" })
  }

  @Test("Package.swift declares each target's dependencies below it")
  func manifestDependencies() throws {
    let manifest = try String(contentsOfFile: Repository.path("Package.swift"), encoding: .utf8)
    let target = try Regex(#"\.(?:target|executableTarget)\(\s*name:\s*"([^"]+)",\s*dependencies:\s*\[([^\]]*)\]"#)
    var checked = 0
    for m in manifest.matches(of: target) {
      guard let name = m.output[1].substring.map(String.init), let deps = m.output[2].substring else { continue }
      let key = name == "hessian-lab" ? "HessianLabCLI" : name
      guard let level = Self.layers.firstIndex(of: key) else { continue }
      checked += 1
      for dep in deps.matches(of: try Regex(#""([A-Za-z]+)""#)) {
        let d = String(dep.output[1].substring ?? "")
        if let depLevel = Self.layers.firstIndex(of: d) {
          #expect(depLevel < level, "\(name) depends on \(d), which is not below it")
        }
      }
    }
    #expect(checked == Self.layers.count - 1, "found \(checked) layered targets in Package.swift")
  }
}
