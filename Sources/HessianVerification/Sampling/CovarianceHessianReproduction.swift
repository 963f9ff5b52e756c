import Foundation

/// A reproduction of the numerical validation of Shir & Yehudayoff, "On the
/// covariance–Hessian relation in evolution strategies", TCS 801:157–174 (2020),
/// arXiv:1806.03674, with theory §4.2, §1.5 and §4.4.
///
/// 1. S&Y's "ConditioningUp" setup (their code `ofersh/invHessian`): d = 4,
///    f(x) = xᵀHx + aᵀx, a = (1,1,1,1), H = R·diag(1 + i(c−1)/3)·Rᵀ with R the
///    normalised 4×4 Hadamard matrix, sampling N(0, I) at the origin — *not* the
///    optimum x* = −H⁻¹a/2. measureID and measureCE of the winners' mean-centred
///    covariance for λ ∈ {10, 10², 10³, 10⁴} and c ∈ {4, 16, 64, 256, 1024},
///    beside the notes' sim K values and the MC noise floor 4√(d/S).
/// 2. The κ table for H ∝ I: exact E[min of λ χ²_d]/d against the asymptote,
///    with a Monte Carlo fitted scale at λ = 100.
/// 3. The degenerate d = 20, r = 5 case (λ = 100): the σ² null block, the range
///    variances (exact isotropic value κ(100, 5) = 0.0986σ²) and the read-out.
///
/// Cost: `quick` ≈ 7·10⁷ loss evaluations in all (≈ 12 s of CPU in a release
/// build on the reference machine); full ≈ 1.6·10⁹.
public struct CovarianceHessianReproduction: Sendable, Codable {
  /// One (λ, c) cell of the measureID grid.
  public struct MeasureCell: Sendable, Codable {
    /// The population λ.
    public let lambda: Int
    /// The condition number c of H.
    public let condition: Double
    /// S, the number of winners whose covariance is measured.
    public let kept: Int
    /// S&Y's measureID of the winners' covariance (``CovarianceHessianRelation/measureID``).
    public let measureID: Double
    /// S&Y's measureCE of the winners' covariance (``CovarianceHessianRelation/measureCE``).
    public let measureCE: Double
    /// The Monte Carlo noise floor 4√(d/S): values near it are sampling noise.
    public let noiseFloor: Double
    /// The notes' sim K value (NumPy, S = 10⁵ or 2·10⁴), for cross-checking.
    public let simK: Double?
  }

  /// One row of the κ table for H = I.
  public struct KappaRow: Sendable, Codable {
    /// d.
    public let dimension: Int
    /// The population λ.
    public let lambda: Int
    /// κ_exact = E[min of λ χ²_d]/d (``KappaConstant``), by quadrature.
    public let exact: Double
    /// The small-ball asymptote κ(λ, d) (``KappaConstant``).
    public let asymptotic: Double
    /// Monte Carlo fitted scale (only at λ = 100).
    public let monteCarlo: Double?
  }

  /// The degenerate d = 20, r = 5 case.
  public struct DegenerateCase: Sendable, Codable {
    /// d = 20.
    public let dimension: Int
    /// r = rank H = 5.
    public let hessianRank: Int
    /// The population λ = 100.
    public let lambda: Int
    /// n, the kept points.
    public let kept: Int
    /// The eigenvalues of the kept points' covariance, ascending.
    public let eigenvalues: [Double]
    /// The read-out threshold τ = σ²(1 − √(d/n))² (``CovarianceRankReadout``).
    public let threshold: Double
    /// The rank read off: eigenvalues below ``threshold``.
    public let readoutRank: Int
    /// The Marchenko–Pastur interval σ²(1 ± √((d−r)/n))² for the null block.
    public let nullInterval: [Double]
    /// Exact isotropic range variance κ_exact(λ, r)·σ².
    public let predictedRangeVariance: Double
  }

  /// Whether the smaller `quick` sample sizes were used.
  public let quick: Bool
  /// The root seed of every stage.
  public let seed: UInt64
  /// The measureID / measureCE grid, row-major over ``lambdas`` × ``conditions``.
  public let measureCells: [MeasureCell]
  /// The κ table for H = I.
  public let kappaRows: [KappaRow]
  /// The degenerate d = 20, r = 5 case.
  public let degenerate: DegenerateCase
  /// The loss evaluations of all stages (counted by the sampler).
  public let lossEvaluations: Int

  /// The populations λ of S&Y's ConditioningUp grid.
  public static let lambdas = [10, 100, 1000, 10_000]
  /// The condition numbers c of S&Y's ConditioningUp grid.
  public static let conditions: [Double] = [4, 16, 64, 256, 1024]
  /// measureID from the notes' sim K (rows λ, columns c).
  static let simKMeasureID: [[Double]] = [
    [0.516, 1.888, 7.279, 29.221, 118.001], [0.144, 0.472, 1.459, 5.458, 21.662],
    [0.048, 0.140, 0.399, 1.249, 4.571], [0.039, 0.062, 0.150, 0.358, 1.095],
  ]

  /// S&Y's Hessian R·diag(1 + i(c−1)/(N−1))·Rᵀ, R the normalised Sylvester Hadamard matrix (N = 4).
  public static func hadamardEllipse(condition c: Double) -> Matrix {
    let n = 4
    var r = Matrix(rows: n, columns: n)
    for i in 0..<n { for j in 0..<n { r[i, j] = ((i & j).nonzeroBitCount % 2 == 0 ? 1 : -1) / 2 } }
    var rd = r
    for i in 0..<n { for j in 0..<n { rd[i, j] *= 1 + Double(j) * (c - 1) / Double(n - 1) } }
    return BLAS.multiply(rd, .none, r, .transpose)
  }

  /// The S&Y landscape ½(x − x*)ᵀ(2H)(x − x*) = xᵀHx + aᵀx + const, and the offset of
  /// the origin from its minimum x* = −H⁻¹a/2.
  public static func syLandscape(condition c: Double) throws -> (QuadraticLandscape, offset: [Double]) {
    let h = hadamardEllipse(condition: c)
    let eig = try SymmetricEigen.decomposition(of: h)
    let a = [Double](repeating: 1, count: 4)
    let va = BLAS.multiply(eig.vectors, .transpose, a)
    let scaled = va.indices.map { va[$0] / eig.values[$0] }
    let hInvA = BLAS.multiply(eig.vectors, .none, scaled)
    let xStar = hInvA.map { -$0 / 2 }
    let landscape = QuadraticLandscape(
      name: "S&Y Hadamard ellipse c=\(Int(c))", storage: .dense(2 * h), minimum: xStar, rank: 4)
    return (landscape, xStar.map { -$0 })
  }

  /// Runs the reproduction.
  ///
  /// - Parameters:
  ///   - quick: smaller samples (S = 2·10⁴ … 10³ per cell), under 30 s in a release build.
  ///   - seed: root seed; every cell uses its own child seed.
  ///   - workers: concurrent chunks per sampler run (does not change results).
  ///   - stage: called with a short description before each stage.
  public static func run(
    quick: Bool, seed: UInt64, workers: Int = 2, stage: ((String) -> Void)? = nil
  ) async throws -> CovarianceHessianReproduction {
    var evaluations = 0
    var cells: [MeasureCell] = []
    var cellIndex: UInt64 = 0
    for (li, lambda) in lambdas.enumerated() {
      let kept = quick ? [20_000, 20_000, 3000, 1000][li] : [100_000, 100_000, 100_000, 20_000][li]
      stage?("measureID grid: λ = \(lambda), S = \(kept) winners per condition number")
      for (ci, c) in conditions.enumerated() {
        let (landscape, offset) = try syLandscape(condition: c)
        let sampler = try SelectionSampler(population: lambda, sigma: 1, centerOffset: offset)
        let run = try await sampler.sample(
          landscape, kept: kept, seed: SeededGenerator.childSeed(root: seed, index: cellIndex), workers: workers)
        cellIndex += 1
        evaluations += run.lossEvaluations
        let rel = try CovarianceHessianRelation.measure(
          covariance: run.moments.meanCentredCovariance, hessian: landscape.denseHessianAtMinimum(), sigma: 1)
        cells.append(
          MeasureCell(
            lambda: lambda, condition: c, kept: kept, measureID: rel.measureID, measureCE: rel.measureCE,
            noiseFloor: 4 * (4 / Double(kept)).squareRoot(), simK: simKMeasureID[li][ci]))
      }
    }
    stage?("κ table: exact E[min of λ χ²_d]/d against the asymptote, Monte Carlo at λ = 100")
    var rows: [KappaRow] = []
    for d in [1, 2, 5, 10, 20] {
      for lambda in [2, 10, 100, 1000, 10_000] {
        var mc: Double? = nil
        if lambda == 100 {
          let q = QuadraticLandscape(name: "I\(d)", storage: .diagonal([Double](repeating: 1, count: d)))
          let sampler = try SelectionSampler(population: lambda, sigma: 1)
          let run = try await sampler.sample(
            q, kept: quick ? 4000 : 40_000, seed: SeededGenerator.childSeed(root: seed, index: 100 + UInt64(d)),
            workers: workers)
          evaluations += run.lossEvaluations
          mc = try CovarianceHessianRelation.measure(
            covariance: run.moments.secondMoment, hessian: q.denseHessianAtMinimum(), sigma: 1
          ).fittedScale
        }
        rows.append(
          KappaRow(
            dimension: d, lambda: lambda, exact: KappaConstant.exactIsotropic(lambda: lambda, dimension: d),
            asymptotic: KappaConstant.asymptotic(lambda: Double(lambda), dimension: d), monteCarlo: mc))
      }
    }
    let n = quick ? 2000 : 20_000
    stage?("degenerate case: d = 20, r = 5, λ = 100, n = \(n)")
    let q = try QuadraticLandscape.withSpectrum(
      name: "d20-r5", nonzeroEigenvalues: [1, 1, 1, 1, 1], dimension: 20, basis: .randomOrthonormal(seed: seed))
    let sampler = try SelectionSampler(population: 100, sigma: 1)
    let run = try await sampler.sample(q, kept: n, seed: SeededGenerator.childSeed(root: seed, index: 200), workers: workers)
    evaluations += run.lossEvaluations
    let values = try SymmetricEigen.values(of: run.moments.secondMoment)
    let readout = try CovarianceRankReadout.read(eigenvalues: values, kept: n, sigma: 1)
    let null = MarchenkoPastur.edges(dimension: 15, samples: n)  // the d − r = 20 − 5 null block
    let degenerate = DegenerateCase(
      dimension: 20, hessianRank: 5, lambda: 100, kept: n, eigenvalues: readout.eigenvalues,
      threshold: readout.threshold, readoutRank: readout.rank,
      nullInterval: [null.lower, null.upper],
      predictedRangeVariance: KappaConstant.exactIsotropic(lambda: 100, dimension: 5))
    return CovarianceHessianReproduction(
      quick: quick, seed: seed, measureCells: cells, kappaRows: rows, degenerate: degenerate,
      lossEvaluations: evaluations)
  }
}

extension CovarianceHessianReproduction {
  /// The terminal report: three tables.
  public func table() -> String {
    let f = SamplingFormat.short
    func pad(_ s: String, _ w: Int) -> String { s.count >= w ? " " + s : String(repeating: " ", count: w - s.count) + s }
    var out = "1. Shir & Yehudayoff ConditioningUp (d = 4, Hadamard ellipse, a = ones, centre off the optimum)\n"
    out += "   measureID of the winners' covariance — ours (sim K, NumPy) [MC noise floor 4√(d/S)]\n"
    out += pad("λ \\ c", 8) + Self.conditions.map { pad("\(Int($0))", 28) }.joined() + "\n"
    for lambda in Self.lambdas {
      let row = measureCells.filter { $0.lambda == lambda }
      out += pad("\(lambda)", 8)
      out += row.map { pad("\(f($0.measureID)) (\($0.simK.map(f) ?? "–")) [\(f($0.noiseFloor))]", 28) }.joined() + "\n"
    }
    let ce = measureCells.map(\.measureCE)
    out += "   measureCE range: \(f(ce.min() ?? .nan))…\(f(ce.max() ?? .nan)) (sim K: 0.007–0.235)\n"
    out += "   Expected: measureID ∝ λ^(−2/d) = λ^(−1/2) (×0.32 per decade) and ∝ c (notes §1.6).\n\n"
    out += "2. κ(λ, d) for H ∝ I: exact E[min of λ χ²_d]/d [asymptote] {Monte Carlo at λ = 100}\n"
    let lambdas = [2, 10, 100, 1000, 10_000]
    out += pad("d \\ λ", 6) + lambdas.map { pad("\($0)", 32) }.joined() + "\n"
    for d in [1, 2, 5, 10, 20] {
      out += pad("\(d)", 6)
      for r in kappaRows.filter({ $0.dimension == d }) {
        let mc = r.monteCarlo.map { " {\(f($0))}" } ?? ""
        out += pad("\(f(r.exact)) [\(f(r.asymptotic))]\(mc)", 32)
      }
      out += "\n"
    }
    out += "   d = 2 is exact at every λ (1/λ); the asymptote is poor for small λ and large d.\n\n"
    let g = degenerate
    let null = Array(g.eigenvalues.suffix(g.dimension - g.hessianRank))
    let range = Array(g.eigenvalues.prefix(g.hessianRank))
    out += "3. Degenerate H: d = \(g.dimension), r = \(g.hessianRank), λ = \(g.lambda), n = \(g.kept), σ = 1\n"
    out += "   range eigenvalues: \(range.map(f).joined(separator: ", ")) (exact isotropic κ(100,5) = \(f(g.predictedRangeVariance)))\n"
    out += "   null eigenvalues:  \(f(null.first ?? .nan))…\(f(null.last ?? .nan)) "
    out += "(σ² = 1; MP interval \(f(g.nullInterval[0]))…\(f(g.nullInterval[1])))\n"
    out += "   read-out: \(g.readoutRank) eigenvalues below τ = σ²(1 − √(d/n))² = \(f(g.threshold)) (rank(H) = \(g.hessianRank))\n"
    out += "\nloss evaluations: \(lossEvaluations)\(quick ? " (--quick)" : "")\n"
    return out
  }
}
