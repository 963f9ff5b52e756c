import Foundation
import GSLBridge
import Testing
import TestSupport

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

/// The seam end to end: an operator and a loss oracle built from plain closures (no
/// `Landscape` anywhere) run every rank method, the extreme eigenvalues, the SLQ density, the
/// selection sampler with its covariance estimate and read-out, and both LLC estimators.
///
/// The problem is L(w) = ½ (w − c)ᵀ H (w − c) with H = Q diag(1, 2, 3, 5) Qᵀ, Q a d×r matrix of
/// orthonormal columns (d = 12, r = 4, fixed seed), so the known answers hold by construction:
/// the nonzero eigenvalues are 1, 2, 3, 5 (checked against a dense eigendecomposition of the
/// matrix built), the rank is 4, tr H = 11, the null space is range(I − QQᵀ), and the learning
/// coefficient of a rank-r quadratic is r/2 = 2.
///
/// The closures count their own work (locked tallies, independent of ``HessianOperator`` and
/// ``CountingLossOracle``), and every reported `hessianVectorProducts`, `lossEvaluations` and
/// `gradientEvaluations` must equal those tallies exactly: a count computed by a formula that
/// drifted from the work done fails here.
@Suite("Seam: every estimator on plain closures")
struct SeamTests {
  static let d = 12
  static let curvatures: [Double] = [1, 2, 3, 5]
  static var r: Int { curvatures.count }

  /// z for a two-sided false-failure probability of 10⁻⁶ (4.89).
  static func z() throws -> Double { try Distributions.twoSidedNormalQuantile(falseFailureProbability: 1e-6) }

  /// The work the closures did, counted by themselves.
  final class Tally: Sendable {
    let products = Locked(0)
    let losses = Locked(0)
    let gradients = Locked(0)
    /// Every block of points the loss closure saw, with its losses (only when recording).
    let blocks = Locked<[(points: Matrix, losses: [Double])]>([])
    let recording: Bool

    init(recording: Bool = false) { self.recording = recording }

    var snapshot: (products: Int, losses: Int, gradients: Int) {
      (products.withLock { $0 }, losses.withLock { $0 }, gradients.withLock { $0 })
    }
  }

  /// The quadratic, its pieces and its closures.
  struct Problem: Sendable {
    let h: Matrix
    let basis: Matrix
    let center: [Double]
    let tally: Tally

    init(recording: Bool = false) throws {
      let d = SeamTests.d, r = SeamTests.r
      var rng = SeededGenerator(seed: 2026)
      let q = try Factorizations.orthonormalColumns(of: Matrix(rows: d, columns: r, elements: rng.normals(d * r)))
      var h = Matrix(rows: d, columns: d)
      for i in 0..<d {
        for j in 0..<d {
          h[i, j] = (0..<r).reduce(0) { $0 + q[i, $1] * SeamTests.curvatures[$1] * q[j, $1] }
        }
      }
      self.h = h
      basis = q
      center = (0..<d).map { 0.25 * Double($0) - 1 }  // w* off the origin: a centring error shows
      tally = Tally(recording: recording)
    }

    /// H·X by one `gemm` on the matrix built, counting its columns.
    var hessian: HessianOperator {
      let h = h, tally = tally
      return HessianOperator(
        ClosureOperator(dimension: SeamTests.d) { x in
          tally.products.withLock { $0 += x.columns }
          var out = Matrix(rows: h.rows, columns: x.columns)
          BLAS.gemm(h, .none, x, .none, into: &out)
          return out
        }, name: "closure")
    }

    /// The displacements P − 1cᵀ and their products (P − 1cᵀ)H (= the gradients, H symmetric).
    static func displaced(_ p: Matrix, center c: [Double], h: Matrix) -> (y: Matrix, g: Matrix) {
      var y = p
      for i in 0..<p.rows { for j in 0..<p.columns { y[i, j] -= c[j] } }
      var g = Matrix(rows: p.rows, columns: p.columns)
      BLAS.gemm(y, .none, h, .none, into: &g)
      return (y, g)
    }

    /// ½ (w − c)ᵀ H (w − c) and H (w − c) per row, counting rows.
    var oracle: ClosureLossOracle {
      let h = h, c = center, tally = tally
      return ClosureLossOracle(
        center: c,
        losses: { p in
          tally.losses.withLock { $0 += p.rows }
          let (y, g) = Problem.displaced(p, center: c, h: h)
          let values = (0..<p.rows).map { i in 0.5 * (0..<p.columns).reduce(0) { $0 + y[i, $1] * g[i, $1] } }
          if tally.recording { tally.blocks.withLock { $0.append((p, values)) } }
          return values
        },
        gradients: { p in
          tally.gradients.withLock { $0 += p.rows }
          return Problem.displaced(p, center: c, h: h).g
        })
    }
  }

  @Test("the matrix built has the prescribed spectrum (dense eigendecomposition)")
  func construction() throws {
    let p = try Problem()
    let values = try SymmetricEigen.values(of: p.h)
    let expected = [Double](repeating: 0, count: Self.d - Self.r) + Self.curvatures
    // Backward-stable eigensolver on a matrix formed to rounding: c·d·ε·‖H‖.
    let tol = Tolerance.dense(n: Self.d, scale: 5)
    for (a, b) in zip(values, expected) { #expect(abs(a - b) <= tol, "\(a) vs \(b)") }
  }

  @Test("every rank method: rank r, the nonzero eigenvalues, HVPs counted exactly", arguments: RankMethod.allCases)
  func rank(_ method: RankMethod) throws {
    let p = try Problem()
    let op = p.hessian
    var rng = SeededGenerator(seed: 31)
    let result = try RankComputation.rank(of: op, method: method, options: .init(probes: 1000), using: &rng)
    #expect(result.hessianVectorProducts == p.tally.snapshot.products)
    #expect(result.hessianVectorProducts == op.applicationCount)
    #expect(result.hessianVectorProducts > 0)
    if method == .dense || method == .inertia { #expect(result.hessianVectorProducts == Self.d) }  // H is hidden: d products
    #expect(result.rank == Self.r)
    switch method {
    case .slq:
      // Each probe's quadrature is exact (the Krylov space has dimension ≤ r + 1), so the
      // estimate is Hutchinson's with Rademacher probes on the projector P = QQᵀ: unbiased for
      // r, variance 2(‖P‖²_F − Σ P_ii²)/probes = 2(r − Σ P_ii²)/probes, computed here from Q.
      let diag = (0..<Self.d).map { i in (0..<Self.r).reduce(0) { $0 + p.basis[i, $1] * p.basis[i, $1] } }
      let se = (2 * (Double(Self.r) - diag.reduce(0) { $0 + $1 * $1 }) / 1000).squareRoot()
      let bound = try Self.z() * se
      let estimate = try #require(result.estimate)
      #expect(abs(estimate - Double(Self.r)) <= bound, "\(estimate) ± \(se)")
      #expect(bound < 0.5)  // power: an estimate of r ± 1 lies outside the bound
    case .power:
      break  // PyHessian's 10⁻³ relative-change rule: only the rank is exact
    case .inertia:
      // A count, not a spectrum: certified by equal counts at the window's ends, which lie
      // below the smallest curvature and above the rounding level of the zero eigenvalues.
      #expect(result.eigenvalues.isEmpty && result.fallback == nil, "\(result.fallback ?? "")")
      let upper = try #require(result.countedBound), lower = try #require(result.uncountedBound)
      #expect(upper < Self.curvatures.min()! && lower >= 2 * Tolerance.dense(n: Self.d, scale: 5) / 1e3)
    default:
      // Lanczos breaks down after r + 1 steps and the block range finder captures range(H), so
      // the Ritz values are eigenvalues to rounding: c·d·ε·‖H‖ (plus H's own rounding, as much).
      let counted = result.eigenvalues.filter { abs($0) > result.threshold }.sorted()
      #expect(counted.count == Self.r)
      for (a, b) in zip(counted, Self.curvatures) {
        #expect(abs(a - b) <= 2 * Tolerance.dense(n: Self.d, scale: 5), "\(method): \(a) vs \(b)")
      }
    }
  }

  @Test("extreme eigenvalues at both ends: within their residuals, HVPs counted exactly")
  func extremes() throws {
    let p = try Problem()
    let op = p.hessian
    var rng = SeededGenerator(seed: 32)
    let top = try ExtremeEigenvalues.compute(of: op, end: .top, count: Self.r, using: &rng)
    #expect(top.hessianVectorProducts == p.tally.snapshot.products)
    let bottom = try ExtremeEigenvalues.compute(of: op, end: .bottom, count: 2, using: &rng)
    #expect(top.hessianVectorProducts + bottom.hessianVectorProducts == p.tally.snapshot.products)
    #expect(top.converged.allSatisfy { $0 } && bottom.converged.allSatisfy { $0 })
    // A Ritz value lies within its residual ‖Hy − θy‖ of an eigenvalue (Kahan–Parlett–Jiang),
    // and the eigenvalues of the H built are the prescribed ones to c·d·ε·‖H‖.
    let tol = Tolerance.dense(n: Self.d, scale: 5)
    for (k, value) in top.values.enumerated() {
      #expect(abs(value - Self.curvatures.reversed()[k]) <= top.residuals[k] + tol, "\(value)")
    }
    for (k, value) in bottom.values.enumerated() { #expect(abs(value) <= bottom.residuals[k] + tol, "\(value)") }
  }

  @Test("SLQ density: total mass d, tr H within z·SE (p = 1e-6), HVPs counted exactly")
  func density() throws {
    let p = try Problem()
    let op = p.hessian
    var rng = SeededGenerator(seed: 33)
    let probes = 2000
    let density = try StochasticLanczosQuadrature.density(of: op, probes: probes, steps: 8, using: &rng)
    #expect(density.hessianVectorProducts == p.tally.snapshot.products)
    #expect(abs(density.trace { _ in 1 }.value - Double(Self.d)) <= Tolerance.dense(n: Self.d, scale: Double(Self.d)))
    // Each probe gives vᵀHv exactly (Gauss quadrature is exact for degree 1); with Rademacher v
    // its variance is 2(‖H‖²_F − Σ H_ii²), computed here from the H built.
    let frobenius = p.h.elements.reduce(0) { $0 + $1 * $1 }
    let diagonal = (0..<Self.d).reduce(0) { $0 + p.h[$1, $1] * p.h[$1, $1] }
    let se = (2 * (frobenius - diagonal) / Double(probes)).squareRoot()
    let bound = try Self.z() * se
    let trace = density.trace { $0 }.value
    #expect(abs(trace - 11) <= bound, "\(trace) ± \(se)")
    #expect(1.1 * 11 - 11 > bound)  // power: a 10% scale error would be caught
  }

  @Test("selection sampler, covariance estimate and read-out: against the kept points recomputed from the closure's own calls")
  func covariance() async throws {
    let p = try Problem(recording: true)
    let n = 3000, lambda = 10, sigma = 0.5
    let sampler = try SelectionSampler(population: lambda, sigma: sigma)
    let sample = try await sampler.sample(p.oracle, kept: n, seed: 34, workers: 2)
    #expect(sample.lossEvaluations == p.tally.snapshot.losses)
    #expect(p.tally.snapshot.gradients == 0 && p.tally.snapshot.products == 0)
    #expect(sample.kept == n)

    // Independently: every block of λ·k rows is k rounds; (1,λ) keeps each round's argmin.
    var mine = Matrix(rows: Self.d, columns: Self.d)
    var kept = 0
    for (points, losses) in p.tally.blocks.withLock({ $0 }) where points.rows > 1 {
      #expect(points.rows % lambda == 0)
      for round in 0..<(points.rows / lambda) {
        let rows = (round * lambda)..<((round + 1) * lambda)
        let best = rows.min { losses[$0] < losses[$1] }!
        let y = (0..<Self.d).map { points[best, $0] - p.center[$0] }
        for i in 0..<Self.d { for j in 0..<Self.d { mine[i, j] += y[i] * y[j] } }
        kept += 1
      }
    }
    #expect(kept == n)
    mine = (1 / Double(n)) * mine
    let estimate = sample.moments.estimate(.secondMoment)
    // Two summation orders of n products of size ≤ (a few σ)²: |Δ| ≤ c·n·ε·max|C|.
    let scale = mine.elements.map(abs).max() ?? 1
    let tol = Tolerance.dense(n: n, scale: scale)
    for (a, b) in zip(estimate.elements, mine.elements) { #expect(abs(a - b) <= tol) }

    // The null block: selection reads only Qᵀz, so the null components are i.i.d. N(0, σ²)
    // and n·tr((I − QQᵀ)Ĉ)/σ² ~ χ²(n(d − r)). Two-sided bound at p = 1e-6.
    var nullTrace = estimate.trace
    for k in 0..<Self.r {
      for i in 0..<Self.d { for j in 0..<Self.d { nullTrace -= p.basis[i, k] * estimate[i, j] * p.basis[j, k] } }
    }
    let dof = Double(n * (Self.d - Self.r))
    let statistic = Double(n) * nullTrace / (sigma * sigma)
    let lower = try Distributions.chiSquareQuantile(0.5e-6, degreesOfFreedom: dof)
    let upper = try Distributions.chiSquareQuantile(1 - 0.5e-6, degreesOfFreedom: dof)
    #expect(statistic >= lower && statistic <= upper, "\(statistic) not in [\(lower), \(upper)]")
    #expect(1.1 * dof > upper && 0.9 * dof < lower)  // power: a 10% error in σ² would be caught

    // The read-out: #{eigenvalues of Ĉ < σ²(1 − √(d/n))²}, recomputed from the independent Ĉ.
    let readout = try CovarianceRankReadout.read(eigenvalues: try SymmetricEigen.values(of: estimate), kept: n, sigma: sigma)
    let tau = sigma * sigma * pow(1 - (Double(Self.d) / Double(n)).squareRoot(), 2)
    #expect(abs(readout.threshold - tau) <= 1e-15)
    #expect(readout.rank == (try SymmetricEigen.values(of: mine)).filter { $0 < tau }.count)
    // The r curved directions keep a variance far below τ (best of 10 in 4 dimensions).
    #expect(readout.rank >= Self.r)
  }

  /// R = 16 splitting runs: the standard error has 15 degrees of freedom, so the z = 4.89 bound
  /// (p = 1e-6 for a normal) fails a correct estimator with probability P(|t₁₅| > 4.89) ≈ 2·10⁻⁴.
  @Test("volume-scaling LLC: r/2 within z·SE, loss and gradient evaluations counted exactly")
  func volumeScaling() throws {
    let p = try Problem()
    var rng = SeededGenerator(seed: 35)
    let config = VolumeScalingEstimator.Configuration(
      epsilonMin: 1e-12, epsilonMax: 1e-4, gridPoints: 15, replicates: 16,
      splitting: .init(particles: 40, movesPerIteration: 4))
    let e = try VolumeScalingEstimator.estimate(on: p.oracle, multiplicity: 1, configuration: config, using: &rng)
    let counts = p.tally.snapshot
    #expect(e.lossEvaluations == counts.losses && e.gradientEvaluations == counts.gradients)
    #expect(counts.losses > 0 && counts.products == 0)
    let value = try #require(e.value), se = try #require(e.standardError)
    let bound = try Self.z() * se
    #expect(abs(value - 2) <= bound, "λ̂ = \(value) ± \(se)")
    #expect(abs(1.5 - 2) > bound && abs(6 - 2) > bound)  // power: (r − 1)/2 and d/2 are rejected
  }

  @Test("localisation diagnostic: loss evaluations and HVPs counted exactly; the weakest curvature found")
  func localisation() throws {
    let p = try Problem()
    let hessian = p.hessian
    var rng = SeededGenerator(seed: 37)
    let diagnostic = try LocalisationDiagnostic(oracle: p.oracle, hessian: hessian, nBeta: 1000, gamma: 1, using: &rng)
    let counts = p.tally.snapshot
    #expect(diagnostic.lossEvaluations == counts.losses && counts.losses > 1)
    #expect(diagnostic.hessianVectorProducts == counts.products && counts.products == Self.d)  // H hidden: d products
    #expect(counts.gradients == 0)
    // The weakest curvature is H's smallest nonzero eigenvalue, from one dense eigensolve of
    // the d products: the prescribed 1 to c·d·ε·‖H‖ (twice: H's own rounding and the solver's).
    let weakest = try #require(diagnostic.weakestCurvature)
    #expect(abs(weakest - 1) <= 2 * Tolerance.dense(n: Self.d, scale: 5), "\(weakest)")
  }

  /// C = 16 chains: the standard error has 15 degrees of freedom (P(|t₁₅| > 4.89) ≈ 2·10⁻⁴), and
  /// the estimate is compared with the documented bias band of a rank-r quadratic (λ = r/2, m = 1).
  @Test("SGLD LLC: r/2 within the bias band ± z·SE; loss, gradient and HVP counts exact")
  func sgld() throws {
    let p = try Problem()
    let hessian = p.hessian
    var rng = SeededGenerator(seed: 36)
    let config = SGLDEstimator.Configuration(chains: 16, steps: 20_000, burnIn: 4_000)
    let e = try SGLDEstimator.estimate(oracle: p.oracle, hessian: hessian, configuration: config, using: &rng)
    let counts = p.tally.snapshot
    #expect(e.lossEvaluations == counts.losses)
    #expect(e.gradientEvaluations == counts.gradients)
    #expect(e.hessianVectorProducts == counts.products && counts.products == hessian.applicationCount)
    #expect(counts.gradients > 0 && counts.losses > 0 && counts.products > 0)
    let value = try #require(e.value), se = try #require(e.standardError)
    let z = try Self.z()
    func within(_ lambda: Double) -> Bool {
      let band = SGLDEstimator.biasBand(lambda: lambda, multiplicity: 1, estimate: e)
      return value >= band.lowerBound - z * se && value <= band.upperBound + z * se
    }
    #expect(within(2), "λ̂ = \(value) ± \(se)")
    #expect(!within(6) && !within(1.5))  // power: d/2 and (r − 1)/2 are rejected
  }
}
