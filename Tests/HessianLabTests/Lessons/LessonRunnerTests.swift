import Foundation
import HessianLab
import Testing
import TestSupport

@Suite("Lesson runner, narrative, state and style")
struct LessonRunnerTests {
  @Test("Predictions: choices by letter or number, numbers within tolerance")
  func judging() {
    var run = LessonRun()
    run.predict("c", question: "?", choices: ["x", "y", "z"], answer: 1, reveal: "")
    run.predict("n", question: "?", value: 10, tolerance: 0.1, relative: true, reveal: "")
    let c = run.predictions["c"]!, n = run.predictions["n"]!
    #expect(c.judge("b") == true)
    #expect(c.judge("B") == true)
    #expect(c.judge("2") == true)
    #expect(c.judge("a") == false)
    #expect(c.judge("d") == nil)
    #expect(c.judge("maybe") == nil)
    #expect(c.referenceText == "b")
    #expect(n.judge("10.9") == true)
    #expect(n.judge("11.5") == false)
    #expect(n.judge("ten") == nil)
  }

  @Test("Narrative markers: steps, predictions, checks, exercise; errors name the line")
  func narrative() throws {
    let text = "# T\nintro\n<!-- lesson:step a -->\nmid\n<!-- lesson:predict p -->\n<!-- lesson:checks -->\n<!-- lesson:exercise -->\n<!-- a plain comment -->"
    let n = try LessonNarrative.parse(text, source: "x.md")
    #expect(n.segments == [.text("# T\nintro"), .step("a"), .text("mid"), .predict("p"), .checks, .exercise, .text("<!-- a plain comment -->")])
    #expect(throws: InputError.self) { try LessonNarrative.parse("<!-- lesson:bogus -->\n<!-- lesson:checks -->\n<!-- lesson:exercise -->", source: "x.md") }
    #expect(throws: InputError.self) { try LessonNarrative.parse("<!-- lesson:step -->", source: "x.md") }
    #expect(throws: InputError.self) { try LessonNarrative.parse("<!-- lesson:checks -->", source: "x.md") }
    do {
      _ = try LessonNarrative.parse("a\n<!-- lesson:step s -->\n<!-- lesson:step s -->", source: "x.md")
      Issue.record("a repeated step must be rejected")
    } catch {
      #expect(error.description.hasPrefix("x.md:3:"))
    }
  }

  @Test("Interactive answers are read from the console; end of input is an input error")
  func interactive() async throws {
    let library = try LessonCurriculumTests.library()
    let entry = try #require(library.manifest.entry(number: 1))
    let program = Lesson01HessianRank()
    let console = RecordingConsole(answers: ["nonsense", "b", "a"])
    let runner = LessonRunner(style: .plain, console: console, mode: .interactive)
    let outcome = try await runner.play(entry: entry, narrative: try library.narrative(of: entry), program: program)
    #expect(outcome.predictionsAsked == 2)
    #expect(outcome.predictionsRight == 1)
    #expect(outcome.exerciseVerdict == nil)
    #expect(console.text.contains("not an answer"))
    let silent = LessonRunner(style: .plain, console: RecordingConsole(), mode: .interactive)
    await #expect(throws: InputError.self) {
      _ = try await silent.play(entry: entry, narrative: try library.narrative(of: entry), program: program)
    }
  }

  @Test("A program and a narrative that disagree are a verification failure")
  func inconsistent() async throws {
    let library = try LessonCurriculumTests.library()
    let entry = try #require(library.manifest.entry(number: 1))
    let narrative = try LessonNarrative.parse("<!-- lesson:step missing -->\n<!-- lesson:checks -->\n<!-- lesson:exercise -->", source: "x.md")
    let runner = LessonRunner(style: .plain, console: RecordingConsole(), mode: .nonInteractive)
    await #expect(throws: VerificationFailure.self) {
      _ = try await runner.play(entry: entry, narrative: narrative, program: Lesson01HessianRank())
    }
  }

  @Test("State round-trips through the file named by HESSIAN_LAB_STATE_DIR")
  func state() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hl-state-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    let store = LessonStateStore(environment: [LessonStateStore.environmentVariable: dir.path, "XDG_CONFIG_HOME": "/nowhere"])
    #expect(store.url.deletingLastPathComponent().path == dir.path)
    #expect(try store.load() == LessonState())
    var s = LessonState()
    s.current = "hessian-rank"
    s.lessons["hessian-rank", default: .init()].hintsShown = 2
    try store.save(s)
    #expect(try store.load() == s)
    try store.remove()
    #expect(try store.load() == LessonState())
    let xdg = LessonStateStore(environment: ["XDG_CONFIG_HOME": "/tmp/xdg", "HOME": "/home/u"])
    #expect(xdg.url.path == "/tmp/xdg/hessian-lab/lessons-state.json")
    let home = LessonStateStore(environment: ["HOME": "/home/u"])
    #expect(home.url.path == "/home/u/.config/hessian-lab/lessons-state.json")
  }

  @Test("Colour only on a terminal, off with NO_COLOR or TERM=dumb")
  func style() {
    #expect(TerminalStyle.detect(environment: [:], isTerminal: true).enabled)
    #expect(!TerminalStyle.detect(environment: [:], isTerminal: false).enabled)
    #expect(!TerminalStyle.detect(environment: ["NO_COLOR": "1"], isTerminal: true).enabled)
    #expect(TerminalStyle.detect(environment: ["NO_COLOR": ""], isTerminal: true).enabled)
    #expect(!TerminalStyle.detect(environment: ["TERM": "dumb"], isTerminal: true).enabled)
    #expect(TerminalStyle.plain.green("x") == "x")
    #expect(TerminalStyle(enabled: true).green("x") == "\u{1B}[32mx\u{1B}[0m")
    #expect(TerminalStyle.plain.markdown("# `a`") == ["`a`"])  // plain text: the heading marker is dropped
    #expect(TerminalStyle.detect(environment: [:], isTerminal: true, columns: 100).width == 100)
    #expect(TerminalStyle.detect(environment: [:], isTerminal: false, columns: 100).width == 80)
  }

  @Test("The lessons folder: option, then environment, then the working tree, then the executable")
  func locate() throws {
    let root = Repository.root
    let lessons = root.appendingPathComponent("lessons").standardizedFileURL.path
    let nowhere = URL(fileURLWithPath: "/")
    #expect(try LessonLibrary.locate(option: lessons, environment: [:], currentDirectory: nowhere, executable: nil).path == lessons)
    #expect(try LessonLibrary.locate(option: nil, environment: ["HESSIAN_LAB_LESSONS": lessons], currentDirectory: nowhere, executable: nil).path == lessons)
    #expect(try LessonLibrary.locate(option: nil, environment: [:], currentDirectory: root.appendingPathComponent("Sources/HessianLab"), executable: nil).path == lessons)
    let exe = root.appendingPathComponent(".build/release/hessian-lab")
    #expect(try LessonLibrary.locate(option: nil, environment: [:], currentDirectory: nowhere, executable: exe).path == lessons)
    #expect(throws: InputError.self) { try LessonLibrary.locate(option: "/tmp", environment: [:], currentDirectory: nowhere, executable: nil) }
    #expect(throws: InputError.self) {
      try LessonLibrary.locate(option: nil, environment: ["HESSIAN_LAB_LESSONS": "/tmp"], currentDirectory: root, executable: nil)
    }
    #expect(throws: InputError.self) { try LessonLibrary.locate(option: nil, environment: [:], currentDirectory: nowhere, executable: nil) }
  }

  @Test("An installed layout PREFIX/bin + PREFIX/share/hessian-lab/lessons is found from the binary")
  func installedLayout() throws {
    let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("hl-prefix-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: prefix) }
    let share = prefix.appendingPathComponent("share/hessian-lab/lessons")
    try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
    try Data("{}".utf8).write(to: share.appendingPathComponent("manifest.json"))
    let found = try LessonLibrary.locate(
      option: nil, environment: [:], currentDirectory: URL(fileURLWithPath: "/"),
      executable: prefix.appendingPathComponent("bin/hessian-lab"))
    #expect(found.resolvingSymlinksInPath().path == share.resolvingSymlinksInPath().path)
  }
}
