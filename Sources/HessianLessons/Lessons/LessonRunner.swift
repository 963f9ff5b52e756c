import Foundation

/// Where a lesson is printed and where answers come from.
public protocol LessonConsole: AnyObject {
  /// Prints `text` followed by a newline.
  func line(_ text: String)
  /// Prints `text` without a newline (a prompt).
  func prompt(_ text: String)
  /// The next line of input, `nil` at end of input.
  func readAnswer() -> String?
}

/// A console that records output and answers from a list (tests).
package final class RecordingConsole: LessonConsole, @unchecked Sendable {
  /// Every line and prompt printed so far, in order, one element each.
  public private(set) var output: [String] = []
  private var answers: [String]

  /// A console whose ``RecordingConsole/readAnswer()`` returns `answers` in order, then `nil`.
  public init(answers: [String] = []) { self.answers = answers }

  /// Appends `text` to ``output``.
  public func line(_ text: String) { output.append(text) }
  /// Appends `text` to ``output`` as an element of its own, like a line.
  public func prompt(_ text: String) { output.append(text) }
  /// Removes and returns the first remaining answer; `nil` once all are used.
  public func readAnswer() -> String? { answers.isEmpty ? nil : answers.removeFirst() }

  /// Everything printed, joined by newlines.
  public var text: String { output.joined(separator: "\n") }
}

/// What a run of a lesson produced, for the progress file and the exit status.
public struct LessonOutcome: Sendable {
  /// The program's run: step output, predictions and checks.
  public let run: LessonRun
  /// Predictions answered right in this run.
  public let predictionsRight: Int
  /// Predictions asked in this run, one per `predict` marker of the narrative.
  public let predictionsAsked: Int
  /// The verdict on the reference answer (non-interactive runs only).
  public let exerciseVerdict: ExerciseVerdict?

  /// Every check passed (and, when judged, the reference exercise answer).
  public var passed: Bool { run.allChecksPassed && (exerciseVerdict?.passed ?? true) }
}

/// Plays a lesson: prints the narrative, runs the program live, asks the
/// predictions before revealing, prints the checks and the exercise.
public struct LessonRunner {
  /// How predictions are answered.
  public enum Mode: Sendable {
    /// Answers are read from the console (a terminal, or piped lines).
    case interactive
    /// The reference answers are used and shown; the exercise is judged with
    /// its reference answer.
    case nonInteractive
  }

  /// How output is coloured (``TerminalStyle/plain`` for none).
  package let style: TerminalStyle
  /// Where the lesson is printed and answers are read.
  public let console: any LessonConsole
  /// Whether predictions are answered on the console or with the reference answers.
  public let mode: Mode

  /// A runner printing to `console` with `style` and answering predictions per `mode`.
  package init(style: TerminalStyle, console: any LessonConsole, mode: Mode) {
    self.style = style
    self.console = console
    self.mode = mode
  }

  /// How often an unparseable answer is asked again before giving up.
  static let maximumAttempts = 3

  /// Plays `entry` with `program`.
  ///
  /// - Parameters:
  ///   - seed: overrides the manifest's seed.
  ///   - instance: the learner's exercise instance seed (default: the lesson's seed).
  /// - Throws: ``InputError`` when input ends before a prediction is answered;
  ///   ``VerificationFailure`` when the program and its narrative or manifest
  ///   disagree (a lesson bug); the program's own errors.
  public func play(
    entry: LessonManifest.Entry, narrative: LessonNarrative, program: any LessonProgram, seed: UInt64? = nil,
    instance: UInt64? = nil
  ) async throws -> LessonOutcome {
    let seed = seed ?? entry.seed
    let instance = instance ?? seed
    lines(style.wrapped("Lesson \(entry.number) · \(entry.title)", rest: "  ", styled: style.heading))
    lines(style.wrapped("about \(entry.estimatedMinutes) min · seed \(seed) · every number below is computed now", styled: style.dim))
    console.line("")
    var segments = Self.untitled(narrative.segments)[...]
    while case let .text(t)? = segments.first {
      printMarkdown(t)
      segments = segments.dropFirst()
    }
    let run = try await program.run(seed: seed)
    let problems = Self.consistencyProblems(entry: entry, narrative: narrative, run: run)
    if !problems.isEmpty {
      throw VerificationFailure("lesson \(entry.number) (\(entry.id)) is inconsistent: " + problems.joined(separator: "; "))
    }
    var right = 0, asked = 0
    var verdict: ExerciseVerdict?
    for segment in segments {
      switch segment {
      case let .text(t):
        printMarkdown(t)
      case let .step(id):
        for l in run.steps[id] ?? [] { lines(style.wrapped(l, first: "    ", rest: "      ")) }
        console.line("")
      case let .predict(id):
        guard let p = run.predictions[id] else { continue }
        asked += 1
        if try ask(p) { right += 1 }
      case .checks:
        printChecks(entry: entry, run: run)
      case .exercise:
        verdict = try await printExercise(entry: entry, program: program, seed: seed, instance: instance)
      }
    }
    return LessonOutcome(run: run, predictionsRight: right, predictionsAsked: asked, exerciseVerdict: verdict)
  }

  /// Disagreements between a run, its narrative and its manifest entry:
  /// steps or predictions the narrative places but the run lacks (or the
  /// reverse), and checks not matching the manifest's ids.
  public static func consistencyProblems(
    entry: LessonManifest.Entry, narrative: LessonNarrative, run: LessonRun
  ) -> [String] {
    var out: [String] = []
    let steps = Set(narrative.stepIDs), predictions = Set(narrative.predictionIDs)
    for id in steps.subtracting(run.steps.keys).sorted() { out.append("the narrative shows step '\(id)' but the program has none") }
    for id in Set(run.steps.keys).subtracting(steps).sorted() { out.append("the program's step '\(id)' is not placed in the narrative") }
    for id in predictions.subtracting(run.predictions.keys).sorted() { out.append("the narrative asks '\(id)' but the program has no such prediction") }
    for id in Set(run.predictions.keys).subtracting(predictions).sorted() { out.append("the program's prediction '\(id)' is not placed in the narrative") }
    let declared = entry.checks.map(\.id), made = run.checks.map(\.id)
    if Set(declared) != Set(made) || made.count != Set(made).count {
      out.append("checks made \(made) differ from the manifest's \(declared)")
    }
    return out
  }

  /// `segments` without the narrative's own `# Title` line (the runner prints the title once,
  /// from the manifest).
  static func untitled(_ segments: [LessonNarrative.Segment]) -> [LessonNarrative.Segment] {
    guard case let .text(t)? = segments.first, t.hasPrefix("# ") else { return segments }
    let rest = t.drop { $0 != "\n" }.trimmingCharacters(in: .newlines)
    return (rest.isEmpty ? [] : [.text(rest)]) + segments.dropFirst()
  }

  func lines(_ ls: [String]) { for l in ls { console.line(l) } }

  func printMarkdown(_ text: String) {
    lines(style.markdown(text))
    console.line("")
  }

  /// Asks `p`; returns whether the answer was right.
  func ask(_ p: Prediction) throws -> Bool {
    lines(MarkdownRenderer(style: style).render("Predict: " + p.question, bold: true))
    if case let .choice(options) = p.kind {
      for (i, o) in options.enumerated() { lines(style.wrapped(o, first: "  \(String(UnicodeScalar(UInt8(97 + i))))) ", rest: "     ")) }
    }
    let hint: String
    switch p.kind {
    case let .choice(options): hint = "a–\(String(UnicodeScalar(UInt8(96 + options.count))))"
    case .number: hint = "a number"
    }
    var judged: Bool?
    switch mode {
    case .nonInteractive:
      lines(style.wrapped("answer (reference, --non-interactive, not credited): \(p.referenceText)", first: "  ", rest: "    ", styled: style.dim))
      judged = p.judge(p.referenceText)
    case .interactive:
      for _ in 0..<Self.maximumAttempts {
        console.prompt("  your answer (\(hint)): ")
        guard let answer = console.readAnswer() else {
          throw InputError.prediction(
            id: p.id, problem: "no answer on standard input (answer at the prompt, or run with \(.nonInteractive))")
        }
        judged = p.judge(answer)
        if judged != nil { break }
        console.line(style.yellow("  not an answer of the form \(hint); try again"))
      }
    }
    guard let correct = judged else {
      throw InputError.prediction(id: p.id, problem: "no valid answer after \(Self.maximumAttempts) attempts (expected \(hint))")
    }
    let tolerance = p.toleranceDescription.map { " (\($0))" } ?? ""
    let verdict = correct ? "Right: \(p.referenceDescription)\(tolerance)." : "Not this time: this run gives \(p.referenceDescription)\(tolerance)."
    lines(style.wrapped((correct ? "✓ " : "✗ ") + verdict, rest: "  ", styled: correct ? style.green : style.red))
    lines(style.markdown(p.reveal, indent: "  "))
    console.line("")
    return correct
  }

  func printChecks(entry: LessonManifest.Entry, run: LessonRun) {
    console.line(style.bold("Checks — does the claim hold in this run?"))
    for c in entry.checks {
      guard let r = run.checks.first(where: { $0.id == c.id }) else { continue }
      lines(style.wrapped(LessonFormat.mark(r.passed) + " " + c.claim, first: "  ", rest: "    ", styled: r.passed ? style.green : style.red))
      lines(style.wrapped(r.detail, first: "    ", rest: "      ", styled: style.dim))
    }
    let passed = run.allChecksPassed
    console.line(
      passed
        ? style.green("All \(entry.checks.count) checks hold with this run's numbers.")
        : style.red("A check failed: the lesson's claim does not hold in this run."))
    console.line("")
  }

  func printExercise(
    entry: LessonManifest.Entry, program: any LessonProgram, seed: UInt64, instance: UInt64
  ) async throws -> ExerciseVerdict? {
    console.line(style.bold(style.cyan("Exercise")))
    lines(style.markdown(entry.exercise.prompt, indent: "  "))
    let task = program.exercise.task(instance)
    if !task.isEmpty { lines(style.markdown(task, indent: "  ")) }
    lines(style.markdown("Submit \(entry.exercise.answer) with `hessian-lab lesson check ANSWER`; `hessian-lab lesson hint` gives a hint.", indent: "  "))
    guard case .nonInteractive = mode else { return nil }
    let answer = try await program.exercise.referenceAnswer(instance)
    lines(style.wrapped("reference answer (--non-interactive, not credited): \(answer)", first: "  ", rest: "    ", styled: style.dim))
    let verdict = try await program.exercise.judge(answer, program.exercise.seed(instance: instance, lessonSeed: seed))
    for l in verdict.lines { lines(style.wrapped(l, first: "    ", rest: "      ")) }
    console.line("  " + style.verdict(verdict.passed, verdict.passed ? "the reference answer passes" : "the reference answer FAILS"))
    return verdict
  }
}
