import Foundation

/// The `lesson` subcommands' work on a lesson library and a progress store:
/// choosing a lesson, playing it and recording the run, hints, checking an
/// exercise answer, forgetting progress. Each returns the lines to print; the
/// command line only parses and prints.
public struct LessonSession: Sendable {
  /// The lessons (manifest and narratives).
  public let library: LessonLibrary
  /// Where progress is kept.
  public let store: LessonStateStore

  /// A session on `library` with progress in `store`.
  public init(library: LessonLibrary, store: LessonStateStore) {
    self.library = library
    self.store = store
  }

  /// The entry numbered `n`.
  ///
  /// - Throws: ``InputError`` listing the range of lesson numbers, or naming the
  ///   manifest when it has no lessons.
  public func entry(_ n: Int) throws(InputError) -> LessonManifest.Entry {
    guard !library.manifest.lessons.isEmpty else { throw noLessons }
    guard let e = library.manifest.entry(number: n) else {
      throw InputError.inconsistent("lesson \(n): no such lesson (1–\(library.manifest.lessons.count)); see `hessian-lab lesson list`")
    }
    return e
  }

  /// The current lesson of `state`.
  ///
  /// - Throws: ``InputError`` asking to start one when none is current.
  public func current(_ state: LessonState) throws(InputError) -> LessonManifest.Entry {
    guard let id = state.current, let e = library.manifest.lessons.first(where: { $0.id == id }) else {
      throw InputError.inconsistent("no lesson started; run `hessian-lab lesson start` (or give \(.lesson) N)")
    }
    return e
  }

  /// Lesson `number`, else the current one (`lesson hint`, `check`, `reset`).
  public func chosen(_ number: Int?) throws -> LessonManifest.Entry {
    let state = try store.load()
    return try number.map { n throws(InputError) in try entry(n) } ?? current(state)
  }

  /// Lesson `number`, else the current one, else the first (`lesson start`).
  public func toStart(_ number: Int?) throws -> LessonManifest.Entry {
    let state = try store.load()
    if let n = number { return try entry(n) }
    if let e = try? current(state) { return e }
    guard let first = library.manifest.lessons.first else { throw noLessons }
    return first
  }

  /// The error for a manifest without lessons, naming the manifest file.
  var noLessons: InputError {
    InputError.file(
      path: library.directory.appendingPathComponent(LessonManifest.fileName).path,
      problem: "the lesson manifest has no lessons")
  }

  /// The lesson after the current one (the first when none is current); nil after the last.
  public func next() throws -> LessonManifest.Entry? {
    let state = try store.load()
    let lessons = library.manifest.lessons
    var index = 0
    if let id = state.current, let k = lessons.firstIndex(where: { $0.id == id }) { index = k + 1 }
    return index < lessons.count ? lessons[index] : nil
  }

  /// The progress table (marker ▶ on the current lesson, done rows green) and a summary line.
  package func listLines(style: TerminalStyle) throws -> [String] {
    let state = try store.load()
    var rows: [[String]] = []
    for e in library.manifest.lessons {
      let p = state.progress(e.id)
      let status: String
      if p.isDone {
        status = "done"
      } else if p.exercisePassed {
        status = "exercise ✓, run the lesson"
      } else if p.checksPassed {
        status = "checks ✓, exercise open"
      } else {
        status = p.runs > 0 ? "started" : "—"
      }
      let marker = state.current == e.id ? "▶" : " "
      let predictions = p.predictionsAsked > 0 ? "\(p.predictionsRight)/\(p.predictionsAsked)" : ""
      rows.append(["\(marker)\(String(format: "%2d", e.number))", e.title, "\(e.estimatedMinutes)", status, predictions])
    }
    var lines = LessonFormat.table([" #", "lesson", "min", "status", "predictions"], rows).map { $0.contains("done") ? style.green($0) : $0 }
    let done = library.manifest.lessons.filter { state.progress($0.id).isDone }.count
    if let open = library.manifest.lessons.first(where: { !state.progress($0.id).isDone }) {
      lines.append("\(done) of \(library.manifest.lessons.count) done · next unfinished: lesson \(open.number), `hessian-lab lesson start \(open.number)`")
    } else {
      lines.append("\(done) of \(library.manifest.lessons.count) done · every lesson is finished")
    }
    return lines
  }

  /// The lesson list with the learner's progress, for `lesson list --json`.
  public func listReport() throws -> LessonListReport {
    LessonListReport(manifest: library.manifest, state: try store.load())
  }

  /// ``check(_:answer:style:)`` as a report for `lesson check --json` (plain text, no colour);
  /// the failure, when the answer does not pass, is returned beside it.
  package func checkReport(_ entry: LessonManifest.Entry, answer: String?) async throws -> (LessonCheckReport, VerificationFailure?) {
    let plain = TerminalStyle(enabled: false, width: 10_000)
    let exercise = try exerciseLines(entry, style: plain).dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    let result = try await check(entry, answer: answer, style: plain)
    let report = LessonCheckReport(
      lesson: entry.number, id: entry.id, title: entry.title, exercise: exercise, answer: answer,
      passed: answer == nil ? nil : result.failure == nil, lines: result.lines.map { $0.trimmingCharacters(in: .whitespaces) })
    return (report, result.failure)
  }

  /// Plays `entry` through `runner` (which prints as it goes), records the run in
  /// the progress file and returns the closing line.
  ///
  /// - Throws: ``InputError`` when the lesson has no program in this build;
  ///   ``VerificationFailure`` naming the failed checks (after recording the run).
  public func play(_ entry: LessonManifest.Entry, runner: LessonRunner, seed: UInt64?) async throws -> String {
    let program = try Self.program(of: entry)
    let narrative = try library.narrative(of: entry)
    let instance = try instanceSeed(entry)
    var state = try store.load()
    state.current = entry.id
    try store.save(state)
    let outcome = try await runner.play(entry: entry, narrative: narrative, program: program, seed: seed, instance: instance)
    state = try store.load()
    var p = state.progress(entry.id)
    let path = store.url.path
    let full: (String) -> InputError = { field in
      .file(path: path, problem: "\"\(field)\" of lesson '\(entry.id)' is too large to count another run; run `hessian-lab lesson reset` to start over")
    }
    p.runs = try p.runs.adding(1, orThrow: full("runs"))
    p.checksPassed = outcome.run.allChecksPassed
    if case .interactive = runner.mode {  // reference answers (--non-interactive) earn no credit
      p.predictionsRight = try p.predictionsRight.adding(outcome.predictionsRight, orThrow: full("predictionsRight"))
      p.predictionsAsked = try p.predictionsAsked.adding(outcome.predictionsAsked, orThrow: full("predictionsAsked"))
    }
    state.lessons[entry.id] = p
    state.current = entry.id
    try store.save(state)
    if !outcome.passed {
      let failed = outcome.run.checks.filter { !$0.passed }.map(\.id)
      throw VerificationFailure(
        "lesson \(entry.number) (\(entry.id)): "
          + (failed.isEmpty ? "the reference exercise answer failed" : "checks failed: \(failed.joined(separator: ", "))"))
    }
    return p.exercisePassed
      ? "Lesson \(entry.number) is done. Continue with `hessian-lab lesson next`."
      : "When the exercise passes, continue with `hessian-lab lesson next`."
  }

  /// The next hint of `entry`'s exercise (every hint with `all`), recorded as shown.
  package func hintLines(_ entry: LessonManifest.Entry, all: Bool, style: TerminalStyle) throws -> [String] {
    let hints = try Self.program(of: entry).exercise.hints(try instanceSeed(entry))
    var state = try store.load()
    var p = state.progress(entry.id)
    let shown = all ? hints.count : min(min(p.hintsShown, hints.count) + 1, hints.count)
    var lines = style.wrapped("Lesson \(entry.number) · \(entry.title) — exercise hints", rest: "  ", styled: style.bold)
    for (k, h) in hints.prefix(shown).enumerated() { lines += style.markdown("\(k + 1). \(h)", indent: "  ") }
    if shown < hints.count {
      lines.append(style.dim("  (\(hints.count - shown) more: run `hessian-lab lesson hint` again)"))
    }
    p.hintsShown = max(p.hintsShown, shown)
    state.lessons[entry.id] = p
    try store.save(state)
    return lines
  }

  /// The heading and prompt of `entry`'s exercise (printed before ``check(_:answer:style:)``).
  package func exerciseLines(_ entry: LessonManifest.Entry, style: TerminalStyle) throws -> [String] {
    let task = try Self.program(of: entry).exercise.task(try instanceSeed(entry))
    return style.wrapped("Lesson \(entry.number) · \(entry.title) — exercise", rest: "  ", styled: style.bold)
      + style.markdown(entry.exercise.prompt, indent: "  ") + (task.isEmpty ? [] : style.markdown(task, indent: "  "))
  }

  /// The learner's exercise instance seed for `entry`: the one in the progress file, else one
  /// drawn now from system entropy (a number below 10⁶, easy to quote) and saved.
  public func instanceSeed(_ entry: LessonManifest.Entry) throws -> UInt64 {
    var state = try store.load()
    if let s = state.progress(entry.id).instanceSeed { return s }
    var system = SystemRandomNumberGenerator()
    let drawn = UInt64.random(in: 1...999_999, using: &system)
    state.lessons[entry.id, default: LessonState.Progress()].instanceSeed = drawn
    try store.save(state)
    return drawn
  }

  /// The result of ``check(_:answer:style:)``: the lines to print, and the failure to
  /// report after them when the answer does not pass.
  public struct CheckResult: Sendable {
    /// How to submit (no answer), or the verdict's computation and, when passed, the closing line.
    public var lines: [String]
    /// Set when the answer does not pass.
    public var failure: VerificationFailure?
  }

  /// Judges `answer` to `entry`'s exercise live (recording a pass); without an answer,
  /// says how to submit one.
  ///
  /// - Throws: ``InputError`` when the lesson has no program in this build, or the
  ///   answer is not valid input (e.g. an unknown landscape spec).
  package func check(_ entry: LessonManifest.Entry, answer: String?, style: TerminalStyle) async throws -> CheckResult {
    guard let answer else {
      return CheckResult(lines: ["  Submit \(entry.exercise.answer): `hessian-lab lesson check ANSWER`."], failure: nil)
    }
    let program = try Self.program(of: entry)
    let seed = program.exercise.seed(instance: try instanceSeed(entry), lessonSeed: entry.seed)
    let verdict = try await program.exercise.judge(answer, seed)
    var lines = verdict.lines.flatMap { style.wrapped($0, first: "    ", rest: "      ") }
    guard verdict.passed else {
      return CheckResult(
        lines: lines,
        failure: VerificationFailure(
          "lesson \(entry.number) exercise: '\(answer)' does not pass (see the lines above; `hessian-lab lesson hint` helps)"))
    }
    var state = try store.load()
    var p = state.progress(entry.id)
    p.exercisePassed = true
    state.lessons[entry.id] = p
    try store.save(state)
    lines.append(style.verdict(true, "Solved. Continue with `hessian-lab lesson next`."))
    return CheckResult(lines: lines, failure: nil)
  }

  /// Forgets `entry`'s progress; returns the line saying so.
  public func reset(_ entry: LessonManifest.Entry) throws -> String {
    var state = try store.load()
    state.lessons[entry.id] = nil
    try store.save(state)
    return "Progress of lesson \(entry.number) (\(entry.title)) forgotten."
  }

  /// Forgets all progress in `store` (removes the progress file; needs no lesson
  /// library); returns the line saying so.
  public static func resetAll(store: LessonStateStore) throws -> String {
    try store.remove()
    return "All lesson progress forgotten (\(store.url.path))."
  }

  /// `entry`'s program in this build.
  static func program(of entry: LessonManifest.Entry) throws(InputError) -> any LessonProgram {
    guard let program = LessonCatalog.program(number: entry.number), program.id == entry.id else {
      throw InputError.inconsistent("lesson \(entry.number) (\(entry.id)) has no program in this hessian-lab build")
    }
    return program
  }
}
