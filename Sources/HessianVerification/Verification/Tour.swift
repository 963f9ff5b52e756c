import Foundation

/// `hessian-lab tour`: one degenerate landscape end to end, non-interactive.
///
/// Sections: known answers; eigenvalue counting with its HVP cost (and the
/// single-vector Lanczos multiplicity trap against the block range finder);
/// the covariance read-out with its loss-evaluation cost and what it gets wrong
/// (on a non-quadratic minimum it exceeds rank H); the learning-coefficient
/// bounds, the exact value and two independent estimates (volume scaling by
/// multilevel splitting, SGLD as in devinterp) with their costs and standard
/// errors; the head-to-head table and verdict; how the cost grows with d;
/// where the lessons start. The head-to-head runs all three families (HVP
/// counting, (1,λ) sampling, the adaptive CMA-ES route) and its verdict names
/// the cheapest method of each and the ratios between the best of each. Everything is seeded from ``SeedTable`` (the same
/// output every run, except timings and the measured HVP cost).
///
/// Cost: most of the time goes to the head-to-head (``MethodComparison``) and the
/// d-sweep (``DimensionSweep``); `quick` uses small seed counts and a two-point sweep.
/// The tour's last line states its running time.
public enum Tour {
  /// The tour's landscape: rank 5 of d = 20 in a random basis (15 flat directions).
  public static let landscapeID = "quad-rank-deficient"
  /// The non-quadratic landscape where the covariance read-out is wrong at every n.
  public static let nonQuadraticID = "newton-flat"
  /// The landscape with an exact 12-fold eigenvalue (the Lanczos multiplicity trap).
  public static let multipletID = "quad-multiplet"

  /// Runs the tour and returns its text, section by section, through `emit`.
  ///
  /// - Parameters:
  ///   - quick: small seed counts, samples and sweep (for tests and a first look).
  ///   - progress: one-line status messages between (and inside) sections, for
  ///     standard error on a terminal; `nil` for none.
  ///   - emit: receives the report, a line (or a multi-line plot) at a time.
  public static func run(
    quick: Bool, progress: (@Sendable (String) -> Void)? = nil, emit: (String) -> Void
  ) async throws {
    let clock = ContinuousClock()
    let start = clock.now
    func g(_ x: Double) -> String { String(format: "%.3g", x) }
    func seconds() -> Double {
      let e = start.duration(to: clock.now)
      return Double(e.components.seconds) + Double(e.components.attoseconds) * 1e-18
    }
    func section(_ title: String) {
      progress?(String(format: "tour: %@ (%.0f s so far)", title, seconds()))
      emit("\n== \(title) ==")
    }

    let land = try LandscapeSpec.resolve(landscapeID)
    let d = land.dimension
    emit("HessianLab tour\(quick ? " (quick)" : ""): is the Hessian rank cheaper by counting eigenvalues with HVPs, or by the covariance of selected samples?")
    emit("landscape \(landscapeID): \(Zoo.entry(id: landscapeID)?.summary ?? "") — spec \(Zoo.entry(id: landscapeID)?.spec ?? "")")

    section("1. Known answers (by construction)")
    let report = LandscapeReport(land)
    emit("d = \(d), rank(H) = \(report.rank.map(String.init) ?? "?"), λ_LLC = \(report.learningCoefficientExact ?? "?") (quadratic: r/2)")
    emit("bounds from the rank: r/2 = \(report.lowerBoundExact ?? "?") ≤ λ_LLC ≤ r/2 + (d − r)/4 = \(report.upperBoundExact ?? "?")")
    let truth = report.rank ?? 0

    section("2. Counting eigenvalues with Hessian-vector products")
    // The Hessian seen only through products (its matrix hidden), so dense pays its d HVPs.
    func op() -> HessianOperator { HessianOperator(productsOnlyOf: land) }
    let dense = try DenseRank.rank(of: op())
    emit("dense:   rank \(dense.rank) with \(dense.hessianVectorProducts) HVPs (one per unit vector) + an O(d³) eigendecomposition")
    var rng = SeededGenerator(seed: SeedTable.seed(for: "tour/block"))
    let block = try BlockKrylovRank.rank(of: op(), testVectors: 10, using: &rng)
    emit("block:   rank \(block.rank) with \(block.hessianVectorProducts) HVPs (range finder: r + 10 test vectors, then r for Rayleigh–Ritz); seed \(rng.seed)")
    var lrng = SeededGenerator(seed: SeedTable.seed(for: "tour/lanczos"))
    let lz = try LanczosRank.rank(of: op(), using: &lrng)
    emit("lanczos: rank \(lz.rank) with \(lz.hessianVectorProducts) HVPs (the Krylov space is exhausted after r + 1 steps; distinct eigenvalues only)")
    var srng = SeededGenerator(seed: SeedTable.seed(for: "tour/slq"))
    let sl = try StochasticLanczosQuadrature.rank(of: op(), probes: 100, using: &srng)
    emit("slq:     tr P = \(g(sl.estimate ?? 0)) ± \(g(sl.standardError ?? 0)) with \(sl.hessianVectorProducts) HVPs (stochastic: ≈ 30.7·r(1 − r/d) probes for an exact integer at 95%)")
    // The multiplicity trap (theory §3.2): an exact 12-fold eigenvalue is one Krylov direction.
    let multiplet = try LandscapeSpec.resolve(multipletID)
    let mOp = HessianOperator(landscape: multiplet)
    var mlr = SeededGenerator(seed: SeedTable.seed(for: "tour/multiplet-lanczos"))
    let mLanczos = try LanczosRank.rank(of: mOp, using: &mlr)
    var mbr = SeededGenerator(seed: SeedTable.seed(for: "tour/multiplet-block"))
    let mBlock = try BlockKrylovRank.rank(of: mOp, testVectors: 10, using: &mbr)
    let mTruth = multiplet.knownAnswers.rank.value ?? 0
    emit("the Lanczos multiplicity trap — \(multipletID) (\(Zoo.entry(id: multipletID)?.summary ?? ""), rank \(mTruth)):")
    emit("  lanczos: rank \(mLanczos.rank) with \(mLanczos.hessianVectorProducts) HVPs \(mLanczos.rank == mTruth ? "(exact)" : "(WRONG: one Krylov vector sees the 12-fold eigenvalue once)")")
    emit("  block:   rank \(mBlock.rank) with \(mBlock.hessianVectorProducts) HVPs \(mBlock.rank == mTruth ? "(exact: a block of r + 10 vectors resolves multiplicities)" : "(WRONG)")")
    for w in mLanczos.warnings.prefix(1) { emit("  lanczos warned [\(w.code.rawValue)]: \(w.message)") }
    let spectrum = dense.eigenvalues.map { max(abs($0), 1e-18) }
    emit(TerminalPlot.render(
      PlotModel(
        title: "|eigenvalues| of H (dense reference), τ = \(g(dense.threshold))", xLabel: "index", yLabel: "|λ|",
        series: [.init(name: "|λ_i|", x: spectrum.indices.map { Double($0 + 1) }, y: spectrum, style: .points)],
        logY: true, horizontalRules: [(dense.threshold, "τ")]), width: 50, height: 10))

    section("3. The covariance read-out: loss evaluations, and what it gets wrong")
    let sampler = try SelectionSampler(population: 100, sigma: 1)
    for n in [2 * d, 8 * d] {
      let s = SeedTable.seed(for: "tour/covariance", index: n)
      let sample = try await sampler.sample(land, kept: n, seed: s)
      let values = try SymmetricEigen.values(of: sample.moments.secondMoment)
      let ro = try CovarianceRankReadout.read(eigenvalues: values, kept: n, sigma: 1)
      emit("n = \(n) kept points (λ = 100, σ = 1): read-out rank \(ro.rank) \(ro.rank == truth ? "(exact)" : "(WRONG: exact is \(truth))"), \(sample.lossEvaluations) loss evaluations counted, τ = σ²(1 − √(d/n))² = \(g(ro.threshold)); seed \(s)")
      if n == 8 * d {
        emit(TerminalPlot.render(
          PlotModel(
            title: "eigenvalues of the kept points' second moment (n = \(n)); null block ≈ σ² = 1", xLabel: "index",
            yLabel: "eigenvalue", series: [.init(name: "e_i(Ĉ)", x: ro.eigenvalues.indices.map { Double($0 + 1) }, y: ro.eigenvalues, style: .points)],
            horizontalRules: [(ro.threshold, "τ")]), width: 50, height: 10))
      }
    }
    let flat = try LandscapeSpec.resolve(nonQuadraticID)
    let fs = try await sampler.sample(flat, kept: 40 * flat.dimension, seed: SeedTable.seed(for: "tour/flat"))
    let fro = try CovarianceRankReadout.read(
      eigenvalues: try SymmetricEigen.values(of: fs.moments.secondMoment), kept: 40 * flat.dimension, sigma: 1)
    let fr = flat.knownAnswers.rank.value ?? 0
    emit("off the quadratic: \(nonQuadraticID) (x² + y⁴ + 3 flat, rank(H) = \(fr), λ_LLC = 3/4): the read-out says \(fro.rank) at every n — selection is rank-based, so y⁴ looks curved (theory §4.6);")
    emit("  plugged into the lower bound r/2 ≤ λ_LLC it would claim \(Rational(fro.rank, 2)) ≤ 3/4 \(Rational(fro.rank, 2) <= Rational(3, 4) ? "(still true here)" : "— FALSE")")

    section("4. The learning coefficient: bounds, exact value and two estimates")
    let b = LandscapeReport.bounds(rank: block.rank, dimension: d)
    emit("from the measured rank \(block.rank): \(b.lower) ≤ λ_LLC ≤ \(b.upper); exact λ_LLC = \(report.learningCoefficientExact ?? "?") (at the lower bound: a quadratic is regular on its range)")
    let exactLLC = ExactLearningCoefficient(of: land)
    let volumeConfig = VolumeScalingEstimator.Configuration(
      epsilonMin: 1e-10, epsilonMax: 1e-3, replicates: quick ? 4 : 16,
      splitting: .init(particles: quick ? 32 : 128, movesPerIteration: quick ? 10 : 20))
    let sgldConfig = SGLDEstimator.Configuration(
      sampleSize: 10_000, localisation: 1, chains: quick ? 4 : 16, steps: quick ? 4_000 : 40_000, burnIn: quick ? 1_000 : 8_000)
    func estimates(on l: any Landscape, tag: String) throws -> (VolumeScalingEstimate, SGLDEstimate) {
      let ex = ExactLearningCoefficient(of: l)
      progress?("tour: volume-scaling estimate on \(l.name) …")
      var vr = SeededGenerator(seed: SeedTable.seed(for: "tour/volume/\(tag)"))
      let v = try VolumeScalingEstimator.estimate(on: l, multiplicity: ex.multiplicity ?? 1, configuration: volumeConfig, using: &vr)
      progress?("tour: SGLD estimate on \(l.name) …")
      var sr = SeededGenerator(seed: SeedTable.seed(for: "tour/sgld/\(tag)"))
      let sg = try SGLDEstimator.estimate(on: l, configuration: sgldConfig, using: &sr)
      return (v, sg)
    }
    func estimateLines(_ v: VolumeScalingEstimate, _ sg: SGLDEstimate, exact: Double?, seedTag: String) -> [String] {
      func zs(_ x: Double?, _ se: Double?) -> String {
        guard let x, let se, se > 0, let e = exact else { return "" }
        return String(format: ", %.1f SE from exact", abs(x - e) / se)
      }
      var out = [
        "  volume scaling  λ̂ = \(g4(v.value)) ± \(g4(v.standardError))\(zs(v.value, v.standardError))  — slope of log P(K < ε) over ε ∈ [\(g(v.epsilonMin)), \(g(v.epsilonMax))], m = \(v.multiplicity);",
        "                  cost \(v.gradientEvaluations) gradient + \(v.lossEvaluations) loss evaluations (\(v.replicates) splitting runs × \(v.particles) particles; \(v.plainMonteCarloPhrase))",
        "  SGLD            λ̂ = \(g4(sg.value)) ± \(g4(sg.standardError))\(zs(sg.value, sg.standardError))  — nβ(E[L] − L*), n = 10⁴ (nβ = \(g(sg.nBeta))), γ = \(g(sg.localisation)), \(sg.chains) chains × \(sg.steps) steps;",
        "                  cost \(sg.gradientEvaluations) gradient + \(sg.lossEvaluations) loss evaluations; seeds from tour/volume/\(seedTag), tour/sgld/\(seedTag)",
      ]
      for (c, t) in sg.traces.prefix(4).enumerated() {
        out.append("    " + Sparkline.line(label: String(format: "chain %2d", c), values: t))
      }
      if sg.traces.count > 4 { out.append("    (\(sg.traces.count - 4) more chains; nβ(L − L*) per chain, burn-in included)") }
      out += (v.warnings.map { "  volume warning: \($0.message)" } + sg.warnings.map { "  sgld warning: \($0.message)" })
      return out
    }
    let (vol, sg) = try estimates(on: land, tag: "main")
    let exactValue = exactLLC.value?.doubleValue
    emit("two independent estimates on \(landscapeID) (exact \(exactLLC.value?.description ?? "?") = \(g4(exactValue))):")
    for line in estimateLines(vol, sg, exact: exactValue, seedTag: "main") { emit(line) }
    // Off the quadratic: the read-out's rank breaks the lower bound; the estimates see it.
    let flatExact = ExactLearningCoefficient(of: flat)
    let coverBounds = LearningCoefficientBounds(rank: fro.rank, dimension: flat.dimension, source: .covarianceReadout)
    let hessianBounds = LearningCoefficientBounds(rank: fr, dimension: flat.dimension, source: .hessian)
    emit("on \(nonQuadraticID) (exact λ_LLC = \(flatExact.value?.description ?? "?")): bounds from rank(H) = \(fr): [\(hessianBounds.lower), \(hessianBounds.upper)] \(flatExact.value.map { hessianBounds.contains($0) ? "contain it (upper bound attained)" : "MISS it" } ?? ""); from the covariance read-out's \(fro.rank): [\(coverBounds.lower), \(coverBounds.upper)] \(flatExact.value.map { coverBounds.contains($0) ? "contain it" : "MISS it — the read-out is not rank(H)" } ?? "")")
    let (fvol, fsg) = try estimates(on: flat, tag: "flat")
    for line in estimateLines(fvol, fsg, exact: flatExact.value?.doubleValue, seedTag: "flat") { emit(line) }
    emit("more: `hessian-lab llc LANDSCAPE --method all` (the estimators' biases: theory §6.1 and §6.3)")

    section("5. Head to head: budget until exact with the stated probability")
    var cfg = ComparisonConfiguration()
    if quick {
      cfg.confidence = 0.8
      cfg.risk = 0.2
      cfg.keptCapFactor = 16
      cfg.slqProbeCap = 256
      cfg.minimumSeedsBeforeAbandon = 3
    }
    // All three families: HVP counting, (1,λ) sampling and the adaptive CMA-ES route, at the same
    // confidence and seeds (the comparison's verdict then names the cheapest of each family).
    cfg.methods = ComparedMethod.defaultMethods + [.cma]
    let cmaPopulation = CMAESParameters.defaultPopulation(dimension: d)
    emit("three families: HVP counting (dense, lanczos, block, slq), (1,λ) sampling (covariance, λ = \(cfg.population), σ = \(g(cfg.sigma))), and the adaptive route cma (CMA-ES, λ = \(cmaPopulation), σ₀ = \(g(cfg.sigma)), loss evaluations doubling from 2λd = \(2 * cmaPopulation * d) up to \(cfg.cmaCapFactor)λd); every method at the same confidence and seeds\(quick ? " (quick: c = \(g(cfg.confidence)) with \(cfg.seedsPerLevel) seeds per budget instead of 0.95 with 59)" : "")")
    let cmp = try await MethodComparison.compare(land, configuration: cfg, progress: progress)
    for line in cmp.reportLines { emit(line) }

    section("6. How the cost grows with d (quadratics, rank fraction 0.1)")
    var sweepCfg = cfg
    sweepCfg.methods = [.block, .lanczos, .covariance]
    if !quick {
      sweepCfg.confidence = 0.9
      sweepCfg.risk = 0.1
      sweepCfg.maxLossEvaluationsPerRun = 1_000_000
    }
    let sweep = try await DimensionSweep.run(dimensions: quick ? [10, 20] : [10, 30, 100], rankFraction: 0.1, configuration: sweepCfg, progress: progress)
    for line in DimensionSweep.tableLines(sweep) { emit(line) }
    emit(TerminalPlot.render(DimensionSweep.plot(sweep), width: 50, height: 12))
    emit("full sweep with an SVG: hessian-lab compare --sweep d=10,30,100,300,1000 --svg sweep.svg")
    emit("cma is left out of this sweep (its budget search takes seconds to minutes per d where the others take milliseconds); with it: hessian-lab compare --sweep d=10,20 --method block --method covariance --method cma")

    section("Verdict")
    emit(cmp.verdict)
    emit("\nWhere to go next: the guided lessons — `hessian-lab lesson list` to see them, `hessian-lab lesson start 1` to begin (lesson 1, Hessian rank);")
    emit("`hessian-lab verify --quick` checks the whole corpus against its known answers.")
    emit(String(format: "tour finished in %.1f s", seconds()))
  }
}

/// Four decimals, or "—" for nil.
private func g4(_ x: Double?) -> String {
  guard let x, x.isFinite else { return "—" }
  return String(format: "%.4f", x)
}
