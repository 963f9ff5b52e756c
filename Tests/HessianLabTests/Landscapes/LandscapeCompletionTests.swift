import Foundation
import Testing

import HessianLab
@testable import HessianZoo

@Suite("LandscapeCompletion")
struct LandscapeCompletionTests {
  /// A scratch folder with files of every kind the completion must tell apart.
  func scratch() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("completion-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
    for name in ["H.npy", "quad-mine.json", "notes.txt", ".hidden.npy", "sub/inner.npy"] {
      try Data().write(to: folder.appendingPathComponent(name))
    }
    return folder
  }

  @Test("zoo ids with the prefix, and only those, come first")
  func zooIds() {
    let got = LandscapeCompletion.candidates(prefix: "quad-mu", fileManager: FileManager())
    #expect(got.first == "quad-multiplet")
    let all = LandscapeCompletion.candidates(prefix: "nc-")
    let expected = Zoo.all.map(\.id).filter { $0.hasPrefix("nc-") }.sorted()
    #expect(!expected.isEmpty)
    #expect(Array(all.prefix(expected.count)) == expected)
  }

  @Test("the spec forms are offered for an empty or matching prefix, nothing inside a spec")
  func specForms() {
    let empty = LandscapeCompletion.candidates(prefix: "")
    for form in LandscapeCompletion.specPrefixes { #expect(empty.contains(form)) }
    #expect(empty.filter { Zoo.entry(id: $0) != nil }.count == Zoo.all.count)
    #expect(LandscapeCompletion.candidates(prefix: "po") .contains("poly:"))
    #expect(LandscapeCompletion.candidates(prefix: "poly:x0") == [])
  }

  @Test(".npy and .json files and folders, not other files or hidden ones")
  func files() throws {
    let folder = try scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let base = folder.path + "/"
    let got = LandscapeCompletion.candidates(prefix: base)
    #expect(got.contains(base + "H.npy"))
    #expect(got.contains(base + "quad-mine.json"))
    #expect(got.contains(base + "sub/"))
    #expect(!got.contains(base + "notes.txt"))
    #expect(!got.contains(base + ".hidden.npy"))
    #expect(LandscapeCompletion.candidates(prefix: base + ".").contains(base + ".hidden.npy"))
    #expect(LandscapeCompletion.candidates(prefix: base + "sub/") == [base + "sub/inner.npy"])
    #expect(LandscapeCompletion.candidates(prefix: base + "no-such-folder/") == [])
  }
}
