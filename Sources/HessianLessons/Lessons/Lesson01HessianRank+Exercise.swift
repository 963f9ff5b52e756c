import Foundation

extension Lesson01HessianRank {
  /// The drawn instance: a dimension D in 9…16, a rank R in 2…D/2 and a smallest nonzero
  /// eigenvalue S, from the instance seed (child stream 1).
  static func instance(_ seed: UInt64) -> (d: Int, rank: Int, smallest: Double) {
    var g = SeededGenerator(seed: SeededGenerator.childSeed(root: seed, index: 1))
    let d = Int.random(in: 9...16, using: &g)
    let rank = Int.random(in: 2...(d / 2), using: &g)
    return (d, rank, [0.002, 0.003, 0.005, 0.02, 0.03, 0.05, 0.2, 0.3].randomElement(using: &g)!)
  }

  /// Exercise on a drawn instance: a landscape spec with the learner's d whose Hessian has numerical
  /// rank R (default threshold) and smallest counted eigenvalue S (±1%), judged by a dense
  /// eigendecomposition of H built from d exact HVPs. The judge throws ``InputError`` for a spec
  /// that does not resolve.
  public var exercise: LessonExercise {
    LessonExercise(
      task: { seed in
        let (d, r, s) = Self.instance(seed)
        return "Your instance: d = \(d), Hessian rank \(r), smallest nonzero eigenvalue \(LessonFormat.number(s))."
      },
      hints: { _ in Self.hints },
      referenceAnswer: { seed in
        let (d, r, s) = Self.instance(seed)
        return "quad:3*\(r - 1),\(LessonFormat.number(s)):d=\(d):seed=7"
      },
      judge: { answer, seed in
        let (d, r, s) = Self.instance(seed)
        let land = try LessonSupport.landscape(answer.trimmingCharacters(in: .whitespaces))
        let eig = try LessonSupport.hessianSpectrum(land)
        let decision = NumericalRank.decide(eigenvalues: eig, dimension: land.dimension, precision: land.precision)
        let smallest = decision.smallestCounted ?? 0
        let okD = land.dimension == d, okRank = decision.rank == r, okSmall = abs(smallest - s) <= 0.01 * s
        return ExerciseVerdict(passed: okD && okRank && okSmall, lines: [
          "\(LessonFormat.mark(okD)) d = \(land.dimension) (want \(d))",
          "\(LessonFormat.mark(okRank)) numerical rank \(decision.rank) (want \(r)), τ = \(LessonFormat.short(decision.threshold))",
          "\(LessonFormat.mark(okSmall)) smallest counted eigenvalue \(LessonFormat.short(smallest)) (want \(LessonFormat.number(s)) ± 1%)",
        ])
      })
  }

  /// The exercise's hints: the idea, the command, the step still missing (none states the answer).
  static let hints = [
    "Rank counts the nonzero eigenvalues of H, and a quadratic landscape lets you choose its eigenvalues directly.",
    "`hessian-lab landscapes` explains the `quad:` spec (the nonzero eigenvalues, then `d=N`, optionally `seed=S` for a random basis); `hessian-lab rank SPEC` checks a spec.",
    "Write exactly as many nonzero eigenvalues as the rank, none smaller than the one the task names, and let `d=` fill the rest with zeros.",
  ]
}
