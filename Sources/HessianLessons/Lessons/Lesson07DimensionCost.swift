import Foundation

/// Lesson 7: dimension — κ(λ_ES, d) ∝ λ_ES^(−2/d), so the λ_ES needed for a given
/// accuracy δ grows like δ^(−d/2) (theory §4.2, table from sim J).
///
/// Measures κ on H = I in d = 2 and d = 10 at λ_ES = 10, 100, 1000 and compares
/// with the exact isotropic κ = E[min of λ_ES χ²_d]/d.
public struct Lesson07DimensionCost: LessonProgram {
  /// The lesson's position in the course, 7 (folder `07-dimension-cost`).
  public let number = 7
  /// The topic id `dimension-cost`, matching the manifest entry and the folder `07-dimension-cost`.
  public let id = "dimension-cost"
  /// The theory the measurement is compared with (a test injects d = 2's law for every d).
  public var theory: @Sendable (Int, Int) -> Double = { lambda, d in KappaConstant.exactIsotropic(lambda: lambda, dimension: d) }
  /// The dimensions d in which κ is measured on H = I (`quad:1*d:d=d`); the checks expect 2 and 10
  /// among them, with 10 last.
  public var dimensions = [2, 10]
  /// The populations λ_ES (candidates per round) measured in each dimension, over which the
  /// log–log slope of κ against λ_ES is fitted; the checks read the last entry and λ_ES = 1000.
  public var populations = [10, 100, 1000]

  /// The lesson with its default parameters, as ``LessonCatalog`` runs it.
  public init() {}

  /// The asymptotic prefactor A_d in κ = A_d λ_ES^(−2/d) for H = I.
  static func prefactor(_ d: Int) -> Double { KappaConstant.asymptotic(lambda: 1, dimension: d) }

  /// Tabulates A_d and the λ_ES that brings κ to 0.1 and 0.01 for d = 2…32, then measures κ (the trace
  /// of the kept points' second moment about w*, over d; σ = 1) on H = I for every pair of
  /// ``dimensions`` and ``populations`` and compares it with ``theory``; each pair's seed is a child
  /// of `seed`.
  ///
  /// - Throws: ``InputError`` when an injected parameter is invalid (e.g. a landscape spec that
  ///   does not resolve); otherwise the errors of the numerical routines it calls.
  public func run(seed: UInt64) async throws -> LessonRun {
    var r = LessonRun()
    let targets = [0.1, 0.01]
    let dims = [2, 4, 8, 16, 32]
    r.show("formula", [
      "κ(λ_ES, d) ≈ A_d·λ_ES^(−2/d) for H = I; the λ_ES that brings κ down to a target:",
    ] + LessonFormat.table(
      ["d", "A_d"] + targets.map { "λ_ES for κ = \(LessonFormat.number($0))" },
      dims.map { d in
        ["\(d)", LessonFormat.short(Self.prefactor(d))] + targets.map { LessonFormat.short(pow(Self.prefactor(d) / $0, Double(d) / 2)) }
      }))
    let ratio10 = pow(Self.prefactor(10) / 0.01, 5) / pow(Self.prefactor(10) / 0.1, 5)
    r.predict(
      "tenfold", question: "In d = 10, dividing κ (the distortion scale) by 10 multiplies the λ_ES needed by…",
      choices: ["10", "100", "100,000"], answer: ratio10 < 30 ? 0 : ratio10 < 3000 ? 1 : 2,
      reveal: "κ ∝ λ_ES^(−2/d), so λ_ES ∝ κ^(−d/2): ×10^(d/2) = ×\(LessonFormat.short(ratio10)). The cost of accuracy is exponential in d.")

    var cells: [(d: Int, lambda: Int, measured: Double, exact: Double, evaluations: Int)] = []
    for (i, d) in dimensions.enumerated() {
      let land = try LessonSupport.landscape("quad:1*\(d):d=\(d)")
      for (j, lambda) in populations.enumerated() {
        let n = d <= 2 ? 2000 : 1000
        let s = try await LessonSupport.selection(
          land, population: lambda, sigma: 1, kept: n, seed: SeededGenerator.childSeed(root: seed, index: UInt64(10 * i + j)))
        var trace = 0.0
        for k in 0..<d { trace += s.covariance[k, k] }
        cells.append((d, lambda, trace / Double(d), theory(lambda, d), s.sample.lossEvaluations))
      }
    }
    func slope(_ d: Int) -> Double {
      let pts = cells.filter { $0.d == d }
      let xs = pts.map { log(Double($0.lambda)) }, ys = pts.map { log($0.measured) }
      let mx = xs.reduce(0, +) / Double(xs.count), my = ys.reduce(0, +) / Double(ys.count)
      let sxy = zip(xs, ys).map { ($0 - mx) * ($1 - my) }.reduce(0, +), sxx = xs.map { ($0 - mx) * ($0 - mx) }.reduce(0, +)
      return sxy / sxx
    }
    let high = cells.first { $0.d == dimensions.last && $0.lambda == populations.last }
    r.predict(
      "d10", question: "H = I in d = 10, λ_ES = 1000 candidates per round. The measured κ (variance of the kept points / σ²) is…",
      choices: ["about 0.001, as in d = 2", "about 0.01", "above 0.1"],
      answer: (high?.measured ?? 1) < 0.003 ? 0 : (high?.measured ?? 1) < 0.05 ? 1 : 2,
      reveal: "A thousand candidates in ten dimensions: the best of them is still far from w*.")
    r.show("measured", LessonFormat.table(
      ["d", "λ_ES", "κ measured", "κ exact", "measured/exact", "loss evaluations"],
      cells.map { ["\($0.d)", "\($0.lambda)", LessonFormat.short($0.measured), LessonFormat.short($0.exact),
                   LessonFormat.short($0.measured / $0.exact), "\($0.evaluations)"] })
      + dimensions.map { "log-log slope in d = \($0): \(LessonFormat.short(slope($0))) (asymptotically −2/d = \(LessonFormat.short(-2 / Double($0))))" })

    let worst = cells.map { abs($0.measured / $0.exact - 1) }.max() ?? .infinity
    r.check("monte-carlo-matches-kappa", worst <= 0.1, "largest relative deviation \(LessonFormat.short(worst)) over \(cells.count) cells")
    let s2 = slope(2), s10 = slope(10)
    r.check("slope-is-minus-two-over-d", abs(s2 + 1) <= 0.1 && s10 > -0.4, "slopes \(LessonFormat.short(s2)) (d = 2), \(LessonFormat.short(s10)) (d = 10)")
    let low = cells.first { $0.d == 2 && $0.lambda == 1000 }
    r.check(
      "high-dimension-is-expensive", (low?.measured ?? 1) < 0.01 && (high?.measured ?? 0) > 0.1,
      "λ_ES = 1000: κ = \(LessonFormat.short(low?.measured ?? .nan)) in d = 2, \(LessonFormat.short(high?.measured ?? .nan)) in d = 10")
    return r
  }

  /// The drawn instance: a dimension d in {6, 8, 10, 12} and a target δ in {0.03, 0.05, 0.08,
  /// 0.15, 0.2, 0.3} (none in the lesson's table), from the instance seed.
  static func instance(_ seed: UInt64) -> (d: Int, delta: Double) {
    var g = SeededGenerator(seed: seed)
    let d = [6, 8, 10, 12].randomElement(using: &g)!, delta = [0.03, 0.05, 0.08, 0.15, 0.2, 0.3].randomElement(using: &g)!
    return (d, delta)
  }

  /// The instance's answer (A_d/δ)^(d/2).
  static func target(_ seed: UInt64) -> Double {
    let (d, delta) = instance(seed)
    return pow(prefactor(d) / delta, Double(d) / 2)
  }

  /// Exercise on a drawn instance: the population λ_ES at which the asymptotic κ = A_d·λ_ES^(−2/d)
  /// on H = I equals the learner's δ in the learner's d, that is (A_d/δ)^(d/2); passes within
  /// ±10%. The judge throws ``InputError`` for a non-number or λ_ES < 2.
  public var exercise: LessonExercise {
    LessonExercise(
      task: { seed in
        let (d, delta) = Self.instance(seed)
        return "Your instance: d = \(d), δ = \(LessonFormat.number(delta))."
      },
      hints: { seed in
        let (d, _) = Self.instance(seed)
        return [
          "κ ∝ λ_ES^(−2/d): to divide κ by 10 you multiply λ_ES by 10^(d/2).",
          "`hessian-lab covariance quad:1*\(d):d=\(d) --population N --kept 1000` measures κ (the fitted scale) at a trial N.",
          "Solve A_d·λ_ES^(−2/d) = δ for λ_ES, with A_d = (2/d)Γ(1 + 2/d)Γ(d/2 + 1)^(2/d).",
        ]
      },
      referenceAnswer: { seed in LessonFormat.number(Self.target(seed).rounded()) },
      judge: { answer, seed in
        let lambda = try LessonSupport.number(answer, expecting: "a population λ_ES")
        guard lambda >= 2 else { throw InputError.answer(answer, problem: "λ_ES = \(answer) must be at least 2") }
        let (d, delta) = Self.instance(seed)
        let target = Self.target(seed)
        guard abs(lambda / target - 1) <= 0.1 else {  // a wrong answer does not reveal the right one
          return ExerciseVerdict(passed: false, lines: [
            "✗ your λ_ES = \(LessonFormat.number(lambda)) is not within 10% of the λ_ES that makes κ = \(LessonFormat.number(delta)) in d = \(d)"
          ])
        }
        var lines = [
          "A_\(d) = \(LessonFormat.short(Self.prefactor(d))); κ = \(LessonFormat.number(delta)) at λ_ES = (A_d/δ)^(d/2) = \(LessonFormat.number(target.rounded()))"
        ]
        if lambda <= 1e5 {
          let exact = KappaConstant.exactIsotropic(lambda: Int(lambda.rounded()), dimension: d)
          lines.append("at your λ_ES the exact (finite-λ_ES) κ is \(LessonFormat.short(exact)): the asymptotic formula is optimistic")
        }
        lines.append("✓ your λ_ES = \(LessonFormat.number(lambda)) (±10%)")
        return ExerciseVerdict(passed: true, lines: lines)
      })
  }
}
