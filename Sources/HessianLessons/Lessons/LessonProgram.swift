import Foundation

/// The runnable part of a lesson: Swift that computes every claim of the
/// narrative live, with the lesson's seed, and checks it.
///
/// A program is registered in ``LessonCatalog`` (so it is compiled and
/// type-checked with the library) and paired with the folder
/// `lessons/NN-id/` whose `lesson.md` places the program's steps, predictions,
/// checks and exercise with markers (``LessonNarrative``). Lessons keep the
/// parts a test may swap (the landscape, the estimator, a threshold policy) as
/// stored properties with correct defaults, so a test can inject a wrong one
/// and see the lesson's check fail.
public protocol LessonProgram: Sendable {
  /// The lesson number N (folder `NN-id`).
  var number: Int { get }
  /// The topic id, e.g. `hessian-rank` (folder `NN-id`).
  var id: String { get }
  /// Runs every computation of the lesson with `seed` and returns what the
  /// narrative shows, asks and checks. Cost: the lesson's; under 10 s in a
  /// release build for every lesson in the catalog.
  func run(seed: UInt64) async throws -> LessonRun
  /// The command-line exercise that closes the lesson.
  var exercise: LessonExercise { get }
}

/// What one run of a ``LessonProgram`` produced: the output of each step, the
/// predictions with their live reference answers, and the checks.
public struct LessonRun: Sendable {
  /// Output lines of each `step` marker, by step id.
  public var steps: [String: [String]] = [:]
  /// The predictions, by id; each reference answer comes from this run.
  public var predictions: [String: Prediction] = [:]
  /// The end-of-lesson checks, in the order they were made.
  public var checks: [LessonCheckResult] = []

  /// An empty run: no steps, predictions or checks.
  public init() {}

  /// Records the output of step `id`.
  public mutating func show(_ id: String, _ lines: [String]) {
    steps[id, default: []] += lines
  }

  /// Records a multiple-choice prediction; `answer` is the index of the choice
  /// this run makes true.
  public mutating func predict(
    _ id: String, question: String, choices: [String], answer: Int, reveal: String
  ) {
    precondition(choices.indices.contains(answer), "prediction \(id): answer index out of range")
    predictions[id] = Prediction(id: id, question: question, kind: .choice(choices), reference: .choice(answer), reveal: reveal)
  }

  /// Records a numeric prediction accepted within `tolerance` (absolute, or
  /// relative to `value` when `relative`).
  public mutating func predict(
    _ id: String, question: String, value: Double, tolerance: Double, relative: Bool = false, reveal: String
  ) {
    predictions[id] = Prediction(
      id: id, question: question, kind: .number(tolerance: tolerance, relative: relative),
      reference: .number(value), reveal: reveal)
  }

  /// Records check `id` (declared with its claim in the manifest).
  public mutating func check(_ id: String, _ passed: Bool, _ detail: String) {
    checks.append(LessonCheckResult(id: id, passed: passed, detail: detail))
  }

  /// Whether every check passed.
  public var allChecksPassed: Bool { !checks.isEmpty && checks.allSatisfy(\.passed) }
}

/// A question asked before the computation's answer is revealed.
public struct Prediction: Sendable, Equatable {
  /// How the learner answers.
  public enum Kind: Sendable, Equatable {
    /// Pick one of the choices (answered `a`, `b`, … or `1`, `2`, …).
    case choice([String])
    /// A number, accepted within the tolerance.
    case number(tolerance: Double, relative: Bool)
  }

  /// The reference answer of this run.
  public enum Reference: Sendable, Equatable {
    /// The index of the right choice, 0-based (0 is answered `a` or `1`).
    case choice(Int)
    /// The value this run computed; answers within the kind's tolerance of it are right.
    case number(Double)
  }

  /// The prediction's id, placed in the narrative by `<!-- lesson:predict ID -->`.
  public let id: String
  /// The question, shown before the computation's answer.
  public let question: String
  /// How the learner answers: one of several choices, or a number within a tolerance.
  public let kind: Kind
  /// The right answer, computed by this run.
  public let reference: Reference
  /// What the computation showed, one or two sentences, printed after the answer.
  public let reveal: String

  /// The reference answer as the learner would type it (`b`, or the number).
  public var referenceText: String {
    switch reference {
    case let .choice(i): String(UnicodeScalar(UInt8(97 + i)))
    case let .number(x): LessonFormat.number(x)
    }
  }

  /// The reference answer in words (`b) 5`, or the number).
  public var referenceDescription: String {
    switch (kind, reference) {
    case let (.choice(options), .choice(i)): "\(referenceText)) \(options[i])"
    default: referenceText
    }
  }

  /// Judges `text`.
  ///
  /// - Returns: whether it is right, or `nil` when `text` is not an answer of
  ///   this kind (the runner asks again).
  public func judge(_ text: String) -> Bool? {
    let t = text.trimmingCharacters(in: .whitespaces).lowercased()
    switch (kind, reference) {
    case let (.choice(options), .choice(right)):
      var picked: Int?
      if t.count == 1, let c = t.unicodeScalars.first, c.value >= 97, c.value < 97 + UInt32(options.count) {
        picked = Int(c.value) - 97
      } else if let k = Int(t), k >= 1, k <= options.count {
        picked = k - 1
      } else if t.hasSuffix(")"), t.count == 2 {
        return judge(String(t.prefix(1)))
      }
      return picked.map { $0 == right }
    case let (.number(tolerance, relative), .number(value)):
      guard let x = Double(t), x.isFinite else { return nil }
      let allowed = relative ? tolerance * abs(value) : tolerance
      return abs(x - value) <= allowed
    default:
      return nil
    }
  }

  /// The accepted range of a numeric prediction, for the reveal.
  public var toleranceDescription: String? {
    guard case let .number(tolerance, relative) = kind else { return nil }
    if tolerance == 0 { return nil }
    return relative ? "within \(LessonFormat.number(tolerance * 100))%" : "within ±\(LessonFormat.number(tolerance))"
  }
}

/// One end-of-lesson check: whether the claim the lesson teaches held in this run.
public struct LessonCheckResult: Sendable, Equatable {
  /// The check's id, declared with its claim in the manifest.
  public let id: String
  /// Whether the claim held in this run.
  public let passed: Bool
  /// The numbers behind the verdict.
  public let detail: String
}

/// The exercise at the end of a lesson, answered on the command line with
/// `hessian-lab lesson check ANSWER` and judged by a live computation.
///
/// A *drawn* exercise runs on an instance of its own (a seed, dimension, spectrum or landscape)
/// drawn from the learner's instance seed, which the progress file keeps, so the answer is not on
/// the screen of the lesson; ``task`` states the instance and ``judge`` computes its answer
/// live. The hints are here, in code, not in the manifest: hint 1 names the idea, hint 2 the
/// command, hint 3 the step still missing, and none states the answer.
public struct LessonExercise: Sendable {
  /// Whether the exercise runs on the learner's drawn instance (else on the lesson's seed).
  public let drawn: Bool
  /// The instance-specific task in Markdown, for the instance seed (empty when not drawn).
  public let task: @Sendable (_ instance: UInt64) -> String
  /// The hints for the instance seed, revealed one at a time by `lesson hint`.
  public let hints: @Sendable (_ instance: UInt64) -> [String]
  /// An answer that passes for the instance seed, computed live (used by `--non-interactive`
  /// and the tests).
  public let referenceAnswer: @Sendable (_ instance: UInt64) async throws -> String
  /// Judges an answer for the seed (the instance seed when ``drawn``, else the lesson's seed);
  /// throws ``InputError`` for an answer that is not of the expected form.
  public let judge: @Sendable (_ answer: String, _ seed: UInt64) async throws -> ExerciseVerdict

  /// An exercise on the lesson's own seed, with a fixed answer that passes and fixed hints.
  public init(
    referenceAnswer: String, hints: [String],
    judge: @escaping @Sendable (_ answer: String, _ seed: UInt64) async throws -> ExerciseVerdict
  ) {
    drawn = false
    task = { _ in "" }
    self.hints = { _ in hints }
    self.referenceAnswer = { _ in referenceAnswer }
    self.judge = judge
  }

  /// An exercise on the learner's drawn instance: `task` states it, `hints` nudge towards it,
  /// `referenceAnswer` computes an answer that passes, `judge` judges an answer live.
  public init(
    task: @escaping @Sendable (_ instance: UInt64) -> String,
    hints: @escaping @Sendable (_ instance: UInt64) -> [String],
    referenceAnswer: @escaping @Sendable (_ instance: UInt64) async throws -> String,
    judge: @escaping @Sendable (_ answer: String, _ instance: UInt64) async throws -> ExerciseVerdict
  ) {
    drawn = true
    self.task = task
    self.hints = hints
    self.referenceAnswer = referenceAnswer
    self.judge = judge
  }

  /// The seed the judge takes: `instance` for a drawn exercise, else `lessonSeed`.
  public func seed(instance: UInt64, lessonSeed: UInt64) -> UInt64 { drawn ? instance : lessonSeed }
}

/// The verdict on an exercise answer, with the computation that decided it.
public struct ExerciseVerdict: Sendable, Equatable {
  /// Whether the answer solves the exercise.
  public let passed: Bool
  /// The computation behind the verdict, as lines printed indented below the answer (mostly one
  /// ✓/✗ line per condition).
  public let lines: [String]

  /// A verdict: `passed`, with `lines` explaining it.
  public init(passed: Bool, lines: [String]) {
    self.passed = passed
    self.lines = lines
  }
}
