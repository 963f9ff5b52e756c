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

  /// Answer: κ for `quad:1,10:d=2` at λ_ES = 1000; passes within ±15% of the asymptotic √10/1000 ≈ 0.00316,
  /// and the verdict also shows a live measurement with 2000 kept points. Reference `0.00316`; the judge
  /// throws ``InputError`` for a non-number.
  public var exercise: LessonExercise {
    LessonExercise(referenceAnswer: "0.00316") { answer, seed in
      let x = try LessonSupport.number(answer, expecting: "κ as a number")
      let kappa = KappaConstant.asymptotic(lambda: 1000, eigenvalues: [1, 10]) ?? .nan
      let land = try LessonSupport.landscape("quad:1,10:d=2")
      let s = try await LessonSupport.selection(land, population: 1000, sigma: 1, kept: 2000, seed: seed)
      let rel = try CovarianceHessianRelation.measure(covariance: s.covariance, hessian: land.denseHessianAtMinimum(), sigma: 1)
      let ok = abs(x / kappa - 1) <= 0.15
      return ExerciseVerdict(passed: ok, lines: [
        "κ(1000, 2) for det H = 10: √10/1000 = \(LessonFormat.short(kappa)); measured now with 2000 kept points: \(LessonFormat.short(rel.fittedScale))",
        "\(LessonFormat.mark(ok)) your κ = \(LessonFormat.short(x)) (±15%)",
      ])
    }
  }
}
