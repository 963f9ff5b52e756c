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
    let entry = try #require(s.library.manifest.lessons.first)
    let hints = try LessonSession.program(of: entry).exercise.hints(s.instanceSeed(entry))
    #expect(hints.count == 3)
    let wide = TerminalStyle(enabled: false, width: 1000)
    let first = try s.hintLines(entry, all: false, style: wide)
    #expect(first.count == 3)  // heading, hint 1, "(k more …)"
    #expect(first[1].hasPrefix("  1. "))
    #expect(try s.store.load().progress(entry.id).hintsShown == 1)
    let every = try s.hintLines(entry, all: true, style: wide)
    #expect(every.count == 1 + hints.count)
    #expect(try s.store.load().progress(entry.id).hintsShown == hints.count)
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
    #expect(lines.last == "1 of \(n) done · next unfinished: lesson 2, `hessian-lab lesson start 2`")
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
    let shown = try s.exerciseLines(entry, style: TerminalStyle(enabled: false, width: 1000))
    #expect(Array(shown.prefix(2)) == ["Lesson 1 · \(entry.title) — exercise", "  " + entry.exercise.prompt])
    #expect(shown.count == 3 && shown[2].hasPrefix("  Your instance: "), "the drawn task follows the prompt")
    #expect(try s.exerciseLines(entry, style: .plain).allSatisfy { $0.count <= 80 })
    // Only the learner's instance seed is recorded (drawn once, kept).
    let state = try s.store.load()
    let seed = try #require(state.progress(entry.id).instanceSeed)
    var expected = LessonState()
    expected.lessons[entry.id, default: .init()].instanceSeed = seed
    #expect(state == expected)
    #expect(try s.instanceSeed(entry) == seed)
  }
}

@Suite("Lesson session: honest progress")
struct LessonHonestProgressTests {
  @Test("--non-interactive credits no prediction and no exercise; check after reset shows in the list; the footer names the next unfinished lesson")
  func honest() async throws {
    let (s, dir) = try LessonSessionTests.session()
    defer { try? FileManager.default.removeItem(at: dir) }
    let entry = try s.entry(1)
    let runner = LessonRunner(style: .plain, console: RecordingConsole(), mode: .nonInteractive)
    _ = try await s.play(entry, runner: runner, seed: nil)
    var p = try s.store.load().progress(entry.id)
    #expect(p.runs == 1 && p.checksPassed)
    #expect(p.predictionsAsked == 0 && p.predictionsRight == 0, "reference answers are not the learner's")
    #expect(!p.exercisePassed)
    #expect(try s.listLines(style: .plain).last == "0 of \(s.library.manifest.lessons.count) done · next unfinished: lesson 1, `hessian-lab lesson start 1`")

    _ = try s.reset(entry)
    let answer = try await LessonSession.program(of: entry).exercise.referenceAnswer(try s.instanceSeed(entry))
    let result = try await s.check(entry, answer: answer, style: .plain)
    #expect(result.failure == nil)
    p = try s.store.load().progress(entry.id)
    #expect(p.exercisePassed && p.runs == 0)
    let row = try #require(try s.listLines(style: .plain).first { $0.contains(entry.title) })
    #expect(row.contains("exercise ✓"), "\(row)")

    // An interactive run is credited.
    let console = RecordingConsole(answers: ["b", "a"])
    _ = try await s.play(entry, runner: LessonRunner(style: .plain, console: console, mode: .interactive), seed: nil)
    p = try s.store.load().progress(entry.id)
    #expect(p.predictionsAsked == 2 && p.isDone)
    #expect(try s.listLines(style: .plain).last == "1 of \(s.library.manifest.lessons.count) done · next unfinished: lesson 2, `hessian-lab lesson start 2`")
  }
}
