import Foundation
import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("Lesson progress survives a kill")
struct LessonStateTests {
  static func store() throws -> (LessonStateStore, URL) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hessianlab-state-\(UUID().uuidString)")
    return (LessonStateStore(url: dir.appendingPathComponent(LessonStateStore.fileName)), dir)
  }

  static func state(runs: Int) -> LessonState {
    var s = LessonState()
    s.current = "01-rank"
    var p = LessonState.Progress()
    p.runs = runs
    s.lessons["01-rank"] = p
    return s
  }

  @Test("Killed mid-write (a partial temporary file left): the old state is still read")
  func killMidWrite() throws {
    let (store, dir) = try Self.store()
    defer { try? FileManager.default.removeItem(at: dir) }
    try store.save(Self.state(runs: 1))
    // What a kill in the middle of the next save leaves: a truncated temporary sibling.
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    let next = try encoder.encode(Self.state(runs: 2))
    try next.prefix(next.count / 2).write(to: AtomicFile.temporaryURL(for: store.url))
    #expect(try store.load() == Self.state(runs: 1))
    // And the next save replaces it as a whole.
    try store.save(Self.state(runs: 3))
    #expect(try store.load() == Self.state(runs: 3))
  }

  @Test("Killed after the temporary file is complete, before the rename: the old state is still read")
  func killBeforeRename() throws {
    let (store, dir) = try Self.store()
    defer { try? FileManager.default.removeItem(at: dir) }
    try store.save(Self.state(runs: 1))
    struct Killed: Error {}
    let encoder = JSONEncoder()
    #expect(throws: AtomicFile.Failure.self) {
      try AtomicFile.write(try encoder.encode(Self.state(runs: 2)), to: store.url) {
        #expect((try? store.load()) == Self.state(runs: 1))
        throw Killed()
      }
    }
    #expect(try store.load() == Self.state(runs: 1))
  }
}
