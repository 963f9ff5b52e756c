import Foundation

extension Lesson14NumericalError {
  /// The drawn instance: a dimension D in {10, 14, 18, 28} and a rank R in 2…D/3, from the instance seed.
  static func instance(_ seed: UInt64) -> (d: Int, rank: Int) {
    var g = SeededGenerator(seed: SeededGenerator.childSeed(root: seed, index: 14))
    let d = [10, 14, 18, 28].randomElement(using: &g)!
    return (d, Int.random(in: 2...(d / 3), using: &g))
  }

  /// Break the claim "the float32 route keeps the exact rank": a landscape spec with the learner's d
  /// and rank (float64 dense rank from exact HVPs) whose float32 HVP route, judged with its own
  /// threshold τ = max|λ|·d·2⁻²³, returns another rank because a true eigenvalue lies below τ. The
  /// judge throws ``InputError`` for a spec that does not resolve.
  public var exercise: LessonExercise {
    LessonExercise(
      task: { seed in
        let (d, r) = Self.instance(seed)
        return "Your instance: d = \(d), Hessian rank \(r)."
      },
      hints: { _ in Self.hints },
      referenceAnswer: { seed in
        let (d, r) = Self.instance(seed)
        return "quad:4*\(r - 1),2e-9:d=\(d):seed=3"
      },
      judge: { answer, seed in
        let (d, r) = Self.instance(seed)
        let land = try LessonSupport.landscape(answer.trimmingCharacters(in: .whitespaces))
        let exact = try LessonSupport.hessianRank(land, seed: seed)
        guard land.dimension == d, exact.rank == r else {
          return ExerciseVerdict(passed: false, lines: ["✗ d = \(land.dimension), float64 rank \(exact.rank): want d = \(d) and rank \(r)"])
        }
        let single = try DenseRank.rank(of: HessianOperator(landscape: land, model: .float32))
        let smallest = exact.smallestCounted ?? 0
        let ok = single.rank != r && smallest <= single.threshold
        return ExerciseVerdict(passed: ok, lines: [
          "✓ d = \(d), float64 rank from exact HVPs \(r)",
          "float32 route: τ = max|λ|·d·2⁻²³ = \(LessonFormat.short(single.threshold)); smallest true nonzero |λ| = \(LessonFormat.short(smallest))",
          "\(LessonFormat.mark(ok)) the float32 route returns rank \(single.rank)"
            + (ok ? ", not \(r): a true eigenvalue lies below its threshold" : ", the exact rank: every true eigenvalue clears its threshold"),
        ])
      })
  }

  /// The exercise's hints: the idea, the command, the step still missing (none states the answer).
  static let hints = [
    "A route that judges its products honestly cannot resolve an eigenvalue below its own accuracy: τ = max|λ|·d·δ.",
    "`hessian-lab rank SPEC --hvp float32` prints the float32 route's τ and rank; without --hvp, the float64 rank.",
    "Keep the rank but make one nonzero eigenvalue smaller than max|λ|·d·2⁻²³ relative to the largest.",
  ]
}
