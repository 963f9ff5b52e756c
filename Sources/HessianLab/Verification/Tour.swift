import Foundation

/// `hessian-lab tour`: one degenerate landscape end to end, non-interactive.
///
/// Sections: known answers; eigenvalue counting with its HVP cost; the
/// covariance read-out with its loss-evaluation cost and what it gets wrong;
/// the learning-coefficient bounds; the head-to-head table and verdict; how the
/// cost grows with d; where the lessons start. Everything is seeded from
/// ``SeedTable`` (the same output every run, except timings).
public enum Tour {
  /// The tour's landscape: rank 5 of d = 20 in a random basis (15 flat directions).
  public static let landscapeID = "quad-rank-deficient"
  /// The non-quadratic landscape where the covariance read-out is wrong at every n.
  public static let nonQuadraticID = "newton-flat"

  /// Runs the tour and returns its text, section by section, through `emit`.
  ///
  /// - Parameter quick: small seed counts and sweep (for tests); the full tour
  ///   takes 1–2 minutes in a release build.
  public static func run(quick: Bool, emit: (String) -> Void) async throws {
    let clock = ContinuousClock()
    let start = clock.now
    func g(_ x: Double) -> String { String(format: "%.3g", x) }
    func section(_ title: String) { emit("\n== \(title) ==") }

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
    let counting = CountingLandscape(land)
    let wStar = land.minimum
    func op() -> HessianOperator {
      HessianOperator(dimension: d, name: land.name) { x, y in counting.hessianVectorProduct(at: wStar, x, into: &y) }
    }
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
      let l0 = counting.counter.lossEvaluations
      let sample = try await sampler.sample(counting, kept: n, seed: s)
      let values = try SymmetricEigen.values(of: sample.moments.secondMoment)
      let ro = try CovarianceRankReadout.read(eigenvalues: values, kept: n, sigma: 1)
      emit("n = \(n) kept points (λ = 100, σ = 1): read-out rank \(ro.rank) \(ro.rank == truth ? "(exact)" : "(WRONG: exact is \(truth))"), \(counting.counter.lossEvaluations - l0) loss evaluations counted, τ = σ²(1 − √(d/n))² = \(g(ro.threshold)); seed \(s)")
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
    emit("off the quadratic: \(nonQuadraticID) (x² + y⁴ + 3 flat, rank(H) = \(fr), λ_LLC = 3/4): the read-out says \(fro.rank) at every n — selection is rank-based, so y⁴ looks curved (math notes §2.5);")
    emit("  plugged into the lower bound r/2 ≤ λ_LLC it would claim \(Rational(fro.rank, 2)) ≤ 3/4 \(Rational(fro.rank, 2) <= Rational(3, 4) ? "(still true here)" : "— FALSE")")

    section("4. The learning coefficient")
    let b = LandscapeReport.bounds(rank: block.rank, dimension: d)
    emit("from the measured rank \(block.rank): \(b.lower) ≤ λ_LLC ≤ \(b.upper); exact λ_LLC = \(report.learningCoefficientExact ?? "?") (at the lower bound: a quadratic is regular on its range)")
    emit("(estimators of λ_LLC from samples: `hessian-lab llc --help`, where available)")

    section("5. Head to head: budget until exact with the stated probability")
    var cfg = ComparisonConfiguration()
    if quick {
      cfg.confidence = 0.8
      cfg.risk = 0.2
      cfg.keptCapFactor = 16
      cfg.slqProbeCap = 256
      cfg.minimumSeedsBeforeAbandon = 3
    }
    let cmp = try await MethodComparison.compare(land, configuration: cfg)
    for line in cmp.reportLines { emit(line) }

    section("6. How the cost grows with d (quadratics, rank fraction 0.1)")
    var sweepCfg = cfg
    sweepCfg.methods = [.block, .lanczos, .covariance]
    if !quick {
      sweepCfg.confidence = 0.9
      sweepCfg.risk = 0.1
      sweepCfg.maxLossEvaluationsPerRun = 1_000_000
    }
    let sweep = try await DimensionSweep.run(dimensions: quick ? [10, 20] : [10, 30, 100], rankFraction: 0.1, configuration: sweepCfg)
    for line in DimensionSweep.tableLines(sweep) { emit(line) }
    emit(TerminalPlot.render(DimensionSweep.plot(sweep), width: 50, height: 12))
    emit("full sweep with an SVG: hessian-lab compare --sweep d=10,30,100,300,1000 --svg sweep.svg")

    section("Verdict")
    emit(cmp.verdict)
    emit("\nWhere to go next: `hessian-lab lesson list` (the lessons start at lesson 1, Hessian rank); `hessian-lab verify --quick` checks the whole corpus.")
    let elapsed = start.duration(to: clock.now)
    emit(String(format: "tour finished in %.1f s", Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18))
  }
}
