import Foundation
import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("AtomicFile: temporary sibling, then rename")
struct AtomicFileTests {
  static func folder() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hessianlab-atomic-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  @Test("Writes the bytes and leaves no temporary file")
  func writes() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let url = dir.appendingPathComponent("a.txt")
    try AtomicFile.write(Data("old".utf8), to: url)
    try AtomicFile.write(Data("new".utf8), to: url)
    #expect(try String(contentsOf: url, encoding: .utf8) == "new")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["a.txt"])
  }

  @Test("A failure before the rename keeps the old file whole and removes the temporary file")
  func failureKeepsOld() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let url = dir.appendingPathComponent("a.txt")
    try AtomicFile.write(Data("old".utf8), to: url)
    struct Died: Error {}
    #expect(throws: AtomicFile.Failure.self) {
      try AtomicFile.write(Data("new".utf8), to: url) {
        // The new bytes are complete in the temporary file; the destination is untouched.
        #expect((try? String(contentsOf: url, encoding: .utf8)) == "old")
        throw Died()
      }
    }
    #expect(try String(contentsOf: url, encoding: .utf8) == "old")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["a.txt"])
  }

  /// Writers on many threads share the temporary-file registry; under
  /// `scripts/sanitize thread` this is the test that would report a race on it.
  @Test("Concurrent writes from 8 tasks each land whole, with no temporary file left")
  func concurrentWrites() async throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    try await withThrowingTaskGroup(of: Void.self) { group in
      for task in 0..<8 {
        group.addTask {
          for round in 0..<25 {
            let url = dir.appendingPathComponent("f\(task).txt")
            try AtomicFile.write(Data("task \(task) round \(round)".utf8), to: url)
          }
        }
      }
      try await group.waitForAll()
    }
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    #expect(names == (0..<8).map { "f\($0).txt" }.sorted())
    for task in 0..<8 {
      let text = try String(contentsOf: dir.appendingPathComponent("f\(task).txt"), encoding: .utf8)
      #expect(text == "task \(task) round 24")
    }
  }

  @Test("A missing folder is reported with the path")
  func missingFolder() {
    let url = URL(fileURLWithPath: "/nonexistent-hessianlab/a.txt")
    #expect(throws: AtomicFile.Failure.self) { try AtomicFile.write(Data(), to: url) }
  }
}
