import Foundation

extension Lesson15YourOwnModel {
  /// The drawn instance: M in {3, 4} inputs, H in 3…5 hidden units, K in 1…H − 1 dead ones (never
  /// the lesson's own 2-3-1 network).
  static func instance(_ seed: UInt64) -> TeacherNetwork {
    var g = SeededGenerator(seed: SeededGenerator.childSeed(root: seed, index: 15))
    let m = Int.random(in: 3...4, using: &g), h = Int.random(in: 3...5, using: &g)
    return TeacherNetwork(inputs: m, hidden: h, dead: Int.random(in: 1...(h - 1), using: &g))
  }

  /// The bounds of the instance, computed through the oracle seam (the Swift twin: trust checks,
  /// then the dense rank from d HVPs).
  static func bounds(_ net: TeacherNetwork, seed: UInt64) throws -> LearningCoefficientBounds {
    let report = try RankAnalysis.run(AnalysisSubject(oracle: net.oracle()), options: .init(method: .dense, seed: seed))
    return LearningCoefficientBounds(rank: report.result.rank, dimension: net.dimension, source: .hessian)
  }

  /// "LOWER,UPPER": the bounds r/2 ≤ λ_LLC ≤ r/2 + (d − r)/4 for the learner's network, whose
  /// rank the judge measures live through the oracle seam. The judge throws ``InputError`` for
  /// an answer that is not two numbers.
  public var exercise: LessonExercise {
    LessonExercise(
      task: { seed in
        let net = Self.instance(seed)
        return "Your instance: the model.py network with `--inputs \(net.inputs) --hidden \(net.hidden) --dead \(net.dead)`."
      },
      hints: { _ in Self.hints },
      referenceAnswer: { seed in
        let b = try Self.bounds(Self.instance(seed), seed: seed)
        return "\(LessonFormat.number(b.lower.doubleValue)),\(LessonFormat.number(b.upper.doubleValue))"
      },
      judge: { answer, seed in
        let parts = answer.split(separator: ",")
        guard parts.count == 2 else {
          throw InputError.answer(answer, problem: "'\(answer)' is not two numbers LOWER,UPPER (e.g. 1.5,2.25)")
        }
        let lower = try LessonSupport.number(String(parts[0]), expecting: "the lower bound")
        let upper = try LessonSupport.number(String(parts[1]), expecting: "the upper bound")
        let net = Self.instance(seed)
        let b = try Self.bounds(net, seed: seed)
        let okLower = abs(lower - b.lower.doubleValue) < 1e-9, okUpper = abs(upper - b.upper.doubleValue) < 1e-9
        return ExerciseVerdict(passed: okLower && okUpper, lines: [
          "\(net.name): d = \(net.dimension); rank through the oracle seam (trust checks passed): r = \(b.rank)",
          "\(LessonFormat.mark(okLower)) lower bound r/2 = \(LessonFormat.number(b.lower.doubleValue))"
            + (okLower ? "" : " (you gave \(LessonFormat.number(lower)))"),
          "\(LessonFormat.mark(okUpper)) upper bound r/2 + (d − r)/4 = \(LessonFormat.number(b.upper.doubleValue))"
            + (okUpper ? "" : " (you gave \(LessonFormat.number(upper)))"),
        ])
      })
  }

  /// The exercise's hints: the idea, the command, the step still missing (none states the answer).
  static let hints = [
    "The bounds need only d and the Hessian rank r; a dead unit hides every weight whose effect passes through its zero outgoing weight.",
    "`hessian-lab llc 'oracle:python3 lessons/15-your-own-model/model.py --inputs M --hidden H --dead K' --method bounds` prints r and both bounds (needs NumPy).",
    "Count d = H(M + 2), then subtract the weights that feed each dead unit (its M input weights and its bias); answer as LOWER,UPPER.",
  ]
}
