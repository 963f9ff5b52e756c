import Foundation

/// Lesson 11: measuring the learning coefficient — the volume law
/// P(K < ε) ≈ c ε^λ_LLC (−log ε)^{m−1} by rare-event splitting, and the SGLD
/// estimator λ̂ = nβ(E[L] − L(w*)) of Lau et al., with their known biases
/// (theory §6.1, §6.3).
public struct Lesson11MeasuringLLC: LessonProgram {
  /// The lesson's position in the course, 11 (folder `11-measuring-llc`).
  public let number = 11
  /// The topic id `measuring-llc`, matching the manifest entry and the folder `11-measuring-llc`.
  public let id = "measuring-llc"
  /// The landscape whose known λ_LLC is the reference (x² + y⁴, λ_LLC = 3/4).
  public var referenceLandscape = "newton-edge"
  /// The landscape the estimators actually run on (a test injects a different one).
  public var estimatedLandscape = "newton-edge"
  /// The multiplicity-2 landscape ((xy)², λ_LLC = 1/2).
  public var multiplicityLandscape = "nc-xy2"

  /// The lesson with its default parameters, as ``LessonCatalog`` runs it.
  public init() {}

  static let volume = VolumeScalingEstimator.Configuration(
    epsilonMin: 1e-8, epsilonMax: 1e-3, gridPoints: 11, replicates: 4,
    splitting: .init(particles: 48, movesPerIteration: 10))
  /// A step 5× the default (0.01/(nβ·max(1, h_max/2))) so 8 chains mix along the valleys of (xy)²
  /// in 40,000 steps; its Euler–Maruyama bias (≈ 2.5% up on x²) is inside ``SGLDEstimator/biasBand(lambda:multiplicity:estimate:)``.
  static let sgld = SGLDEstimator.Configuration(
    sampleSize: 10_000, localisation: 1, stepSize: 5e-5, chains: 8, steps: 40_000, burnIn: 8_000)

  /// Estimates λ_LLC on ``estimatedLandscape`` by volume scaling and by SGLD and compares both with the
  /// known λ_LLC of ``referenceLandscape``, then shows the multiplicity bias of both on
  /// ``multiplicityLandscape``; the estimators draw from child streams of `seed`.
  ///
  /// - Throws: ``InputError`` when an injected parameter is invalid (e.g. a landscape spec that
  ///   does not resolve); otherwise the errors of the numerical routines it calls.
  public func run(seed: UInt64) async throws -> LessonRun {
    var r = LessonRun()
    let reference = try LessonSupport.landscape(referenceLandscape)
    let truth = reference.knownAnswers.learningCoefficient.value?.doubleValue ?? .nan
    let land = try LessonSupport.landscape(estimatedLandscape)
    let root = SeededGenerator(seed: seed)
    var g1 = root.child(1), g2 = root.child(2), g3 = root.child(3), g4 = root.child(4)
    let vol = try VolumeScalingEstimator.estimate(on: land, multiplicity: 1, configuration: Self.volume, using: &g1)
    let sgld = try SGLDEstimator.estimate(on: land, configuration: Self.sgld, using: &g2)
    r.show("volume", [
      "\(reference.name) (λ_LLC = 3/4): log P(K < ε) against log ε, by multilevel splitting (\(vol.lossEvaluations) loss evaluations)",
    ] + LessonFormat.table(
      ["ε", "log P(K < ε)"],
      zip(vol.epsilons, vol.logTailProbabilities).enumerated().filter { $0.offset % 2 == 0 }.map { [LessonFormat.short($0.element.0), LessonFormat.short($0.element.1)] })
      + [
        "slope = λ̂ = \(LessonFormat.short(vol.value ?? .nan)) ± \(LessonFormat.short(vol.standardError ?? .nan))",
        Self.costComparison(vol),
      ])
    r.show("sgld", [
      "SGLD: n = 10⁴ (β = 1/log n), γ = 1, \(Self.sgld.chains) chains × \(Self.sgld.steps) steps (\(sgld.gradientEvaluations) gradients)",
      "λ̂ = nβ(E[L] − L(w*)) = \(LessonFormat.short(sgld.value ?? .nan)) ± \(LessonFormat.short(sgld.standardError ?? .nan))",
    ] + sgld.traces.prefix(2).enumerated().map { Sparkline.line(label: "  chain \($0.offset) nβ(L − L*)", values: $0.element, width: 40) })

    // Multiplicity: (xy)², λ_LLC = 1/2, m = 2.
    let xy = try LessonSupport.landscape(multiplicityLandscape)
    let xyTruth = xy.knownAnswers.learningCoefficient.value?.doubleValue ?? .nan
    let m = xy.knownAnswers.multiplicity.value ?? 1
    let xySGLD = try SGLDEstimator.estimate(on: xy, configuration: Self.sgld, using: &g3)
    let xyVol = try VolumeScalingEstimator.estimate(on: xy, multiplicity: m, configuration: Self.volume, using: &g4)
    let band = xySGLD.value.map { _ in SGLDEstimator.biasBand(lambda: xyTruth, multiplicity: m, estimate: xySGLD) }
    r.predict(
      "multiplicity", question: "(xy)² has λ_LLC = 1/2 with multiplicity m = 2 (two crossing valleys). What does SGLD at n = 10⁴ read?",
      choices: ["about 0.5", "clearly below 0.5", "above 0.6"],
      answer: { let v = xySGLD.value ?? 0; return v > 0.6 ? 2 : v < 0.46 ? 1 : 0 }(),
      reveal: "Z(t) ∝ t^(−λ_LLC)(log t)^(m−1): the log factor pulls the estimate down by about (m − 1)/log(nβ) = \(LessonFormat.short(Double(m - 1) / log(Self.sgld.nBeta))).")
    r.show("multiplicity", LessonFormat.table(
      ["estimator on (xy)²", "λ̂", "expected"],
      [
        ["SGLD", "\(LessonFormat.short(xySGLD.value ?? .nan)) ± \(LessonFormat.short(xySGLD.standardError ?? .nan))",
         band.map { "band \(LessonSupport.interval($0.lowerBound, $0.upperBound))" } ?? "—"],
        ["volume slope, naive (m = 1)", LessonFormat.short(xyVol.uncorrectedValue ?? .nan), "below 1/2"],
        ["volume slope, (m − 1) log term removed", "\(LessonFormat.short(xyVol.value ?? .nan)) ± \(LessonFormat.short(xyVol.standardError ?? .nan))", "1/2"],
      ]))

    let volErr = abs((vol.value ?? .nan) - truth)
    let volTol = max(3 * (vol.standardError ?? 0), 0.05)
    r.check("volume-recovers", volErr <= volTol, "λ̂ = \(LessonFormat.short(vol.value ?? .nan)), truth \(LessonFormat.short(truth)), tolerance \(LessonFormat.short(volTol))")
    let sgldBand = sgld.value.map { _ in SGLDEstimator.biasBand(lambda: truth, multiplicity: 1, estimate: sgld) }
    let sgldSE = sgld.standardError ?? 0
    let sgldOK = sgldBand.map { b in (sgld.value ?? .nan) >= b.lowerBound - 3 * sgldSE - 0.02 && (sgld.value ?? .nan) <= b.upperBound + 3 * sgldSE + 0.02 } ?? false
    r.check(
      "sgld-recovers", sgldOK,
      "λ̂ = \(LessonFormat.short(sgld.value ?? .nan)) ± \(LessonFormat.short(sgldSE)), band \(sgldBand.map { LessonSupport.interval($0.lowerBound, $0.upperBound) } ?? "—") ± 3 SE + 0.02")
    let xyValue = xySGLD.value ?? .nan, xySE = xySGLD.standardError ?? 0
    r.check(
      "multiplicity-bias",
      xyValue < xyTruth && (band.map { xyValue >= $0.lowerBound - 3 * xySE - 0.02 && xyValue <= $0.upperBound + 3 * xySE + 0.02 } ?? false),
      "(xy)²: λ̂ = \(LessonFormat.short(xyValue)) ± \(LessonFormat.short(xySE)) < 1/2, band \(band.map { LessonSupport.interval($0.lowerBound, $0.upperBound) } ?? "—")")
    r.check(
      "naive-slope-biased", (xyVol.uncorrectedValue ?? .nan) < (xyVol.value ?? .nan),
      "naive \(LessonFormat.short(xyVol.uncorrectedValue ?? .nan)) < corrected \(LessonFormat.short(xyVol.value ?? .nan))")
    return r
  }

  /// The splitting cost of `v` against plain Monte Carlo's ~100/P(K < ε_min) samples for 100 hits
  /// below ε_min (``VolumeScalingEstimate/plainMonteCarloEquivalent``), saying which is cheaper.
  static func costComparison(_ v: VolumeScalingEstimate) -> String {
    let splitting = "splitting: \(v.lossEvaluations) loss evaluations"
    guard let plain = v.plainMonteCarloEquivalent, plain.isFinite else { return splitting }
    let ratio = plain / Double(max(v.lossEvaluations, 1))
    return ratio >= 1
      ? "\(splitting); plain Monte Carlo would need ~\(LessonFormat.short(plain)) samples for 100 hits below ε = \(LessonFormat.short(v.epsilonMin)), \(LessonFormat.short(ratio))× more"
      : "\(splitting); plain Monte Carlo would need only ~\(LessonFormat.short(plain)) samples for 100 hits below ε = \(LessonFormat.short(v.epsilonMin)), \(LessonFormat.short(1 / ratio))× fewer: P(K < ε) is not small here"
  }

  /// The drawn instance: the normal crossing `poly:x0^A*x1^B` with A in {2, 4} and B in {6, 8, 10}
  /// (λ_LLC = 1/max(A, B), m = 1), from the instance seed.
  static func instance(_ seed: UInt64) -> (a: Int, b: Int, spec: String) {
    var g = SeededGenerator(seed: seed)
    let a = [2, 4].randomElement(using: &g)!, b = [6, 8, 10].randomElement(using: &g)!
    return (a, b, "poly:x0^\(a)*x1^\(b)")
  }

  /// Exercise on a drawn instance: the learning coefficient of the learner's normal crossing;
  /// passes within ±5% of its known value (the Newton polyhedron's, read from the landscape), and
  /// the verdict of a passing answer also shows a live volume-scaling estimate with its cost against
  /// plain Monte Carlo. The judge throws ``InputError`` for a non-number.
  public var exercise: LessonExercise {
    LessonExercise(
      task: { seed in "Your instance: `\(Self.instance(seed).spec)`." },
      hints: { seed in
        [
          "The learning coefficient is the exponent of the volume: P(K < ε) ~ c·ε^λ_LLC as the loss level ε → 0.",
          "`hessian-lab llc \(Self.instance(seed).spec) --method volume --seed S` estimates it from P(K < ε).",
          "For a normal crossing x^(2a)·y^(2b), λ_LLC = min(1/(2a), 1/(2b)) (theory §5.4): compare it with the estimate.",
        ]
      },
      referenceAnswer: { seed in
        let land = try LessonSupport.landscape(Self.instance(seed).spec)
        return String(format: "%.4g", land.knownAnswers.learningCoefficient.value?.doubleValue ?? .nan)
      },
      judge: { answer, seed in
        let x = try LessonSupport.number(answer, expecting: "a learning coefficient")
        let spec = Self.instance(seed).spec
        let land = try LessonSupport.landscape(spec)
        let known = land.knownAnswers.learningCoefficient.value
        let truth = known?.doubleValue ?? .nan
        guard abs(x / truth - 1) <= 0.05 else {  // a wrong answer does not reveal the right one
          return ExerciseVerdict(passed: false, lines: ["✗ your λ_LLC = \(LessonFormat.short(x)) is not within 5% of the learning coefficient of \(spec)"])
        }
        var rng = SeededGenerator(seed: seed)
        let vol = try VolumeScalingEstimator.estimate(on: land, multiplicity: 1, configuration: Self.volume, using: &rng)
        return ExerciseVerdict(passed: true, lines: [
          "\(spec): λ_LLC = \(known?.description ?? "?") = \(LessonFormat.short(truth)) (normal crossing); volume estimate now: \(LessonFormat.short(vol.value ?? .nan)) ± \(LessonFormat.short(vol.standardError ?? .nan))",
          Self.costComparison(vol),
          "✓ your λ_LLC = \(LessonFormat.short(x)) (±5%)",
        ])
      })
  }
}
