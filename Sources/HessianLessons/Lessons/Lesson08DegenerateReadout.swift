import Foundation

/// Lesson 8: degenerate Hessians — the kept points' covariance is full rank;
/// rank(H) is the number of eigenvalues clearly below σ², read off against the
/// Marchenko–Pastur edge σ²(1 − √(d/n))² (conservative: the d − r null
/// eigenvalues' own band has (d − r)/n), which needs n > d and grows with the
/// largest range variance c_max, measured along H's weakest curved eigenvector
/// (theory §4.4, §4.5).
public struct Lesson08DegenerateReadout: LessonProgram {
  /// The lesson's position in the course, 8 (folder `08-degenerate-readout`).
  public let number = 8
  /// The topic id `degenerate-readout`, matching the manifest entry and the folder `08-degenerate-readout`.
  public let id = "degenerate-readout"
  /// The degenerate landscape (zoo id or spec) read out; its rank by construction is the reference.
  public var landscape = "quad-rank-deficient"
  /// The population λ_ES of the (1,λ) selection, candidates per round; also used by the exercise.
  public var population = 100
  /// The sampling centre's offset from w* (a test injects one: the read-out
  /// rule assumes sampling centred at the minimum).
  public var centerOffset: [Double]? = nil
  /// The numbers of kept points n, one selection run each: the checks expect the read-out to miss
  /// rank(H) with the first and to find it with the last.
  public var keptCounts = [30, 100, 300, 1500]

  /// The lesson with its default parameters, as ``LessonCatalog`` runs it.
  public init() {}

  /// Runs (1,λ) selection with λ_ES = ``population``, σ = 1, centred at w* plus ``centerOffset``, on
  /// ``landscape`` once for each of ``keptCounts``, and reads the rank off each covariance against the
  /// Marchenko–Pastur edge σ²(1 − √(d/n))²; the runs' seeds are children of `seed`.
  ///
  /// - Throws: ``InputError`` when an injected parameter is invalid (e.g. a landscape spec that
  ///   does not resolve); otherwise the errors of the numerical routines it calls.
  public func run(seed: UInt64) async throws -> LessonRun {
    var r = LessonRun()
    let land = try LessonSupport.landscape(landscape)
    let d = land.dimension
    let rank = land.knownAnswers.rank.value ?? -1
    let sigma = 1.0
    var rows: [(n: Int, readout: CovarianceRankReadout, eig: [Double], covariance: Matrix, evaluations: Int)] = []
    for (k, n) in keptCounts.enumerated() {
      let s = try await LessonSupport.selection(
        land, population: population, sigma: sigma, kept: n, seed: SeededGenerator.childSeed(root: seed, index: UInt64(k)),
        centerOffset: centerOffset)
      rows.append((
        n, try CovarianceRankReadout.read(eigenvalues: s.eigenvalues, kept: n, sigma: sigma), s.eigenvalues, s.covariance,
        s.sample.lossEvaluations))
    }
    let big = rows.last!
    let covRank = big.eig.filter { $0 > 1e-10 * (big.eig.last ?? 1) }.count
    r.show("setup", [
      "\(land.name): d = \(d), rank(H) = \(rank) (eigenvalues 1, 2, 4, 8, 16 in a random basis)",
      "(1,λ) selection, λ_ES = \(population), σ = \(LessonFormat.number(sigma)), centred at w*; C = second moment of the kept points about w*",
    ])
    r.predict(
      "covariance-rank", question: "H has rank \(rank). What is the rank of the covariance of \(big.n) kept points?",
      choices: ["\(rank), like H", "\(d - rank), the null space", "\(d), full rank"],
      answer: covRank == rank ? 0 : covRank == d - rank ? 1 : 2,
      reveal: "Along a null direction selection cannot prefer anything: the kept points keep their full variance σ² there. No eigenvalue is 0.")
    let edges = CovarianceRankReadout.nullBlockEdges(dimension: d, kept: big.n)
    let upper = sigma * sigma * edges.upper
    // The null block is (d − r)-dimensional: its own Marchenko–Pastur band has (d − r)/n.
    let nullEdges = CovarianceRankReadout.nullBlockEdges(dimension: d - max(rank, 0), kept: big.n)
    let nullLower = sigma * sigma * nullEdges.lower, nullUpper = sigma * sigma * nullEdges.upper
    // c_max: the kept points' variance vᵀCv along H's weakest curved eigenvector v.
    let hEigen = try SymmetricEigen.decomposition(of: land.denseHessian(at: land.minimum))
    let hDecision = NumericalRank.decide(eigenvalues: hEigen.values, dimension: d)
    var cmax = Double.nan
    if let weakest = (0..<d).filter({ abs(hEigen.values[$0]) > hDecision.threshold }).min(by: { abs(hEigen.values[$0]) < abs(hEigen.values[$1]) }) {
      cmax = 0
      for i in 0..<d { for j in 0..<d { cmax += hEigen.vectors[i, weakest] * big.covariance[i, j] * hEigen.vectors[j, weakest] } }
    }
    r.predict(
      "null-variance", question: "The \(d - rank) largest eigenvalues of C belong to the null space of H. They are close to…",
      choices: ["0", "σ² = 1", "σ²·κ, as for the curved directions"],
      answer: {
        let top = big.eig.suffix(d - max(rank, 0))
        let mean = top.reduce(0, +) / Double(max(top.count, 1))
        return mean < 0.3 ? 0 : abs(mean - 1) < 0.2 ? 1 : 2
      }(),
      reveal: "Exactly σ² in expectation, for every λ_ES: the winner's null coordinates are independent of the selection (notes §2.1).")
    let bars = big.eig.reversed().enumerated().map { (label: "e\($0.offset + 1)", value: $0.element) }
    r.show("spectrum", [
      "eigenvalues of C (n = \(big.n)); ┆ marks τ = σ²(1 − √(d/n))² = \(LessonFormat.short(big.readout.threshold)):",
    ] + LessonFormat.linearBars(bars, maximum: upper * 1.1, marker: big.readout.threshold))
    r.show("kept-points", LessonFormat.table(
      ["kept n", "loss evaluations", "τ = σ²(1 − √(d/n))²", "read-out", "largest counted", "smallest uncounted"],
      rows.map { [
        "\($0.n)", "\($0.evaluations)", LessonFormat.short($0.readout.threshold), "\($0.readout.rank)",
        $0.readout.largestCounted.map(LessonFormat.short) ?? "—", $0.readout.smallestUncounted.map(LessonFormat.short) ?? "—",
      ] }) + [
        "c_max = \(LessonFormat.short(cmax)) (the variance of the \(big.n) kept points along H's weakest curved eigenvector); "
          + "the planner's rule n ≳ 2.5·d/(1 − √(c_max/σ²))² gives n ≈ \(ReadoutPlan.keptNeeded(dimension: d, largestRangeVariance: cmax.isFinite ? cmax : 0.5, sigma: sigma))",
        "the largest counted eigenvalue of C, \(LessonFormat.short(big.readout.largestCounted ?? .nan)), is not c_max: the null block's "
          + "sampling noise pushes C's range eigenvalues down, so as an estimate of c_max it runs low",
      ])

    r.check("full-rank", covRank == d, "C has \(covRank) eigenvalues above 1e-10·max (d = \(d))")
    let nullBlock = big.eig.suffix(d - max(rank, 0))
    r.check(
      "null-block-is-sigma2", nullBlock.allSatisfy { $0 >= 0.95 * nullLower && $0 <= 1.05 * nullUpper },
      "null eigenvalues in \(LessonLibraryText.range(nullBlock)), band σ²(1 ± √((d − r)/n))² = \(LessonSupport.interval(nullLower, nullUpper)) ±5%; "
        + "the read-out's conservative band with d/n: \(LessonSupport.interval(big.readout.threshold, upper))")
    r.check("readout-equals-rank", big.readout.rank == rank, "n = \(big.n): read-out \(big.readout.rank), rank(H) = \(rank)")
    let small = rows.first!
    r.check("too-few-points-miss", small.readout.rank != rank, "n = \(small.n): read-out \(small.readout.rank), rank(H) = \(rank)")
    return r
  }
}
