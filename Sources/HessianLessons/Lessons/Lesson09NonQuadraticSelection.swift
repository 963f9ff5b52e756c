import Foundation

/// Lesson 9: non-quadratic minima — what selection cannot see.
///
/// (1,λ) selection uses only the ranking of losses, so x⁴ = (x²)² gives
/// bit-identical winners to x²: the covariance read-out reports 1 for x⁴,
/// whose Hessian is 0, and used as a rank it breaks r/2 ≤ λ_LLC. The σ-scaling
/// of the winners' loss *values* tells them apart (theory §4.6).
public struct Lesson09NonQuadraticSelection: LessonProgram {
  /// The lesson's position in the course, 9 (folder `09-non-quadratic-selection`).
  public let number = 9
  /// The topic id `non-quadratic-selection`, matching the manifest entry and the folder `09-non-quadratic-selection`.
  public let id = "non-quadratic-selection"
  /// The quadratic, x² (`nc-x2`), whose kept points the quartic's are compared with.
  public var quadraticLandscape = "nc-x2"
  /// The landscape claimed to be a monotone transform of the quadratic (a
  /// test injects one that is not).
  public var quarticLandscape = "nc-x4"
  /// The population λ_ES of the (1,λ) selection, candidates per round; also used by the zoo tour, the
  /// σ-scaling diagnostic and the exercise.
  public var population = 10
  /// Kept points of each selection run, and per σ in the σ-scaling diagnostic; a read-out uses at
  /// least 20·d.
  public var kept = 400

  /// The lesson with its default parameters, as ``LessonCatalog`` runs it.
  public init() {}

  /// The read-out of `land` at σ = 1 and the Hessian rank computed from HVPs.
  static func readout(_ land: any Landscape, population: Int, kept: Int, seed: UInt64) async throws -> (readout: CovarianceRankReadout, rank: Int, sample: SelectionSample) {
    let n = max(kept, 20 * land.dimension)
    let s = try await LessonSupport.selection(land, population: population, sigma: 1, kept: n, seed: seed)
    let readout = try CovarianceRankReadout.read(eigenvalues: s.eigenvalues, kept: n, sigma: 1)
    let rank = try LessonSupport.hessianRank(land, seed: seed).rank
    return (readout, rank, s.sample)
  }

  /// Compares the (1,λ) winners and read-outs of ``quadraticLandscape`` and ``quarticLandscape`` drawn
  /// with the same seed, tours five zoo landscapes comparing read-out/2 with λ_LLC, and fits the σ-scaling
  /// slope of the winners' loss for both; all seeds derive from `seed`.
  ///
  /// - Throws: ``InputError`` when an injected parameter is invalid (e.g. a landscape spec that
  ///   does not resolve); otherwise the errors of the numerical routines it calls.
  public func run(seed: UInt64) async throws -> LessonRun {
    var r = LessonRun()
    let quad = try LessonSupport.landscape(quadraticLandscape)
    let quart = try LessonSupport.landscape(quarticLandscape)
    let a = try await Self.readout(quad, population: population, kept: kept, seed: seed)
    let b = try await Self.readout(quart, population: population, kept: kept, seed: seed)
    r.show("setup", [
      "\(quad.name) and \(quart.name), d = 1; λ_ES = \(population) candidates per round, σ = 1, \(kept) rounds, the same seed for both",
    ])
    let identical = a.sample.moments == b.sample.moments
    r.predict(
      "winners", question: "Same seed, same candidates. How do the points kept on x⁴ compare with those kept on x²?",
      choices: ["identical, bit for bit", "x⁴'s are more spread out (it is flatter)", "x⁴'s are less spread out"],
      answer: identical ? 0 : (b.sample.moments.secondMoment[0, 0] > a.sample.moments.secondMoment[0, 0] ? 1 : 2),
      reveal: "x⁴ = (x²)² ranks the candidates in the same order, and selection only sees the order.")
    r.show("winners", LessonFormat.table(
      ["landscape", "variance of kept points", "mean L(winner)"],  // the read-out comes after its prediction
      [(quad, a), (quart, b)].map { land, x in
        [land.name, LessonFormat.short(x.sample.moments.secondMoment[0, 0]), LessonFormat.short(x.sample.meanExcessLoss)]
      }))
    r.predict(
      "x4-readout", question: "The read-out counts eigenvalues below σ²(1 − √(d/n))². What does it report for x⁴ (Hessian rank 0)?",
      choices: ["0", "1"], answer: b.readout.rank == 0 ? 0 : 1,
      reveal: "It counts directions that selection constrains at scale σ, whatever their order: an effective count, not rank(H).")

    // A zoo tour.
    var tour: [[String]] = []
    var breaks = false
    for (k, id) in ["nc-x2", "nc-x4", "nc-xy2", "nc-x2y4", "newton-edge"].enumerated() {
      let land = try LessonSupport.landscape(id)
      let x = try await Self.readout(land, population: population, kept: kept, seed: SeededGenerator.childSeed(root: seed, index: UInt64(k + 1)))
      let lambda = land.knownAnswers.learningCoefficient.value ?? Rational(0)
      let bound = Rational(x.readout.rank, 2)
      let broken = lambda < bound
      if id == quarticLandscape { breaks = breaks || broken }
      tour.append([id, "\(land.dimension)", "\(x.rank)", "\(x.readout.rank)", lambda.description, bound.description, broken ? "broken" : "ok"])
    }
    r.show("tour", LessonFormat.table(["landscape", "d", "rank(H)", "read-out", "λ_LLC", "read-out/2", "lower bound"], tour))
    let lambdaX4 = quart.knownAnswers.learningCoefficient.value ?? Rational(0)
    let brokenX4 = lambdaX4 < Rational(b.readout.rank, 2)

    // σ-scaling: values, not ranks.
    let sampler = try SelectionSampler(population: population, sigma: 1)
    let sa = try await SigmaScalingDiagnostic.run(quad, sampler: sampler, kept: kept, seed: seed)
    let sb = try await SigmaScalingDiagnostic.run(quart, sampler: sampler, kept: kept, seed: seed)
    r.show("sigma-scaling", [
      "slope of log E[L(winner)] against log σ over σ = 0.25, 0.5, 1:",
      "  \(quad.name): \(LessonFormat.short(sa.slope)) ± \(LessonFormat.short(sa.slopeStandardError))   (quadratic: 2)",
      "  \(quart.name): \(LessonFormat.short(sb.slope)) ± \(LessonFormat.short(sb.slopeStandardError))   (quartic: 4)",
    ])

    r.check("identical-winners", identical, "second moments \(LessonFormat.short(a.sample.moments.secondMoment[0, 0])) and \(LessonFormat.short(b.sample.moments.secondMoment[0, 0]))\(identical ? ", bit-identical" : "")")
    r.check("readout-exceeds-rank", b.readout.rank > b.rank, "\(quart.name): read-out \(b.readout.rank), rank(H) \(b.rank)")
    r.check("lower-bound-broken", brokenX4, "\(quart.name): read-out/2 = \(Rational(b.readout.rank, 2)) > λ_LLC = \(lambdaX4)")
    r.check(
      "sigma-scaling-tells", abs(sa.slope - 2) < 0.3 && abs(sb.slope - 4) < 0.5,
      "slopes \(LessonFormat.short(sa.slope)) and \(LessonFormat.short(sb.slope))")
    return r
  }

  /// The drawn instance: a dimension D in 3…6 and a Hessian rank r in 0…D − 2, from the instance seed.
  static func instance(_ seed: UInt64) -> (d: Int, rank: Int) {
    var g = SeededGenerator(seed: seed)
    let d = Int.random(in: 3...6, using: &g)
    return (d, Int.random(in: 0...(d - 2), using: &g))
  }

  /// Exercise on a drawn instance: a landscape spec with the learner's d and Hessian rank r whose
  /// covariance read-out (λ_ES = ``population``, σ = 1, ``kept`` points) exceeds r; the reference is
  /// a sum of r squares and d − r fourth powers. The judge throws ``InputError`` for a spec that
  /// does not resolve.
  public var exercise: LessonExercise {
    let lambda = population, n = kept
    return LessonExercise(
      task: { seed in
        let (d, r) = Self.instance(seed)
        return "Your instance: d = \(d), Hessian rank r = \(r); read-out at λ_ES = \(lambda), σ = 1, \(n) kept points."
      },
      hints: { _ in
        [
          "Selection keeps the candidate with the smallest loss: only the ranking of losses matters, so curvature of higher order looks like curvature.",
          "`hessian-lab describe SPEC` shows the Hessian rank; `hessian-lab covariance SPEC --population \(lambda) --kept \(n)` shows the read-out; `poly:` takes a polynomial in x0, x1, ….",
          "Keep r directions curved at second order and let the other d − r rise only at a higher order: the Hessian does not see them, selection does.",
        ]
      },
      referenceAnswer: { seed in
        let (d, r) = Self.instance(seed)
        return "poly:" + (0..<d).map { "x\($0)^\($0 < r ? 2 : 4)" }.joined(separator: "+")
      },
      judge: { answer, seed in
        let (d, r) = Self.instance(seed)
        let land = try LessonSupport.landscape(answer.trimmingCharacters(in: .whitespaces))
        guard land.dimension == d else {
          return ExerciseVerdict(passed: false, lines: ["✗ d = \(land.dimension) (want \(d))"])
        }
        return try await Self.verdict(land, rank: r, population: lambda, kept: n, seed: seed)
      })
  }

  /// Judges a spec of the right dimension: its Hessian rank is `rank`, its read-out (λ_ES =
  /// `population`, σ = 1) exceeds it, and the reason is higher-order curvature that selection sees
  /// and the Hessian does not: the second-order model (same H, same w*, same seed, hence the same
  /// candidates) reads fewer directions. An excess the quadratic shows as well is sampling noise
  /// and fails the reason line. Cost: two selection runs, 2d HVPs, dense eigendecompositions.
  static func verdict(_ land: any Landscape, rank r: Int, population lambda: Int, kept n: Int, seed: UInt64) async throws -> ExerciseVerdict {
    let x = try await Self.readout(land, population: lambda, kept: n, seed: seed)
    let okRank = x.rank == r, okReadout = x.readout.rank > x.rank
    let model = try await Self.readout(try LessonSupport.secondOrderModel(land), population: lambda, kept: n, seed: seed)
    let okReason = okReadout && model.readout.rank < x.readout.rank
    return ExerciseVerdict(passed: okRank && okReadout && okReason, lines: [
      "\(LessonFormat.mark(okRank)) Hessian rank \(x.rank) (want \(r))",
      "\(LessonFormat.mark(okReadout)) read-out \(x.readout.rank) (λ_ES = \(lambda), σ = 1, \(x.sample.kept) kept points) exceeds the Hessian rank",
      "\(LessonFormat.mark(okReason)) reason: the quadratic with the same Hessian and samples reads \(model.readout.rank)"
        + (okReason ? ": the excess comes from higher-order terms" : okReadout ? " too: the excess is sampling noise, not higher-order curvature" : ""),
    ])
  }
}
