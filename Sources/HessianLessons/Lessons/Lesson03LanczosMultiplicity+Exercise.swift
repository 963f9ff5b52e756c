import Foundation

extension Lesson03LanczosMultiplicity {
  /// The drawn instance: a dimension D in {24, 30, 36, 40}, a rank R in 6…D/3 and the rank K in
  /// 2…3 single-vector Lanczos must report, from the instance seed (child stream 3).
  static func instance(_ seed: UInt64) -> (d: Int, rank: Int, lanczos: Int) {
    var g = SeededGenerator(seed: SeededGenerator.childSeed(root: seed, index: 3))
    let d = [24, 30, 36, 40].randomElement(using: &g)!
    let rank = Int.random(in: 6...(d / 3), using: &g)
    return (d, rank, Int.random(in: 2...3, using: &g))
  }

  /// Distinct nonzero eigenvalues of a spectrum (values within 10⁻⁸·max|λ| merged) with their
  /// multiplicities, largest first; values at or below `threshold` are left out.
  static func distinct(_ eig: [Double], threshold: Double) -> [(value: Double, count: Int)] {
    let scale = eig.map(abs).max() ?? 1
    var out: [(value: Double, count: Int)] = []
    for x in eig.sorted(by: >) where abs(x) > threshold {
      if let last = out.last, abs(last.value - x) <= 1e-8 * scale {
        out[out.count - 1].count += 1
      } else {
        out.append((x, 1))
      }
    }
    return out
  }

  /// Judges a spec for the instance (d, rank, k): the dense rank (d exact HVPs and a dense
  /// eigendecomposition) is `rank`, single-vector Lanczos from `seed` reports `k`, and the reason is
  /// multiplicity: H has exactly `k` distinct nonzero eigenvalues, one of them repeated, and the
  /// Lanczos result carries ``WarningCode/multiplicityInvisible``. A spec that fools Lanczos
  /// another way (eigenvalues below its resolution 10⁻¹²·‖T‖) fails the reason line.
  /// Cost: d HVPs, one dense eigendecomposition, one Lanczos run (at most d HVPs).
  static func verdict(_ land: any Landscape, d: Int, rank: Int, lanczos k: Int, seed: UInt64) throws -> ExerciseVerdict {
    let dense = try DenseRank.rank(of: HessianOperator(landscape: land))
    guard land.dimension == d, dense.rank == rank else {
      return ExerciseVerdict(passed: false, lines: ["✗ d = \(land.dimension), dense rank \(dense.rank): want d = \(d) and rank \(rank)"])
    }
    var rng = SeededGenerator(seed: seed)
    let result = try LanczosRank.rank(of: HessianOperator(landscape: land), using: &rng)
    let values = Self.distinct(try LessonSupport.hessianSpectrum(land), threshold: dense.threshold)
    let okK = result.rank == k
    let warned = result.warnings.map(\.code).contains(.multiplicityInvisible)
    let okReason = okK && values.count == k && values.contains { $0.count > 1 } && warned
    let multiplicities = values.prefix(6).map { "\(LessonFormat.short($0.value)) ×\($0.count)" }.joined(separator: ", ")
      + (values.count > 6 ? ", …" : "")
    return ExerciseVerdict(passed: okK && okReason, lines: [
      "✓ d = \(d), dense rank \(rank)",
      "\(LessonFormat.mark(okK)) single-vector Lanczos reports \(result.rank) after \(result.hessianVectorProducts) HVPs (want \(k))",
      "\(LessonFormat.mark(okReason)) reason: H has \(values.count) distinct nonzero eigenvalues (\(multiplicities)); "
        + "warning multiplicityInvisible \(warned ? "raised" : "not raised")"
        + (okReason ? ": repeated eigenvalues hid their multiplicity" : okK ? ": Lanczos missed eigenvalues that are not repeated, not the trap asked for" : ""),
    ])
  }

  /// Break the claim "Lanczos counts the rank": a landscape spec with the learner's d and rank on
  /// which single-vector Lanczos reports K *because* repeated eigenvalues hide their multiplicity
  /// (``verdict(_:d:rank:lanczos:seed:)``). The judge throws ``InputError`` for a spec that does not
  /// resolve.
  public var exercise: LessonExercise {
    LessonExercise(
      task: { seed in
        let (d, r, k) = Self.instance(seed)
        return "Your instance: d = \(d), Hessian rank \(r); single-vector Lanczos must report rank \(k)."
      },
      hints: { _ in Self.hints },
      referenceAnswer: { seed in
        let (d, r, k) = Self.instance(seed)
        let counts = (0..<k).map { i in r / k + (i < r % k ? 1 : 0) }
        return "quad:" + counts.enumerated().map { "\(2 * $0.offset + 1)*\($0.element)" }.joined(separator: ",") + ":d=\(d):seed=9"
      },
      judge: { answer, seed in
        let (d, r, k) = Self.instance(seed)
        let land = try LessonSupport.landscape(answer.trimmingCharacters(in: .whitespaces))
        return try Self.verdict(land, d: d, rank: r, lanczos: k, seed: SeededGenerator.childSeed(root: seed, index: 30))
      })
  }

  /// The exercise's hints: the idea, the command, the step still missing (none states the answer).
  static let hints = [
    "Single-vector Lanczos sees each *distinct* eigenvalue once, however often it repeats.",
    "`hessian-lab rank SPEC --method lanczos` shows what single-vector Lanczos reports and whether it warns; a `quad:` spec repeats a value with `value*count`.",
    "Spread the rank over as many different values as Lanczos should report, each repeated; tiny eigenvalues fool it for another reason and do not count.",
  ]
}
