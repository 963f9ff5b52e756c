import Foundation
import Testing
import TestSupport

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

/// The γ criterion of theory §6.3, γ ≪ (nβ)^{2/p}, at n = 10⁴ (nβ ≈ 1086):
/// (nβ)^{2/p} = 1086 (p = 2), 33 (p = 4), 10.3 (p = 6). Deterministic given the
/// seed (the random directions); the thresholds are the diagnostic's own
/// ``LocalisationDiagnostic/warningThreshold`` and the notes' values.
@Suite("SGLD localisation diagnostic")
struct LocalisationDiagnosticTests {
  static let nBeta = 10_000 / log(10_000.0)

  static func diagnose(_ spec: String, gamma: Double, seed: UInt64 = 31) throws -> LocalisationDiagnostic {
    let land = try LandscapeSpec.resolve(spec)
    var rng = SeededGenerator(seed: seed)
    return try LocalisationDiagnostic(landscape: land, nBeta: nBeta, gamma: gamma, using: &rng)
  }

  /// (xy)²: the axes are exactly flat valleys (the localiser's job); random
  /// directions near them grow like δ²r⁴, p = 4, so η = (γ/2)(nβ)^{−1/2} ≈ 0.015.
  @Test("(xy)² at γ = 1, n = 10⁴: no warning (γ = 1 ≪ (nβ)^{1/2} ≈ 33)")
  func xy2DoesNotFire() throws {
    for seed: UInt64 in [31, 32, 33] {
      let diag = try Self.diagnose("nc-xy2", gamma: 1, seed: seed)
      #expect(diag.largestLocaliserShare <= LocalisationDiagnostic.warningThreshold, "seed \(seed): η = \(diag.largestLocaliserShare)")
      #expect(diag.flatDirections == 4)  // ±e₀, ±e₁
      let p = try #require(diag.flattestDegree)
      #expect(abs(p - 4) < 0.05, "p = \(p)")
    }
    // The estimator built on it stays silent too (few chains: only the warning is checked).
    let land = try LandscapeSpec.resolve("nc-xy2")
    var rng = SeededGenerator(seed: 34)
    let e = try SGLDEstimator.estimate(
      on: land, configuration: .init(localisation: 1, chains: 2, steps: 400, burnIn: 100), using: &rng)
    #expect(!e.warnings.map(\.code).contains(.localisationTooStrong), "\(e.warnings)")
  }

  /// x²y⁴ at γ = 100: p = 6, η = 50·(nβ)^{−1/3} ≈ 4.9 — the notes' collapse to 0.003.
  @Test("x²y⁴ at γ = 100, n = 10⁴: warns (γ = 100 > (nβ)^{1/3} ≈ 10)")
  func x2y4Fires() throws {
    let diag = try Self.diagnose("nc-x2y4", gamma: 100)
    #expect(diag.largestLocaliserShare > 1, "η = \(diag.largestLocaliserShare)")
    let p = try #require(diag.flattestDegree)
    #expect(abs(p - 6) < 0.05, "p = \(p)")
    // …and not at γ = 1 (η ≈ 0.05).
    #expect(try Self.diagnose("nc-x2y4", gamma: 1).largestLocaliserShare <= LocalisationDiagnostic.warningThreshold)
  }

  /// A weak quadratic direction is still charged its own radius: x² + 10⁻³y²
  /// has nβ·10⁻³·r_y² = 1, so η = (γ/2)/(nβ·10⁻³) ≈ 0.46 at γ = 1.
  @Test("a weak quadratic direction still warns (coefficient-aware for p = 2)")
  func weakQuadraticFires() throws {
    let diag = try Self.diagnose("poly:x0^2 + 0.001*x1^2", gamma: 1)
    #expect(diag.largestLocaliserShare > LocalisationDiagnostic.warningThreshold, "η = \(diag.largestLocaliserShare)")
  }

  /// The range of H is charged exactly, η = γ/(nβ h_min), from H's eigenvalues:
  /// x² + 10⁻³y² has H = diag(2, 0.002), so η = 1/(nβ·0.002) ≈ 0.46 (closed form).
  @Test("the curved part is charged γ/(nβ h_min) exactly")
  func rangeChargeIsExact() throws {
    let diag = try Self.diagnose("poly:x0^2 + 0.001*x1^2", gamma: 1)
    let expected = 1 / (Self.nBeta * 0.002)
    #expect(abs(diag.largestLocaliserShare - expected) <= 1e-9 * expected, "η = \(diag.largestLocaliserShare), want \(expected)")
    #expect(diag.weakestCurvature.map { abs($0 - 0.002) < 1e-12 } == true)
    #expect(diag.hessianVectorProducts == 0)  // the polynomial knows its H exactly: no HVPs
  }

  /// x₀² + x₁⁴ with x₂…x₄ flat (newton-flat): a random direction mixing x₀ with
  /// the flat coordinates has a tiny Rayleigh quotient, which earlier versions
  /// charged as a weak quadratic (η ≈ 0.11–0.76, a false alarm). The posterior
  /// factorises along H's eigenvectors, so the charge is x₁⁴'s
  /// (γ/2)(nβ)^{−1/2} ≈ 0.015, and x₀'s γ/(2nβ) ≈ 4.6·10⁻⁴.
  @Test("newton-flat at γ = 1: no false alarm from mixed directions")
  func mixedDirectionsDoNotFire() throws {
    for seed: UInt64 in [31, 32, 33] {
      let diag = try Self.diagnose("newton-flat", gamma: 1, seed: seed)
      let quartic = 0.5 / Self.nBeta.squareRoot()
      #expect(abs(diag.largestLocaliserShare - quartic) <= 0.05 * quartic, "seed \(seed): η = \(diag.largestLocaliserShare)")
      #expect(diag.weakestCurvature.map { abs($0 - 2) < 1e-12 } == true)
    }
  }

  /// A rotated rank-5 quadratic in d = 20: the null space is exactly flat, so
  /// only h_min = 1 is charged, whatever the random directions.
  @Test("a rotated rank-deficient quadratic: only h_min is charged")
  func rotatedQuadratic() throws {
    let diag = try Self.diagnose("quad-rank-deficient", gamma: 1)
    let expected = 1 / Self.nBeta
    #expect(abs(diag.largestLocaliserShare - expected) <= 1e-9 * expected, "η = \(diag.largestLocaliserShare)")
    #expect(diag.flatDirections == diag.probedDirections)
  }

  /// A float32 Hessian file (rank 12 of d = 64, eigenvalues 1…12; fixtures/hessians): its
  /// rounding noise (|h| ≤ 1.6e-7) is not curvature. Judged with float64's τ the positive
  /// noise eigenvalues would count as the weakest curved directions, h_min ~ 1e-8, and the
  /// range part would charge η = γ/(nβ h_min) ~ 10⁵: a false warning on every SGLD run.
  @Test("a float32 Hessian file: the range is judged at float32's ε (h_min = 1, no warning)")
  func float32Range() throws {
    let land = try LandscapeSpec.resolve(Repository.path("fixtures/hessians/rank12-d64-float32.npy"))
    var rng = SeededGenerator(seed: 31)
    let diag = try LocalisationDiagnostic(landscape: land, nBeta: Self.nBeta, gamma: 1, using: &rng)
    let hMin = try #require(diag.weakestCurvature)
    #expect(abs(hMin - 1) < 1e-5, "h_min = \(hMin)")
    #expect(diag.largestLocaliserShare <= LocalisationDiagnostic.warningThreshold, "η = \(diag.largestLocaliserShare)")
  }
}
