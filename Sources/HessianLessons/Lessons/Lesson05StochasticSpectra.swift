import Foundation

/// Lesson 5: stochastic spectra (Hutchinson, Hutch++, SLQ) and why an exact
/// integer rank by trace estimation is expensive.
///
/// For a projector P of rank r, tr P = r, and one Rademacher probe has variance
/// ≈ 2r(1 − r/d). Rounding to the exact integer with 95% probability needs
/// ℓ₉₅ = (1.96/0.5)²·Var ≈ 15.4·Var probes — linear in r — while Hutch++ with
/// 3r products and the block range finder with ≈ 2r + 10 are exact
/// (theory §3.6).
public struct Lesson05StochasticSpectra: LessonProgram {
  /// The lesson's position in the course, 5 (folder `05-stochastic-spectra`).
  public let number = 5
  /// The topic id `stochastic-spectra`, matching the manifest entry and the folder `05-stochastic-spectra`.
  public let id = "stochastic-spectra"
  /// The projector (all nonzero eigenvalues 1).
  public var projector = "quad:1*10:d=100:seed=11"
  /// A Hessian with a spread spectrum, for SLQ.
  public var spreadHessian = "quad:0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1:d=100:seed=12"
  /// The trace estimator under test (a test injects a biased one).
  public var traceEstimator: @Sendable (HessianOperator, Int, SeededGenerator) throws -> TraceEstimate = { op, probes, rng in
    var g = rng
    return try TraceEstimators.hutchinson(of: op, probes: probes, distribution: .rademacher, using: &g)
  }
  /// Repetitions of each Hutchinson experiment.
  public var repetitions = 60

  /// The lesson with its default parameters, as ``LessonCatalog`` runs it.
  public init() {}

  /// Measures the per-probe variance of ``traceEstimator`` on ``projector``, repeats the estimate
  /// ``repetitions`` times with 30 and with ℓ₉₅ probes, and compares with Hutch++, the block range finder
  /// and SLQ on ``spreadHessian``; every random stream is a child of `seed`.
  ///
  /// - Throws: ``InputError`` when an injected parameter is invalid (e.g. a landscape spec that
  ///   does not resolve); otherwise the errors of the numerical routines it calls.
  public func run(seed: UInt64) async throws -> LessonRun {
    var r = LessonRun()
    let land = try LessonSupport.landscape(projector)
    let d = land.dimension
    let rank = land.knownAnswers.rank.value ?? 0
    let root = SeededGenerator(seed: seed)
    // Per-probe variance from one long run.
    let pilot = try traceEstimator(HessianOperator(landscape: land), 2000, root.child(0))
    let variance = pilot.standardError * pilot.standardError * 2000
    let theory = 2 * Double(rank) * (1 - Double(rank) / Double(d))
    let l95 = Int((15.37 * variance).rounded(.up))
    r.show("variance", [
      "P = projector of rank r = \(rank) in d = \(d) (\(land.name))",
      "one Rademacher probe vᵀPv: variance \(LessonFormat.short(variance)) measured over 2000 probes (theory 2r(1 − r/d) = \(LessonFormat.short(theory)))",
    ])
    r.predict(
      "probes", question: "Rounding the estimate of tr P to the nearest integer must give exactly \(rank), with 95% probability. About how many probes?",
      choices: ["about 10, one per unit of rank", "about 300", "about 30,000"],
      answer: l95 < 60 ? 0 : l95 < 3000 ? 1 : 2,
      reveal: "Need 1.96·√(Var/ℓ) < 1/2, so ℓ ≥ 15.4·Var = \(l95) probes: linear in r, and that is for a perfect projector.")

    func experiment(_ probes: Int, stream: UInt64) throws -> (estimates: [Double], exact: Double) {
      var estimates: [Double] = []
      for k in 0..<repetitions {
        let op = HessianOperator(landscape: land)
        estimates.append(try traceEstimator(op, probes, root.child(stream * 10_000 + UInt64(k))).value)
      }
      let exact = Double(estimates.filter { Int($0.rounded()) == rank }.count) / Double(repetitions)
      return (estimates, exact)
    }
    let few = try experiment(30, stream: 1), many = try experiment(l95, stream: 2)
    var histogram: [(label: String, value: Double)] = []
    for k in (rank - 3)...(rank + 3) {
      let count = few.estimates.filter { Int($0.rounded()) == k }.count
      histogram.append((label: "rounds to \(k)" + (k == rank ? " ✓" : ""), value: Double(count)))
    }
    r.show("experiment", [
      "\(repetitions) repetitions with ℓ = 30 probes — where the rounded estimate lands:",
    ] + LessonFormat.linearBars(histogram, maximum: Double(repetitions) / 2) + [""] + LessonFormat.table(
      ["probes ℓ", "HVPs per estimate", "P(rounded = \(rank))", "sd of estimate"],
      [few, many].enumerated().map { k, e in
        let mean = e.estimates.reduce(0, +) / Double(e.estimates.count)
        let sd = (e.estimates.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(e.estimates.count - 1)).squareRoot()
        return ["\(k == 0 ? 30 : l95)", "\(k == 0 ? 30 : l95)", LessonFormat.short(e.exact), LessonFormat.short(sd)]
      }))

    // Deterministic alternatives.
    var hppRng = root.child(3)
    let hpp = try TraceEstimators.hutchPlusPlus(of: HessianOperator(landscape: land), matvecs: 3 * rank, using: &hppRng)
    var blockRng = root.child(4)
    let block = try BlockKrylovRank.rank(of: HessianOperator(landscape: land), using: &blockRng)
    // SLQ on a spread spectrum: counts eigenvalues above τ = 0.05.
    let spread = try LessonSupport.landscape(spreadHessian)
    var slqRng = root.child(5)
    let slq = try StochasticLanczosQuadrature.rank(
      of: HessianOperator(landscape: spread), policy: .absolute(0.05), probes: 50, steps: 20, using: &slqRng)
    let slqTrue = spread.knownAnswers.rank.value ?? 0
    r.show("alternatives", LessonFormat.table(
      ["method", "estimate", "integer exact?", "HVPs"],
      [
        ["Hutchinson, ℓ₉₅ probes", "≈ \(rank) ± \(LessonFormat.short((variance / Double(l95)).squareRoot()))", "95% of the time", "\(l95)"],
        ["Hutch++ (sketch 3r)", LessonFormat.number(hpp.value), abs(hpp.value - Double(rank)) < 1e-8 ? "yes" : "no", "\(hpp.hessianVectorProducts)"],
        ["block range finder", "\(block.rank)", block.rank == rank ? "yes" : "no", "\(block.hessianVectorProducts)"],
        ["SLQ, 50 probes × 20 steps (spread spectrum)", "\(LessonFormat.short(slq.estimate ?? .nan)) ± \(LessonFormat.short(slq.standardError ?? .nan))",
         "true \(slqTrue)", "\(slq.hessianVectorProducts)"],
      ]))

    let all = few.estimates + many.estimates
    let mean = all.reduce(0, +) / Double(all.count)
    let pooledSE = (variance / Double(repetitions) * (1.0 / 30 + 1.0 / Double(l95)) / 2).squareRoot()
    r.check(
      "hutchinson-unbiased", abs(mean - Double(rank)) <= 4 * pooledSE,
      "mean of \(all.count) estimates \(LessonFormat.short(mean)), r = \(rank), 4 SE = \(LessonFormat.short(4 * pooledSE))")
    r.check("few-probes-miss", few.exact <= 0.8, "P(exact) with 30 probes = \(LessonFormat.short(few.exact))")
    r.check("enough-probes-hit", many.exact >= 0.85, "P(exact) with \(l95) probes = \(LessonFormat.short(many.exact))")
    r.check(
      "deterministic-is-cheaper",
      abs(hpp.value - Double(rank)) < 1e-8 && block.rank == rank && max(hpp.hessianVectorProducts, block.hessianVectorProducts) * 5 < l95,
      "Hutch++ \(LessonFormat.short(hpp.value)) with \(hpp.hessianVectorProducts) HVPs, block \(block.rank) with \(block.hessianVectorProducts), Hutchinson needs \(l95)")
    let slqSE = slq.standardError ?? .infinity
    r.check(
      "slq-close", abs((slq.estimate ?? .nan) - Double(slqTrue)) <= 3 * slqSE,
      "SLQ \(LessonFormat.short(slq.estimate ?? .nan)) ± \(LessonFormat.short(slqSE)), true \(slqTrue)")
    return r
  }

  /// The drawn instance: a projector of rank r in 80…200 in d = 4r, with a random basis B, from
  /// the instance seed. From r = 80 the answer 15.37·2r ≥ 2459 is more than 15% away from every
  /// other number in the lesson's text (probe counts such as 2000, citation years), so copying one
  /// cannot pass.
  static func instance(_ seed: UInt64) -> (rank: Int, spec: String) {
    var g = SeededGenerator(seed: seed)
    let r = Int.random(in: 80...200, using: &g), basis = Int.random(in: 1...999, using: &g)
    return (r, "quad:1*\(r):d=\(4 * r):seed=\(basis)")
  }

  /// Exercise on a drawn instance: ℓ₉₅, the number of Gaussian Hutchinson probes whose rounded
  /// estimate of tr P is the rank of the learner's projector with 95% probability; passes within
  /// ±15% of 15.37 × the per-probe variance measured now with 4000 probes (4000 HVPs). The judge
  /// throws ``InputError`` for a non-number.
  public var exercise: LessonExercise {
    LessonExercise(
      task: { seed in
        let (r, spec) = Self.instance(seed)
        return "Your instance: a projector of rank r = \(r), `\(spec)`."
      },
      hints: { seed in
        let (r, spec) = Self.instance(seed)
        return [
          "Hutchinson's estimate of tr P has a known variance per probe for a rank-r projector; rounding gives the right integer when the error is below 1/2.",
          "`hessian-lab rank \(spec) --method slq --probes ℓ --seed S` prints the stochastic estimate with its standard error for a trial ℓ; theory §3.6 has the one-probe variance.",
          "Require 1.96·√(Var/ℓ) < 1/2 with the one-probe variance for r = \(r), and solve for ℓ.",
        ]
      },
      referenceAnswer: { seed in "\(Int((15.37 * 2 * Double(Self.instance(seed).rank)).rounded()))" },
      judge: { answer, seed in
        let l = try LessonSupport.number(answer, expecting: "a number of probes")
        let (r, spec) = Self.instance(seed)
        // Far from 15.37·2r (the measured variance is within a few % of 2r with 4000 probes), the
        // answer fails without the 4000-HVP measurement.
        guard abs(l / (15.37 * 2 * Double(r)) - 1) <= 0.3 else {
          return ExerciseVerdict(passed: false, lines: ["✗ your ℓ = \(LessonFormat.number(l)) is not within 15% of ℓ₉₅ for rank \(r)"])
        }
        let p = try LessonSupport.landscape(spec)
        var rng = SeededGenerator(seed: seed)
        let est = try TraceEstimators.hutchinson(of: HessianOperator(landscape: p), probes: 4000, distribution: .gaussian, using: &rng)
        let variance = est.standardError * est.standardError * 4000
        let l95 = 15.37 * variance
        guard abs(l - l95) <= 0.15 * l95 else {  // a wrong answer does not reveal the right one
          return ExerciseVerdict(passed: false, lines: ["✗ your ℓ = \(LessonFormat.number(l)) is not within 15% of ℓ₉₅ for rank \(r)"])
        }
        return ExerciseVerdict(passed: true, lines: [
          "rank-\(r) projector: Gaussian probe variance measured over 4000 probes = \(LessonFormat.short(variance)) (theory 2r = \(2 * r))",
          "ℓ₉₅ = 15.37 · variance = \(LessonFormat.number(l95.rounded()))",
          "✓ your ℓ = \(LessonFormat.number(l)) (±15%)",
        ])
      })
  }
}
