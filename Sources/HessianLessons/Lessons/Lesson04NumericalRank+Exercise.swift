import Foundation

extension Lesson04NumericalRank {
  /// The drawn instance: a dimension D in {10, 12, 14, 16, 18}, a rank R in 3…D/2 with the default
  /// threshold, a smaller rank R′ in 1…R − 1 with `rel:F`, and F in {10⁻⁴, 10⁻⁵, 10⁻⁷, 10⁻⁸, 10⁻⁹},
  /// from the instance seed (child stream 4).
  static func instance(_ seed: UInt64) -> (d: Int, rank: Int, relRank: Int, f: Double) {
    var g = SeededGenerator(seed: SeededGenerator.childSeed(root: seed, index: 4))
    let d = [10, 12, 14, 16, 18].randomElement(using: &g)!
    let rank = Int.random(in: 3...(d / 2), using: &g)
    let relRank = Int.random(in: 1...(rank - 1), using: &g)
    return (d, rank, relRank, [1e-4, 1e-5, 1e-7, 1e-8, 1e-9].randomElement(using: &g)!)
  }

  /// Exercise on a drawn instance: a landscape spec with the learner's d whose Hessian has rank R
  /// with the default threshold τ = max|λ|·d·ε and rank R′ with `rel:F` (τ = F·max|λ|), each with
  /// a gap ratio of at least 10 at its τ — two reasonable thresholds that disagree, with evidence
  /// for both. Judged by a dense eigendecomposition of H built from d exact HVPs. The judge throws
  /// ``InputError`` for a spec that does not resolve.
  public var exercise: LessonExercise {
    LessonExercise(
      task: { seed in
        let (d, r, rr, f) = Self.instance(seed)
        return "Your instance: d = \(d); rank \(r) with the default threshold, rank \(rr) with rel:\(LessonFormat.short(f))."
      },
      hints: { _ in Self.hints },
      referenceAnswer: { seed in
        let (d, r, rr, f) = Self.instance(seed)
        return "quad:2*\(rr),\(LessonFormat.short(f / 50))*\(r - rr):d=\(d):seed=4"
      },
      judge: { answer, seed in
        let (d, r, rr, f) = Self.instance(seed)
        let land = try LessonSupport.landscape(answer.trimmingCharacters(in: .whitespaces))
        guard land.dimension == d else { return ExerciseVerdict(passed: false, lines: ["✗ d = \(land.dimension) (want \(d))"]) }
        let eig = try LessonSupport.hessianSpectrum(land)
        let byDefault = NumericalRank.decide(eigenvalues: eig, dimension: d, precision: land.precision)
        let byRel = NumericalRank.decide(eigenvalues: eig, dimension: d, precision: land.precision, policy: .relative(f))
        func line(_ name: String, _ x: RankDecision, want: Int) -> (Bool, String) {
          let gap = x.gapRatio ?? .infinity
          let ok = x.rank == want && gap >= 10
          return (ok, "\(LessonFormat.mark(ok)) \(name): τ = \(LessonFormat.short(x.threshold)), rank \(x.rank) (want \(want)), "
            + "gap ratio \(x.gapRatio.map(LessonFormat.short) ?? "∞") (want ≥ 10)")
        }
        let a = line("default", byDefault, want: r), b = line("rel:\(LessonFormat.short(f))", byRel, want: rr)
        return ExerciseVerdict(passed: a.0 && b.0, lines: ["✓ d = \(d)", a.1, b.1])
      })
  }

  /// The exercise's hints: the idea, the command, the step still missing (none states the answer).
  static let hints = [
    "Two thresholds disagree when eigenvalues lie between them; the gap ratio is the evidence on each side.",
    "`hessian-lab rank SPEC` prints τ, the rank and the gap ratio with the default threshold; add `--threshold rel:F` for the relative one.",
    "Put the eigenvalues that only the default threshold should count well below F·max|λ| but far above max|λ|·d·ε.",
  ]
}
