import ArgumentParser
import Foundation
import HessianLab

/// `hessian-lab lesson`: guided lessons in which every claim is computed live
/// and checked (models: rustlings, ziglings, Exercism).
struct LessonCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lesson",
    abstract: "Guided lessons: Hessian rank, the covariance–Hessian relation and the learning coefficient, computed live.",
    discussion: """
      Lessons live in lessons/NN-topic/ (narrative lesson.md) with lessons/manifest.json. \
      They are found with --lessons, $\(LessonLibrary.environmentVariable), ./lessons (or a parent's) \
      or next to the binary. Progress is kept in $\(LessonStateStore.environmentVariable), \
      $XDG_CONFIG_HOME/hessian-lab or ~/.config/hessian-lab (\(LessonStateStore.fileName)). \
      Colours only on a terminal; NO_COLOR turns them off.
      """,
    subcommands: [List.self, Start.self, Next.self, Hint.self, Check.self, Reset.self]
  )
}

/// Options shared by every `lesson` subcommand.
struct LessonLocationOptions: ParsableArguments {
  @Option(name: .customLong("lessons"), help: "The lessons folder (default: $HESSIAN_LAB_LESSONS, ./lessons or next to the binary).")
  var lessons: String?

  func library() throws -> LessonLibrary {
    let env = ProcessInfo.processInfo.environment
    let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    let exe = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    let dir = try LessonLibrary.locate(option: lessons, environment: env, currentDirectory: cwd, executable: exe)
    return try LessonLibrary(directory: dir)
  }

  var store: LessonStateStore { LessonStateStore(environment: ProcessInfo.processInfo.environment) }

  /// The library, the progress store with its state, and lesson `number`
  /// (default: the current one) — what `hint`, `check` and `reset` start from.
  func open(lesson number: Int?) throws -> (
    library: LessonLibrary, store: LessonStateStore, state: LessonState, entry: LessonManifest.Entry
  ) {
    let library = try library()
    let store = store
    let state = try store.load()
    let entry = try number.map { try library.entry($0) } ?? library.current(state)
    return (library, store, state, entry)
  }

  var style: TerminalStyle {
    TerminalStyle.detect(environment: ProcessInfo.processInfo.environment, isTerminal: isatty(STDOUT_FILENO) != 0)
  }
}

/// Prints to standard output and reads answers from standard input.
final class StandardConsole: LessonConsole {
  func line(_ text: String) { print(text) }
  func prompt(_ text: String) {
    print(text, terminator: "")
    fflush(nil)
  }
  func readAnswer() -> String? { Swift.readLine(strippingNewline: true) }
}

extension LessonLibrary {
  /// The entry numbered `n`, or an input error listing the range.
  func entry(_ n: Int) throws -> LessonManifest.Entry {
    guard let e = manifest.entry(number: n) else {
      throw UsageError("lesson \(n): no such lesson (1–\(manifest.lessons.count)); see `hessian-lab lesson list`")
    }
    return e
  }

  /// The current lesson of `state`, or an input error asking to start one.
  func current(_ state: LessonState) throws -> LessonManifest.Entry {
    guard let id = state.current, let e = manifest.lessons.first(where: { $0.id == id }) else {
      throw UsageError("no lesson started; run `hessian-lab lesson start` (or give --lesson N)")
    }
    return e
  }
}

extension LessonCommand {
  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the lessons with your progress.")

    @OptionGroup var location: LessonLocationOptions

    func run() async throws {
      let library = try location.library()
      let state = try location.store.load()
      let style = location.style
      var rows: [[String]] = []
      for e in library.manifest.lessons {
        let p = state.progress(e.id)
        let status: String
        if p.isDone { status = "done" } else if p.checksPassed { status = "checks ✓, exercise open" } else if p.runs > 0 { status = "started" } else { status = "—" }
        let marker = state.current == e.id ? "▶" : " "
        let predictions = p.predictionsAsked > 0 ? "\(p.predictionsRight)/\(p.predictionsAsked)" : ""
        rows.append(["\(marker)\(String(format: "%2d", e.number))", e.title, "\(e.estimatedMinutes)", status, predictions])
      }
      for line in LessonFormat.table([" #", "lesson", "min", "status", "predictions"], rows) {
        print(line.contains("done") ? style.green(line) : line)
      }
      let done = library.manifest.lessons.filter { state.progress($0.id).isDone }.count
      print("\(done) of \(library.manifest.lessons.count) done · start with `hessian-lab lesson start [N]`")
    }
  }

  /// Plays `entry` and records the run.
  static func play(
    _ entry: LessonManifest.Entry, library: LessonLibrary, location: LessonLocationOptions, nonInteractive: Bool, seed: UInt64?
  ) async throws {
    guard let program = LessonCatalog.program(number: entry.number), program.id == entry.id else {
      throw UsageError("lesson \(entry.number) (\(entry.id)) has no program in this hessian-lab build")
    }
    let narrative = try library.narrative(of: entry)
    let store = location.store
    var state = try store.load()
    state.current = entry.id
    try store.save(state)
    let runner = LessonRunner(
      style: location.style, console: StandardConsole(), mode: nonInteractive ? .nonInteractive : .interactive)
    let outcome = try await runner.play(entry: entry, narrative: narrative, program: program, seed: seed)
    state = try store.load()
    var p = state.progress(entry.id)
    p.runs += 1
    p.checksPassed = outcome.run.allChecksPassed
    p.predictionsRight += outcome.predictionsRight
    p.predictionsAsked += outcome.predictionsAsked
    state.lessons[entry.id] = p
    state.current = entry.id
    try store.save(state)
    if !outcome.passed {
      let failed = outcome.run.checks.filter { !$0.passed }.map(\.id)
      throw VerificationFailure(
        "lesson \(entry.number) (\(entry.id)): "
          + (failed.isEmpty ? "the reference exercise answer failed" : "checks failed: \(failed.joined(separator: ", "))"))
    }
    print(p.exercisePassed ? "Lesson \(entry.number) is done. Continue with `hessian-lab lesson next`." : "When the exercise passes, continue with `hessian-lab lesson next`.")
  }

  struct Start: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Start lesson N (default: the current lesson, or 1).")

    @Argument(help: "The lesson number.")
    var number: Int?

    @Flag(name: .customLong("non-interactive"), help: "Run start to finish with the reference answers (no input).")
    var nonInteractive = false

    @Option(help: "Override the lesson's seed.")
    var seed: UInt64?

    @OptionGroup var location: LessonLocationOptions

    func run() async throws {
      let library = try location.library()
      let state = try location.store.load()
      let entry: LessonManifest.Entry
      if let n = number {
        entry = try library.entry(n)
      } else {
        entry = (try? library.current(state)) ?? library.manifest.lessons[0]
      }
      try await LessonCommand.play(entry, library: library, location: location, nonInteractive: nonInteractive, seed: seed)
    }
  }

  struct Next: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Start the lesson after the current one.")

    @Flag(name: .customLong("non-interactive"), help: "Run start to finish with the reference answers (no input).")
    var nonInteractive = false

    @Option(help: "Override the lesson's seed.")
    var seed: UInt64?

    @OptionGroup var location: LessonLocationOptions

    func run() async throws {
      let library = try location.library()
      let state = try location.store.load()
      let lessons = library.manifest.lessons
      var index = 0
      if let id = state.current, let k = lessons.firstIndex(where: { $0.id == id }) {
        index = k + 1
      }
      guard index < lessons.count else {
        print("That was the last lesson. `hessian-lab lesson list` shows what is left open.")
        return
      }
      try await LessonCommand.play(lessons[index], library: library, location: location, nonInteractive: nonInteractive, seed: seed)
    }
  }

  struct Hint: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the next hint for the current lesson's exercise.")

    @Option(help: "The lesson (default: the current one).")
    var lesson: Int?

    @Flag(help: "Show every hint.")
    var all = false

    @OptionGroup var location: LessonLocationOptions

    func run() async throws {
      var (_, store, state, entry) = try location.open(lesson: lesson)
      var p = state.progress(entry.id)
      let shown = all ? entry.hints.count : min(p.hintsShown + 1, entry.hints.count)
      print(location.style.bold("Lesson \(entry.number) · \(entry.title) — exercise hints"))
      for (k, h) in entry.hints.prefix(shown).enumerated() { print("  \(k + 1). \(location.style.markdown(h))") }
      if shown < entry.hints.count {
        print(location.style.dim("  (\(entry.hints.count - shown) more: run `hessian-lab lesson hint` again)"))
      }
      p.hintsShown = max(p.hintsShown, shown)
      state.lessons[entry.id] = p
      try store.save(state)
    }
  }

  struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check your answer to the current lesson's exercise (computed live).")

    @Argument(help: "Your answer (without one, the exercise is shown).")
    var answer: String?

    @Option(help: "The lesson (default: the current one).")
    var lesson: Int?

    @OptionGroup var location: LessonLocationOptions

    func run() async throws {
      var (_, store, state, entry) = try location.open(lesson: lesson)
      let style = location.style
      print(style.bold("Lesson \(entry.number) · \(entry.title) — exercise"))
      print("  " + style.markdown(entry.exercise.prompt))
      guard let answer else {
        print("  Submit \(entry.exercise.answer): `hessian-lab lesson check ANSWER`.")
        return
      }
      guard let program = LessonCatalog.program(number: entry.number), program.id == entry.id else {
        throw UsageError("lesson \(entry.number) (\(entry.id)) has no program in this hessian-lab build")
      }
      let verdict = try await program.exercise.judge(answer, entry.seed)
      for l in verdict.lines { print("    " + l) }
      var p = state.progress(entry.id)
      if verdict.passed {
        p.exercisePassed = true
        state.lessons[entry.id] = p
        try store.save(state)
        print(style.verdict(true, "Solved. Continue with `hessian-lab lesson next`."))
      } else {
        throw VerificationFailure("lesson \(entry.number) exercise: '\(answer)' does not pass (see the lines above; `hessian-lab lesson hint` helps)")
      }
    }
  }

  struct Reset: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Forget the progress of one lesson, or of all with --all.")

    @Argument(help: "The lesson number (default: the current one).")
    var number: Int?

    @Flag(help: "Forget all progress.")
    var all = false

    @OptionGroup var location: LessonLocationOptions

    func run() async throws {
      let store = location.store
      if all {
        if number != nil { throw UsageError("lesson reset: give a lesson number or --all, not both") }
        try store.remove()
        print("All lesson progress forgotten (\(store.url.path)).")
        return
      }
      var (_, _, state, entry) = try location.open(lesson: number)
      state.lessons[entry.id] = nil
      try store.save(state)
      print("Progress of lesson \(entry.number) (\(entry.title)) forgotten.")
    }
  }
}
