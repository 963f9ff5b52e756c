import Foundation
import Testing
import TestSupport

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("Lesson session: choosing, listing, hints and reset on a progress store")
struct LessonSessionTests {
  static func session() throws -> (LessonSession, URL) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hessianlab-session-\(UUID().uuidString)")
    let store = LessonStateStore(url: dir.appendingPathComponent(LessonStateStore.fileName))
    let library = try LessonLibrary(directory: Repository.root.appendingPathComponent("lessons", isDirectory: true))
    return (LessonSession(library: library, store: store), dir)
  }

  @Test("lesson numbers: a valid one is its entry, an invalid one names the range; no current lesson asks to start one")
  func choosing() throws {
    let (s, dir) = try Self.session()
    defer { try? FileManager.default.removeItem(at: dir) }
    let n = s.library.manifest.lessons.count
    #expect(try s.entry(2).number == 2)
    #expect(throws: InputError.inconsistent("lesson \(n + 1): no such lesson (1–\(n)); see `hessian-lab lesson list`")) { try s.entry(n + 1) }
    #expect(throws: InputError.self) { try s.chosen(nil) }
    #expect(try s.toStart(nil).number == 1)
    #expect(try s.next()?.number == 1)
  }

  @Test("next follows the current lesson and ends after the last")
  func next() throws {
    let (s, dir) = try Self.session()
    defer { try? FileManager.default.removeItem(at: dir) }
    var state = LessonState()
    state.current = s.library.manifest.lessons[0].id
    try s.store.save(state)
    #expect(try s.next()?.number == 2)
    #expect(try s.chosen(nil).number == 1)
    state.current = s.library.manifest.lessons.last?.id
    try s.store.save(state)
    #expect(try s.next() == nil)
  }

  @Test("hints are shown one more each time and recorded; reset forgets them; resetAll removes the file")
  func hintsAndReset() throws {
    let (s, dir) = try Self.session()
    defer { try? FileManager.default.removeItem(at: dir) }
    let entry = try #require(s.library.manifest.lessons.first { $0.hints.count >= 2 })
    let wide = TerminalStyle(enabled: false, width: 1000)
    let first = try s.hintLines(entry, all: false, style: wide)
    #expect(first.count == 3)  // heading, hint 1, "(k more …)"
    #expect(first[1].hasPrefix("  1. "))
    #expect(try s.store.load().progress(entry.id).hintsShown == 1)
    let every = try s.hintLines(entry, all: true, style: wide)
    #expect(every.count == 1 + entry.hints.count)
    #expect(try s.store.load().progress(entry.id).hintsShown == entry.hints.count)
    #expect(try s.reset(entry) == "Progress of lesson \(entry.number) (\(entry.title)) forgotten.")
    #expect(try s.store.load().progress(entry.id).hintsShown == 0)
    #expect(try LessonSession.resetAll(store: s.store).hasPrefix("All lesson progress forgotten ("))
    #expect(!FileManager.default.fileExists(atPath: s.store.url.path))
  }

  @Test("the list has one row per lesson and counts the done ones")
  func list() throws {
    let (s, dir) = try Self.session()
    defer { try? FileManager.default.removeItem(at: dir) }
    var state = LessonState()
    var done = LessonState.Progress()
    done.checksPassed = true
    done.exercisePassed = true
    state.lessons[s.library.manifest.lessons[0].id] = done
    try s.store.save(state)
    let lines = try s.listLines(style: .plain)
    let n = s.library.manifest.lessons.count
    #expect(lines.last == "1 of \(n) done · start with `hessian-lab lesson start [N]`")
    #expect(lines.filter { $0.contains("done") && !$0.hasPrefix("1 of") }.count == 1)
  }

  @Test("check without an answer shows the exercise and how to submit, and records nothing")
  func checkWithoutAnswer() async throws {
    let (s, dir) = try Self.session()
    defer { try? FileManager.default.removeItem(at: dir) }
    let entry = try s.entry(1)
    let result = try await s.check(entry, answer: nil, style: .plain)
    #expect(result.failure == nil)
    #expect(result.lines == ["  Submit \(entry.exercise.answer): `hessian-lab lesson check ANSWER`."])
    #expect(s.exerciseLines(entry, style: TerminalStyle(enabled: false, width: 1000)) == ["Lesson 1 · \(entry.title) — exercise", "  " + entry.exercise.prompt])
    #expect(s.exerciseLines(entry, style: .plain).allSatisfy { $0.count <= 80 })
    #expect(try s.store.load() == LessonState())
  }
}
