import Foundation

extension Lesson08DegenerateReadout {
  /// The drawn instance: a dimension D in {12, 16, 24, 28}, a rank R in 2…D/3 and a number of
  /// kept points n = m·D with m in {4, 5, 6, 8}, from the instance seed (child stream 8).
  static func instance(_ seed: UInt64) -> (d: Int, rank: Int, kept: Int) {
    var g = SeededGenerator(seed: SeededGenerator.childSeed(root: seed, index: 8))
    let d = [12, 16, 24, 28].randomElement(using: &g)!
    let rank = Int.random(in: 2...(d / 3), using: &g)
    return (d, rank, d * [4, 5, 6, 8].randomElement(using: &g)!)
  }

  /// The read-out of `land` from `kept` (1,λ)-winners (σ = 1, centred at w*), and the kept
  /// points' largest variance along H's curved eigenvectors (c_max), from one selection run.
  /// Cost: kept·λ_ES + 1 loss evaluations, d HVPs, two dense eigendecompositions.
  static func readout(_ land: any Landscape, population: Int, kept: Int, seed: UInt64) async throws -> (readout: CovarianceRankReadout, cmax: Double) {
    let s = try await LessonSupport.selection(land, population: population, sigma: 1, kept: kept, seed: seed)
    let eig = try SymmetricEigen.decomposition(of: land.denseHessian(at: land.minimum))
    let d = land.dimension
    let decision = NumericalRank.decide(eigenvalues: eig.values, dimension: d, precision: land.precision)
    var cmax = 0.0
    for k in 0..<d where abs(eig.values[k]) > decision.threshold {
      var v = 0.0
      for i in 0..<d { for j in 0..<d { v += eig.vectors[i, k] * s.covariance[i, j] * eig.vectors[j, k] } }
      cmax = max(cmax, v)
    }
    return (try CovarianceRankReadout.read(eigenvalues: s.eigenvalues, kept: kept, sigma: 1), cmax)
  }

  /// Judges a spec for the instance: d and Hessian rank match; the read-out from `kept` points
  /// (λ_ES = `population`, σ = 1) is below the rank; and the reason is the Hessian's own weak
  /// curvature: its second-order model (same H, same w*, same seed, hence the same candidates)
  /// misses too. A miss caused by higher-order terms steering the selection fails the reason line.
  /// Cost: two selection runs of kept·λ_ES loss evaluations, 2d HVPs, dense eigendecompositions.
  static func verdict(_ land: any Landscape, d: Int, rank: Int, kept n: Int, population: Int, seed: UInt64) async throws -> ExerciseVerdict {
    let hRank = try LessonSupport.hessianRank(land, seed: seed).rank
    guard land.dimension == d, hRank == rank else {
      return ExerciseVerdict(passed: false, lines: ["✗ d = \(land.dimension), rank(H) = \(hRank): want d = \(d) and rank \(rank)"])
    }
    let x = try await Self.readout(land, population: population, kept: n, seed: seed)
    let model = try await Self.readout(try LessonSupport.secondOrderModel(land), population: population, kept: n, seed: seed)
    let missed = x.readout.rank < rank
    let reason = missed && model.readout.rank < rank
    let tau = LessonFormat.short(x.readout.threshold)
    return ExerciseVerdict(passed: missed && reason, lines: [
      "✓ d = \(d), rank(H) = \(rank)",
      "\(LessonFormat.mark(missed)) read-out \(x.readout.rank) from n = \(n) kept points (τ = \(tau))"
        + (missed ? ": below rank(H)" : x.readout.rank > rank ? ": above rank(H), an over-count, not a miss" : ": equals rank(H)"),
      "\(LessonFormat.mark(reason)) reason: the quadratic with the same Hessian reads \(model.readout.rank); "
        + "its c_max = \(LessonFormat.short(model.cmax)) against τ = \(tau)"
        + (reason ? ": a curved direction too weak for n" : missed ? ": higher-order terms, not the Hessian, caused the miss" : ""),
    ])
  }

  /// Break the claim "the read-out equals rank(H)": a landscape spec with the learner's d and rank
  /// whose read-out from the drawn n misses a curved direction because the Hessian's curvature
  /// there is too weak for n (``verdict(_:d:rank:kept:population:seed:)``). The judge throws
  /// ``InputError`` for a spec that does not resolve.
  public var exercise: LessonExercise {
    let lambda = population
    return LessonExercise(
      task: { seed in
        let (d, r, n) = Self.instance(seed)
        return "Your instance: d = \(d), rank(H) = \(r); read-out at λ_ES = \(lambda), σ = 1 from n = \(n) kept points."
      },
      hints: { _ in Self.hints },
      referenceAnswer: { seed in
        let (d, r, _) = Self.instance(seed)
        return "quad:1*\(r - 1),0.005:d=\(d):seed=8"
      },
      judge: { answer, seed in
        let (d, r, n) = Self.instance(seed)
        let land = try LessonSupport.landscape(answer.trimmingCharacters(in: .whitespaces))
        return try await Self.verdict(land, d: d, rank: r, kept: n, population: lambda, seed: SeededGenerator.childSeed(root: seed, index: 80))
      })
  }

  /// The exercise's hints: the idea, the command, the step still missing (none states the answer).
  static let hints = [
    "The read-out counts eigenvalues of C below τ = σ²(1 − √(d/n))²; a curved direction whose kept variance stays above τ is missed.",
    "`hessian-lab covariance SPEC --population 100 --kept N` prints the read-out and τ for one n; `--plan` prints c_max.",
    "Keep the rank, but make one curved direction so much weaker than the others that selection barely constrains it at your n.",
  ]
}
