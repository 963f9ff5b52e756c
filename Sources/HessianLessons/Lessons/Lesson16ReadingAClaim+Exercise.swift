import Foundation

extension Lesson16ReadingAClaim {
  /// The drawn instance: d in 3…6 and a Hessian rank r in 1…d − 1, from the instance seed.
  static func instance(_ seed: UInt64) -> (d: Int, rank: Int) {
    var g = SeededGenerator(seed: SeededGenerator.childSeed(root: seed, index: 16))
    let d = Int.random(in: 3...6, using: &g)
    return (d, Int.random(in: 1...(d - 1), using: &g))
  }

  /// Break claim 2 where it is conditional: a landscape with the learner's d and Hessian rank r,
  /// a λ_LLC known to theory, and a covariance read-out (λ_ES = 10, σ = 1, n = 400) whose lower
  /// bound r̂/2 exceeds λ_LLC. The judge throws ``InputError`` for a spec that does not resolve.
  public var exercise: LessonExercise {
    LessonExercise(
      task: { seed in
        let (d, r) = Self.instance(seed)
        return "Your instance: d = \(d), Hessian rank \(r)."
      },
      hints: { _ in Self.hints },
      referenceAnswer: { seed in
        let (d, r) = Self.instance(seed)
        return "poly:" + (0..<d).map { "x\($0)^\($0 < r ? 2 : 4)" }.joined(separator: "+")
      },
      judge: { answer, seed in
        let (d, r) = Self.instance(seed)
        let spec = answer.trimmingCharacters(in: .whitespaces)
        let land = try LessonSupport.landscape(spec)
        let rank = try LessonSupport.hessianRank(land, seed: seed).rank
        guard land.dimension == d, rank == r else {
          return ExerciseVerdict(passed: false, lines: ["✗ d = \(land.dimension), Hessian rank \(rank): want d = \(d) and rank \(r)"])
        }
        guard let llc = land.knownAnswers.learningCoefficient.value else {
          return ExerciseVerdict(passed: false, lines: [
            "✓ d = \(d), Hessian rank \(r)",
            "✗ theory gives no λ_LLC for \(land.name): choose a landscape whose λ_LLC is known (`hessian-lab describe` says)",
          ])
        }
        let read = try await Self.readout(spec, population: 10, kept: 400, seed: SeededGenerator.childSeed(root: seed, index: 3))
        let lower = Double(read.readout) / 2
        let ok = lower > llc.doubleValue
        return ExerciseVerdict(passed: ok, lines: [
          "✓ d = \(d), Hessian rank \(r); λ_LLC = \(llc) (theory), inside the bounds \(Self.interval(r, d)) from rank H",
          "covariance read-out (λ_ES = 10, σ = 1, n = 400): \(read.readout) eigenvalues below σ²(1 − √(d/n))²",
          "\(LessonFormat.mark(ok)) its lower bound r̂/2 = \(LessonFormat.number(lower)) "
            + (ok ? "exceeds λ_LLC: the claim breaks, the read-out counted curvature H does not have" : "does not exceed λ_LLC: the claim survives here"),
        ])
      })
  }

  /// The exercise's hints: the idea, the command, the step still missing (none states the answer).
  static let hints = [
    "Selection ranks losses and cannot tell y⁴ from y²: a direction flat to the Hessian can still look curved to the read-out.",
    "`hessian-lab covariance SPEC --population 10 --kept 400 --sigma 1` prints the read-out; `hessian-lab llc SPEC --method bounds` prints rank H and λ_LLC.",
    "Give the d − r directions the Hessian cannot see a rise of higher order, each in its own variable, so theory knows λ_LLC.",
  ]
}
