import Foundation

extension Lesson12WhichRoute {
  /// The drawn instance: a dimension D in {12, 16, 24, 30} and a rank R in 2…D/3, from the instance seed.
  static func instance(_ seed: UInt64) -> (d: Int, rank: Int) {
    var g = SeededGenerator(seed: seed)
    let d = [12, 16, 24, 30].randomElement(using: &g)!
    return (d, Int.random(in: 2...(d / 3), using: &g))
  }

  /// The loss evaluations of an exact read-out, n·λ_ES with n = 2.5·d/(1 − √(c_max/σ²))² (σ = 1),
  /// as a Double (no integer overflow), or `nil` when c_max ≥ σ²: no n separates that direction
  /// from the null block, the read-out is not reachable.
  static func plannedEvaluations(dimension d: Int, cmax: Double, population: Int) -> Double? {
    guard cmax.isFinite, cmax < 1 else { return nil }
    let root = 1 - cmax.squareRoot()
    return (ReadoutPlan.safetyFactor * Double(d) / (root * root)).rounded(.up) * Double(population)
  }

  /// The planned cost in words: "N kept points = E loss evaluations" for a cost below 10¹², a
  /// bound above it, "not reachable" when c_max ≥ σ².
  static func costText(_ evaluations: Double?, population: Int) -> String {
    guard let e = evaluations else { return "not reachable: c_max ≥ σ², no n separates it from the null block" }
    if e > 1e12 { return "more than 10¹² loss evaluations (n > \(LessonFormat.short(1e12 / Double(population))) kept points)" }
    return "\(LessonFormat.number(e / Double(population))) kept points = \(LessonFormat.number(e)) loss evaluations"
  }

  /// Judges a spec for the instance (d, rank): its exact read-out at λ_ES = `population`, σ = 1
  /// needs more than 10⁶ loss evaluations (c_max from range variances measured with 1000 kept
  /// points), and the reason is the Hessian's weak curvature: its second-order model (same H, w*
  /// and seed, hence the same candidates) needs more than 10⁶ too. A cost that higher-order terms
  /// create (they steer the selection away from a strongly curved direction) fails the reason line.
  /// Cost: two runs of 1000·λ_ES + 1 loss evaluations, 2d HVPs, dense eigendecompositions.
  static func verdict(_ land: any Landscape, d: Int, rank r: Int, population lambda: Int, seed: UInt64) async throws -> ExerciseVerdict {
    let rank = try LessonSupport.hessianRank(land, seed: seed).rank
    guard land.dimension == d, rank == r else {
      return ExerciseVerdict(passed: false, lines: ["✗ d = \(land.dimension), rank \(rank): want d = \(d) and rank \(r)"])
    }
    let measured = try await LessonSupport.rangeVariances(land, population: lambda, kept: 1000, seed: seed)
    let model = try await LessonSupport.rangeVariances(try LessonSupport.secondOrderModel(land), population: lambda, kept: 1000, seed: seed)
    let cost = Self.plannedEvaluations(dimension: d, cmax: measured.variances.first ?? 0, population: lambda)
    let modelCost = Self.plannedEvaluations(dimension: d, cmax: model.variances.first ?? 0, population: lambda)
    let ok = (cost ?? .infinity) > 1e6
    let reason = ok && (modelCost ?? .infinity) > 1e6
    let shown = measured.variances.prefix(8).map(LessonFormat.short).joined(separator: ", ") + (measured.variances.count > 8 ? ", …" : "")
    return ExerciseVerdict(passed: ok && reason, lines: [
      "✓ d = \(d), rank(H) = \(r)",
      "range variances (λ_ES = \(lambda), σ = 1, 1000 kept points): \(shown)",
      "n ≈ 2.5·d/(1 − √c_max)²: \(Self.costText(cost, population: lambda))",
      "\(LessonFormat.mark(ok)) more than 10⁶ loss evaluations",
      "\(LessonFormat.mark(reason)) reason: the quadratic with the same Hessian needs \(Self.costText(modelCost, population: lambda))"
        + (reason ? "" : ok ? "; higher-order terms, not a weak curvature, make it expensive" : ""),
    ])
  }

  /// Break the claim "the ES route reads the rank at a moderate cost": a landscape spec with the
  /// learner's d and Hessian rank whose exact read-out at λ_ES = ``population``, σ = 1 needs more
  /// than 10⁶ loss evaluations because of a weak curved direction
  /// (``verdict(_:d:rank:population:seed:)``); the reference has one weak curved direction. The
  /// judge throws ``InputError`` for a spec that does not resolve.
  public var exercise: LessonExercise {
    let lambda = population
    return LessonExercise(
      task: { seed in
        let (d, r) = Self.instance(seed)
        return "Your instance: d = \(d), Hessian rank \(r)."
      },
      hints: { _ in Self.hints },
      referenceAnswer: { seed in
        let (d, r) = Self.instance(seed)
        return "quad:1*\(r - 1),1e-8:d=\(d):seed=2"
      },
      judge: { answer, seed in
        let (d, r) = Self.instance(seed)
        let land = try LessonSupport.landscape(answer.trimmingCharacters(in: .whitespaces))
        return try await Self.verdict(land, d: d, rank: r, population: lambda, seed: seed)
      })
  }

  /// The exercise's hints: the idea, the command, the step still missing (none states the answer).
  static let hints = [
    "The cost of an exact read-out grows like d/(1 − √(c_max/σ²))², c_max the largest variance along a curved direction.",
    "`hessian-lab covariance SPEC --population 100 --kept 400 --plan` prints c_max and the planned loss evaluations.",
    "Make one curved direction much weaker than the others, so that its variance stays close to σ², and check the planned cost.",
  ]
}
