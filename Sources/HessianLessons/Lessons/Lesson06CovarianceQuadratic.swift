import Foundation

/// Lesson 6: the covariance estimator on a quadratic — proportional, not
/// equal: C ≈ σ² κ(λ_ES, d) H⁻¹ (Shir & Yehudayoff, TCS 801:157–174, 2020; the
/// constant κ is derived in theory §4.2).
public struct Lesson06CovarianceQuadratic: LessonProgram {
  /// The lesson's position in the course, 6 (folder `06-covariance-quadratic`).
  public let number = 6
  /// The topic id `covariance-quadratic`, matching the manifest entry and the folder `06-covariance-quadratic`.
  public let id = "covariance-quadratic"
  /// The quadratic, H = diag(1, 10).
  public var landscape = "quad:1,10:d=2"
  /// The selection scheme (a test injects (μ,λ) truncation with μ/λ_ES = 1/2).
  public var scheme: SelectionScheme = .best
  /// Kept points per run.
  public var kept = 4000

  /// The lesson with its default parameters, as ``LessonCatalog`` runs it.
  public init() {}

  /// Runs ``scheme`` selection on ``landscape`` at σ = 1 with λ_ES = 100 (``kept`` points) and λ_ES = 1000
  /// (``kept``/2 points) and compares the fitted scale c of C ≈ c·σ²H⁻¹ with κ(λ_ES, d); the seeds of the two
  /// runs are children of `seed`.
  ///
  /// - Throws: ``InputError`` when an injected parameter is invalid (e.g. a landscape spec that
  ///   does not resolve); otherwise the errors of the numerical routines it calls.
  public func run(seed: UInt64) async throws -> LessonRun {
    var r = LessonRun()
    let land = try LessonSupport.landscape(landscape)
    let h = try land.denseHessianAtMinimum()
    let hEig = try SymmetricEigen.values(of: h)
    let sigma = 1.0
    var results: [(lambda: Int, relation: CovarianceHessianRelation, kappa: Double, c: Matrix, evaluations: Int)] = []
    for (k, lambda) in [100, 1000].enumerated() {
      let n = lambda == 100 ? kept : kept / 2
      let s = try await LessonSupport.selection(
        land, population: lambda, sigma: sigma, kept: n, seed: SeededGenerator.childSeed(root: seed, index: UInt64(k)), scheme: scheme)
      let rel = try CovarianceHessianRelation.measure(covariance: s.covariance, hessian: h, sigma: sigma)
      let kappa = KappaConstant.asymptotic(lambda: Double(lambda), eigenvalues: hEig) ?? .nan
      results.append((lambda, rel, kappa, s.covariance, s.sample.lossEvaluations))
    }
    let first = results[0]
    r.show("setup", [
      "\(land.name): H = diag(\(hEig.map(LessonFormat.number).joined(separator: ", "))), H⁻¹ = diag(\(hEig.map { LessonFormat.short(1 / $0) }.joined(separator: ", ")))",
      "each round: λ_ES = \(first.lambda) candidates from N(w*, σ²I), σ = 1; keep the best (\(scheme.summary)); \(kept) rounds",
    ])
    r.predict(
      "equal", question: "Is the covariance C of the kept points equal to H⁻¹ = diag(1, 0.1)?",
      choices: ["yes, C ≈ H⁻¹", "proportional: C ≈ c·H⁻¹ with c far below 1", "no relation"],
      answer: first.relation.relativeError < 0.1 ? (abs(first.relation.fittedScale - 1) < 0.2 ? 0 : 1) : 2,
      reveal: "C has H's eigenvectors and H⁻¹'s shape, scaled by κ(λ_ES, d) = \(LessonFormat.short(first.kappa)): the winners sit close to w*.")
    let c = first.c
    r.show("covariance", [
      "C (λ_ES = \(first.lambda), \(kept) kept points, \(first.evaluations) loss evaluations):",
      "  [[\(LessonFormat.short(c[0, 0])), \(LessonFormat.short(c[0, 1]))], [\(LessonFormat.short(c[1, 0])), \(LessonFormat.short(c[1, 1]))]]",
      "σ²·κ·H⁻¹ with κ(λ_ES, d) = (2/d)Γ(1+2/d)Γ(d/2+1)^(2/d)·det(H)^(1/d)·λ_ES^(−2/d) = \(LessonFormat.short(first.kappa)):",
      "  [[\(LessonFormat.short(first.kappa / hEig[0])), 0], [0, \(LessonFormat.short(first.kappa / hEig[1]))]]",
    ])
    r.predict(
      "lambda-tenfold", question: "λ_ES goes from 100 to 1000 candidates per round. The fitted constant c = C/(σ²H⁻¹) becomes…",
      choices: ["the same", "10× smaller", "100× smaller"],
      answer: {
        let ratio = results[0].relation.fittedScale / results[1].relation.fittedScale
        return ratio < 3 ? 0 : ratio < 30 ? 1 : 2
      }(),
      reveal: "κ ∝ λ_ES^(−2/d): in d = 2 exactly 1/λ_ES. More candidates put the winner closer to w*, so C shrinks toward 0, not toward H⁻¹.")
    r.show("relation", LessonFormat.table(
      ["λ_ES", "fitted c = C/(σ²H⁻¹)", "κ(λ_ES, d)", "rel. error ‖C/c − H⁻¹‖/‖H⁻¹‖", "measureCE"],
      results.map { [
        "\($0.lambda)", LessonFormat.short($0.relation.fittedScale), LessonFormat.short($0.kappa),
        LessonFormat.short($0.relation.relativeError), LessonFormat.short($0.relation.measureCE),
      ] }))

    r.check(
      "proportional", results.allSatisfy { $0.relation.relativeError < 0.1 },
      "relative errors \(results.map { LessonFormat.short($0.relation.relativeError) }.joined(separator: ", "))")
    r.check(
      "not-equal", results.allSatisfy { $0.relation.fittedScale < 0.1 },
      "fitted c \(results.map { LessonFormat.short($0.relation.fittedScale) }.joined(separator: ", "))")
    r.check(
      "kappa-formula", results.allSatisfy { abs($0.relation.fittedScale / $0.kappa - 1) < 0.15 },
      results.map { "λ_ES = \($0.lambda): c/κ = \(LessonFormat.short($0.relation.fittedScale / $0.kappa))" }.joined(separator: "; "))
    r.check(
      "shared-eigenvectors", results.allSatisfy { $0.relation.measureCE < 0.1 },
      "measureCE \(results.map { LessonFormat.short($0.relation.measureCE) }.joined(separator: ", "))")
    return r
  }

  /// The drawn instance: H = diag(h₁, h₂) with h₁ in 1…5, h₂ in 12…40, and λ_ES chosen so that
  /// κ lies in 0.15…0.8, a decade the lesson's own runs (κ ≈ 0.03 and 0.003) do not print; all
  /// from the instance seed. In d = 2 the asymptotic κ is exact for H = I at every λ_ES
  /// (the minimum of λ_ES exponentials), so a small λ_ES costs no accuracy.
  static func instance(_ seed: UInt64) -> (h: [Double], lambda: Int) {
    var g = SeededGenerator(seed: seed)
    let h1 = Double(Int.random(in: 1...5, using: &g)), h2 = Double(Int.random(in: 12...40, using: &g))
    let target = Double.random(in: 0.15...0.8, using: &g)
    return ([h1, h2], max(5, Int(((h1 * h2).squareRoot() / target).rounded())))
  }

  /// The instance's asymptotic κ(λ_ES, 2) = √det(H)/λ_ES.
  static func kappa(_ seed: UInt64) -> Double {
    let (h, lambda) = instance(seed)
    return KappaConstant.asymptotic(lambda: Double(lambda), eigenvalues: h) ?? .nan
  }

  /// Exercise on a drawn instance: κ for the learner's `quad:h₁,h₂:d=2` at the learner's λ_ES;
  /// passes within ±10% of the asymptotic κ, and the verdict also shows a live measurement with
  /// 1000 kept points (λ_ES·1000 loss evaluations). The judge throws ``InputError`` for a non-number.
  public var exercise: LessonExercise {
    LessonExercise(
      task: { seed in
        let (h, lambda) = Self.instance(seed)
        return "Your instance: `quad:\(h.map(LessonFormat.number).joined(separator: ",")):d=2` at λ_ES = \(lambda)."
      },
      hints: { seed in
        let (h, lambda) = Self.instance(seed)
        return [
          "On a quadratic C ≈ σ²κH⁻¹, and κ depends only on λ_ES, d and det H.",
          "`hessian-lab covariance quad:\(h.map(LessonFormat.number).joined(separator: ",")):d=2 --population \(lambda) --kept 2000` prints the fitted scale c/σ², a measurement of κ.",
          "In d = 2 the Gamma factors of κ are 1, so κ is a ratio of two numbers of your instance.",
        ]
      },
      referenceAnswer: { seed in String(format: "%.4g", Self.kappa(seed)) },
      judge: { answer, seed in
        let x = try LessonSupport.number(answer, expecting: "κ as a number")
        let (h, lambda) = Self.instance(seed)
        let kappa = Self.kappa(seed)
        let spec = "quad:\(h.map(LessonFormat.number).joined(separator: ",")):d=2"
        guard abs(x / kappa - 1) <= 0.1 else {  // a wrong answer does not reveal the right one
          return ExerciseVerdict(passed: false, lines: ["✗ your κ = \(LessonFormat.short(x)) is not within 10% of κ for \(spec) at λ_ES = \(lambda)"])
        }
        let land = try LessonSupport.landscape(spec)
        let s = try await LessonSupport.selection(land, population: lambda, sigma: 1, kept: 1000, seed: seed)
        let rel = try CovarianceHessianRelation.measure(covariance: s.covariance, hessian: land.denseHessianAtMinimum(), sigma: 1)
        return ExerciseVerdict(passed: true, lines: [
          "\(spec), λ_ES = \(lambda): κ = √det(H)/λ_ES = \(LessonFormat.short(kappa)); measured now with 1000 kept points: \(LessonFormat.short(rel.fittedScale))",
          "✓ your κ = \(LessonFormat.short(x)) (±10%)",
        ])
      })
  }
}
