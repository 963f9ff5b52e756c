import Foundation
import Testing
import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

/// SLQ's rank when the quadrature nodes must resolve τ (issue 15 item 1): on
/// spectra over many magnitudes or of both signs, 30 Lanczos steps leave the
/// null space blended with small eigenvalues on a node above τ, and the old
/// rule returned tr P = d with a standard error of 10⁻¹³ and "converged: yes".
@Suite("Stochastic Lanczos quadrature: resolving the threshold")
struct StochasticLanczosQuadratureTests {
  /// H = Q diag(values) Qᵀ with Q a random d×k orthonormal basis (Gaussian,
  /// Householder QR); values may have either sign.
  static func spectrum(_ values: [Double], d: Int, seed: UInt64) throws -> HessianOperator {
    var rng = SeededGenerator(seed: seed)
    let q = try Factorizations.orthonormalColumns(of: Matrix(rows: d, columns: values.count, elements: rng.normals(d * values.count)))
    return HessianOperator(landscape: QuadraticLandscape(name: "spectrum", storage: .factored(values: values, basisRows: q.transposed)))
  }

  /// Issue 15's first example: d = 500, 64 nonzero eigenvalues of both signs
  /// over −1000…5 (32 negative, −10³…−10⁻², and 32 positive, 10⁻²…5, log-spaced).
  static let indefinite: [Double] =
    (0..<32).map { -pow(10, -2 + 5 * Double($0) / 31) } + (0..<32).map { pow(10, -2 + log10(500) * Double($0) / 31) }
  /// Issue 15's second example: d = 1500, 110 nonzero eigenvalues over 10⁻⁶…10⁶ (PSD).
  static let wide: [Double] = (0..<110).map { pow(10, -6 + 12 * Double($0) / 109) }

  /// p = 10⁻⁶ per test: z = Φ⁻¹(1 − p/2) ≈ 4.89.
  static let falseFailure = 1e-6

  @Test(
    "with enough steps SLQ gives the dense rank on indefinite and wide spectra",
    arguments: [("indefinite", 500, UInt64(41)), ("wide", 1500, UInt64(42))])
  func resolvesWideSpectra(_ name: String, _ d: Int, _ seed: UInt64) throws {
    let values = name == "wide" ? Self.wide : Self.indefinite
    let op = try Self.spectrum(values, d: d, seed: seed)
    let dense = try DenseRank.rank(of: op)
    #expect(dense.rank == values.count, "every prescribed eigenvalue is far above τ = \(dense.threshold)")
    let probes = 30
    var rng = SeededGenerator(seed: seed)
    let result = try StochasticLanczosQuadrature.rank(of: op, probes: probes, using: &rng)
    // Deterministic part: every probe's run grew until its nodes resolved τ
    // (or broke down), so at most 0.05 eigenvalues per probe are unplaced.
    let unresolved = try #require(result.unresolvedCount)
    #expect(unresolved <= StochasticLanczosQuadrature.probeResolutionTarget, "\(result.summaryLines)")
    #expect(!result.warnings.contains { $0.code == .quadratureUnresolved })
    // Statistical part: with a resolved quadrature SLQ is Hutchinson on the
    // projector P (rank r), whose Rademacher per-probe variance is
    // 2(‖P‖_F² − Σ P_ii²) ≤ 2r. |estimate − r| ≤ z·√(2r/n_v) + unresolved fails
    // with probability ≤ p. Power: the old rule's answer d (every node
    // counted) is off by d − r ≥ 436, far outside the bound (≈ 10.5 for r = 110).
    let z = try Distributions.twoSidedNormalQuantile(falseFailureProbability: Self.falseFailure)
    let bound = z * (2 * Double(dense.rank) / Double(probes)).squareRoot() + unresolved
    let estimate = try #require(result.estimate)
    #expect(abs(estimate - Double(dense.rank)) <= bound, "\(name): \(estimate) vs \(dense.rank) ± \(bound)")
    #expect(Double(d - dense.rank) > 10 * bound, "power: counting every node would be caught")
    // 30 probes cannot give the integer (SE ≈ 2): not converged, and the
    // warning names that cause (and only that one besides the saddle).
    #expect(!result.converged)
    #expect(result.warnings.contains { $0.code == .tooFewProbes })
  }

  @Test(
    "with too few steps SLQ says the nodes do not resolve τ, instead of tr P = d ± 0",
    arguments: [("indefinite", 500, UInt64(41)), ("wide", 1500, UInt64(42))])
  func saysWhenUnresolved(_ name: String, _ d: Int, _ seed: UInt64) throws {
    let values = name == "wide" ? Self.wide : Self.indefinite
    let op = try Self.spectrum(values, d: d, seed: seed)
    var rng = SeededGenerator(seed: seed)
    let result = try StochasticLanczosQuadrature.rank(of: op, probes: 10, steps: 30, using: &rng)
    // The failure: every node counts, tr P = d with SE ≈ 10⁻¹³.
    #expect(result.rank == d)
    #expect(try #require(result.standardError) < 1e-6)
    // What is new: the quadrature's own resolution says it cannot tell.
    #expect(!result.converged, "SE = 0 is not convergence when the nodes straddle τ")
    #expect(try #require(result.unresolvedCount) > Double(d - values.count) / 2, "the null space's weight is unplaced")
    #expect(result.warnings.contains { $0.code == .quadratureUnresolved }, "\(result.warnings)")
    #expect(result.hessianVectorProducts == 10 * 30)
  }

  @Test("a full-rank spectrum away from 0 is resolved at the first check: tr P = d exactly, converged, silent")
  func fullRankStopsEarly() throws {
    // Eigenvalues 1…10 (d = 100): every Ritz value lies in [1, 10], far above
    // τ ≈ 2e-13, so each run stops at the first check (10 steps) with every
    // node counted: the estimate is d for every probe (an exact case).
    let op = try Self.spectrum((0..<100).map { 1 + 9 * Double($0) / 99 }, d: 100, seed: 5)
    var rng = SeededGenerator(seed: 6)
    let result = try StochasticLanczosQuadrature.rank(of: op, probes: 20, using: &rng)
    #expect(result.rank == 100)
    #expect(abs(try #require(result.estimate) - 100) <= 100 * 100 * Double.ulpOfOne)
    #expect(result.hessianVectorProducts == 20 * 10, "stopped at the first resolution check")
    #expect(result.converged)
    #expect(result.warnings.isEmpty, "\(result.warnings)")
  }

  @Test("a resolved rank-1 estimate with a small standard error is converged and carries no warning")
  func smallStandardErrorIsSilent() throws {
    // Rank 1 of d = 50: each run breaks down after 2 steps (exact quadrature);
    // per-probe variance ≤ 2 so 400 probes give SE ≤ 0.071 and
    // 1.96·SE ≤ 0.14 < 0.25: no warning.
    let op = try Self.spectrum([1], d: 50, seed: 7)
    var rng = SeededGenerator(seed: 8)
    let result = try StochasticLanczosQuadrature.rank(of: op, probes: 400, using: &rng)
    #expect(result.hessianVectorProducts == 400 * 2)
    #expect(try #require(result.unresolvedCount) <= StochasticLanczosQuadrature.probeResolutionTarget)
    #expect(result.rank == 1)
    #expect(result.converged)
    #expect(result.warnings.isEmpty, "\(result.warnings)")
  }
}
