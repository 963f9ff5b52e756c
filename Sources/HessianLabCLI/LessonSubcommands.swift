import ArgumentParser
import HessianLab

extension LessonCommand {
  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the lessons with your progress.")

    @Flag(name: .long, help: "Print one JSON object (docs/schema/lesson-list.schema.json).")
    var json = false

    @OptionGroup var location: LessonLocationOptions

    func run() async throws {
      let session = try location.session()
      if json {
        print(try JSONOutput.string(Versioned(base: try session.listReport())))
        return
      }
      let lines = try session.listLines(style: location.style)
      for line in Quiet.isOn ? lines.dropLast() : lines[...] { print(line) }
    }
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
      let entry = try location.session().toStart(number)
      try await LessonCommand.play(entry, location: location, nonInteractive: nonInteractive, seed: seed)
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
      guard let entry = try location.session().next() else {
        print("That was the last lesson. `hessian-lab lesson list` shows what is left open.")
        return
      }
      try await LessonCommand.play(entry, location: location, nonInteractive: nonInteractive, seed: seed)
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
      let session = try location.session()
      for line in try session.hintLines(session.chosen(lesson), all: all, style: location.style) { print(line) }
    }
  }

  struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check your answer to the current lesson's exercise (computed live).")

    @Argument(help: "Your answer (without one, the exercise is shown).")
    var answer: String?

    @Option(help: "The lesson (default: the current one).")
    var lesson: Int?

    @Flag(name: .long, help: "Print one JSON object (docs/schema/lesson-check.schema.json); a failing answer still exits 1.")
    var json = false

    @OptionGroup var location: LessonLocationOptions

    func run() async throws {
      let session = try location.session()
      let entry = try session.chosen(lesson)
      if json {
        let (report, failure) = try await session.checkReport(entry, answer: answer)
        print(try JSONOutput.string(Versioned(base: report)))
        if let failure { throw failure }
        return
      }
      for line in try session.exerciseLines(entry, style: location.style) { Quiet.note(line) }
      let result = try await session.check(entry, answer: answer, style: location.style)
      for line in result.lines { print(line) }
      if let failure = result.failure { throw failure }
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
      if all {
        if number != nil { throw UsageError("lesson reset: give a lesson number or --all, not both") }
        Quiet.note(try LessonSession.resetAll(store: location.store))
        return
      }
      let session = try location.session()
      Quiet.note(try session.reset(session.chosen(number)))
    }
  }
}
