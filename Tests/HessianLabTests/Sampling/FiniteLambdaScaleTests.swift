import Foundation
import Testing
import TestSupport

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("Finite-λ scale of the covariance–Hessian relation")
struct FiniteLambdaScaleTests {
  /// Ruben's series and the quadrature are accurate to about 10⁻¹⁰ relative (series cut at 10⁻¹³,
  /// Simpson tolerance 10⁻¹⁰ of the magnitude); the references below carry 10 significant digits
  /// and were computed independently (NumPy/SciPy: the same series with `scipy.stats.chi2` and
  /// `scipy.integrate.quad`, epsrel 10⁻¹⁰; the formula itself checked by Monte Carlo with the math
  /// notes' `sims/es.py` winners, all within 1.7 standard errors). 10⁻⁷ relative separates rounding
  /// from any real error (a wrong weight moves the value by percents).
  static let relative = 1e-7

  static func logSpaced(_ r: Int, _ ratio: Double) -> [Double] {
    (0..<r).map { pow(ratio, Double($0) / Double(r - 1)) }
  }

  @Test("H ∝ I: the series has one term and equals E[min of λ χ²_r]/r (notes §1.3 table)")
  func isotropic() throws {
    // Notes §1.3 (sim J, SciPy quadrature): κ_exact(100, 5) = 0.0986, (10, 20) = 0.575, (1000, 20) = 0.279.
    for (r, lambda, table) in [(5, 100, 0.0986), (20, 10, 0.575), (20, 1000, 0.2788), (1, 10, 0.0247)] {
      let v = try #require(FiniteLambdaScale.expectedFittedScale(population: lambda, eigenvalues: [Double](repeating: 3, count: r)))
      // H = 3I: the scale is h·E[min χ²_r]/r, homogeneous of degree 1.
      #expect(abs(v / (3 * KappaConstant.exactIsotropic(lambda: lambda, dimension: r)) - 1) < Self.relative)
      #expect(abs(v / (3 * table) - 1) < 3e-3, "r = \(r), λ = \(lambda): \(v / 3) vs the notes' \(table)")
    }
    // SciPy reference with 10 digits: r = 5, λ = 100.
    let v = try #require(FiniteLambdaScale.expectedFittedScale(population: 100, eigenvalues: [1, 1, 1, 1, 1]))
    #expect(abs(v / 0.09860289841 - 1) < Self.relative)
  }

  @Test("Anisotropic Hessians: the series matches the independent SciPy values; the asymptote does not")
  func anisotropic() throws {
    let cases: [(String, [Double], Int, Double, Double)] = [
      // (label, eigenvalues, λ, SciPy finite-λ value, asymptote) — the two examples first.
      ("d = 20, log-spaced 1…100, λ = 10", Self.logSpaced(20, 100), 10, 1.621440082, 3.422291332),
      ("d = 8, log-spaced 1…100, λ = 100", Self.logSpaced(8, 100), 100, 0.988758323, 1.586039148),
      ("d = 20, linear 1…100, λ = 10", (0..<20).map { 1 + 99 * Double($0) / 19 }, 10, 1.396322788, 12.12862282),
      ("d = 5, log-spaced 1…10, λ = 100", Self.logSpaced(5, 10), 100, 0.288032829, 0.2875697806),
      ("d = 2, (1, 4), λ = 1000", [1, 4], 1000, 0.001999175666, 0.002),
      ("one weak direction (1, 1, 1, 1, 0.01), λ = 10", [1, 1, 1, 1, 0.01], 10, 0.00982709926, 0.0909375493),
    ]
    for (label, h, lambda, reference, asymptote) in cases {
      let v = try #require(FiniteLambdaScale.expectedFittedScale(population: lambda, eigenvalues: h), "\(label)")
      #expect(abs(v / reference - 1) < Self.relative, "\(label): \(v) vs \(reference)")
      let kappa = try #require(KappaConstant.asymptotic(lambda: Double(lambda), eigenvalues: h))
      #expect(abs(kappa / asymptote - 1) < Self.relative)
    }
    // The numbers: the asymptote is 2.1× the value at λ = 10 (d = 20) and 60% high at λ = 100 (d = 8).
    let d20 = try #require(FiniteLambdaScale.expectedFittedScale(population: 10, eigenvalues: Self.logSpaced(20, 100)))
    #expect(abs(3.422291332 / d20 - 2.11) < 0.01)
    // Zero eigenvalues (null directions) do not take part; no positive eigenvalue gives nil.
    let padded = try #require(FiniteLambdaScale.expectedFittedScale(population: 100, eigenvalues: Self.logSpaced(5, 10) + [0, 0, 0]))
    #expect(abs(padded / 0.288032829 - 1) < Self.relative)
    #expect(FiniteLambdaScale.expectedFittedScale(population: 100, eigenvalues: [0, 0]) == nil)
    // Too ill-conditioned for the series: nil, not a wrong number.
    #expect(FiniteLambdaScale.expectedFittedScale(population: 10, eigenvalues: [1, 1e6]) == nil)
  }

  @Test("Monte Carlo: the fitted scale of a real run matches the finite-λ value, not the asymptote")
  func monteCarlo() async throws {
    // The case: d = 20, eigenvalues log-spaced over 1…100, λ = 10: finite-λ 1.6214,
    // asymptote 3.42 (2.1×). m = 80 independent runs of n = 500 kept points; their fitted
    // scales are i.i.d. with mean = the finite-λ value (up to the O(1/n) bias of a ratio-free
    // linear statistic: none, the fitted scale is linear in Ĉ). False-failure probability 10⁻⁶
    // in all, split in two: the standard deviation is bounded above from the sample one by the
    // χ²_{m−1} lower 5·10⁻⁷ quantile (σ ≤ s·√((m−1)/q)), and the mean is within z(5·10⁻⁷)·σ/√m.
    let h = Self.logSpaced(20, 100)
    let q = QuadraticLandscape(name: "log100-d20", storage: .diagonal(h))
    let sampler = try SelectionSampler(population: 10, sigma: 1)
    let m = 80, n = 500
    var scales: [Double] = []
    for i in 0..<m {
      let run = try await sampler.sample(q, kept: n, seed: 9000 + UInt64(i), workers: 2)
      scales.append(
        try CovarianceHessianRelation.measure(covariance: run.moments.secondMoment, hessian: q.denseHessianAtMinimum(), sigma: 1)
          .fittedScale)
    }
    let mean = scales.reduce(0, +) / Double(m)
    let s2 = scales.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(m - 1)
    let chiLow = try Distributions.chiSquareQuantile(5e-7, degreesOfFreedom: Double(m - 1))
    let sigmaUpper = (s2 * Double(m - 1) / chiLow).squareRoot()
    let z = try Distributions.twoSidedNormalQuantile(falseFailureProbability: 5e-7)
    let band = z * sigmaUpper / Double(m).squareRoot()
    let finite = try #require(FiniteLambdaScale.expectedFittedScale(population: 10, eigenvalues: h))
    #expect(abs(mean - finite) <= band, "mean fitted \(mean) vs finite-λ \(finite) ± \(band)")
    // Power: the asymptote (what `predictedScale` printed before) and a 10% error are outside the band.
    let asymptote = try #require(KappaConstant.asymptotic(lambda: 10, eigenvalues: h))
    #expect(abs(mean - asymptote) > band)
    #expect(abs(mean - 1.1 * finite) > band, "band \(band) cannot see a 10% error")
    #expect(abs(mean - 0.9 * finite) > band)
  }

  @Test("The stated error scale 2κ/h_min + 3/λ bounds the asymptote's error where the exact value is known")
  func asymptoteErrorScale() throws {
    // A subset of the sweep recorded in CovarianceHessianRelation.asymptoticErrorScale (441 cases,
    // largest ratio 0.99996 at r = 1, where 3/λ is the exact first-order error).
    var worst = 0.0
    for r in [1, 2, 5, 20] {
      for lambda in [2, 10, 1000, 100_000] {
        for h in [[Double](repeating: 1, count: r), r == 1 ? [1] : Self.logSpaced(r, 100)] {
          let exact = try #require(FiniteLambdaScale.expectedFittedScale(population: lambda, eigenvalues: h))
          let asymptote = try #require(KappaConstant.asymptotic(lambda: Double(lambda), eigenvalues: h))
          let scale = CovarianceHessianRelation.asymptoticErrorScale(lambda: Double(lambda), eigenvalues: h)
          worst = max(worst, abs(asymptote / exact - 1) / scale)
        }
      }
    }
    #expect(worst < 1, "largest |error|/scale \(worst)")
    // Power: the scale is not vacuous — at r = 20, H = I, λ = 1000 the error uses 52% of it, and
    // half the scale (κ/h_min + 1.5/λ) would be exceeded there.
    let h = [Double](repeating: 1, count: 20)
    let exact = try #require(FiniteLambdaScale.expectedFittedScale(population: 1000, eigenvalues: h))
    let err = abs(try #require(KappaConstant.asymptotic(lambda: 1000, eigenvalues: h)) / exact - 1)
    #expect(err > 0.5 * CovarianceHessianRelation.asymptoticErrorScale(lambda: 1000, eigenvalues: h))
  }
}

@Suite("Scale prediction of the covariance–Hessian relation")
struct ScalePredictionTests {
  @Test("predictScale: the finite-λ value when centred, the labelled asymptote with a reason otherwise")
  func prediction() throws {
    let h = FiniteLambdaScaleTests.logSpaced(20, 100)
    // Centred: finite-λ value (SciPy 1.621440082) and the asymptote 3.422291332 beside it.
    let centred = try #require(
      CovarianceHessianRelation.predictScale(population: 10, hessianEigenvalues: h + [0, 0], centerDistance: 0, sigma: 1))
    let finite = try #require(centred.finite)
    #expect(abs(finite / 1.621440082 - 1) < FiniteLambdaScaleTests.relative)
    #expect(abs(centred.asymptotic / 3.422291332 - 1) < FiniteLambdaScaleTests.relative)
    #expect(abs(try #require(centred.asymptoticRelativeError) - (3.422291332 / 1.621440082 - 1)) < 1e-6)
    #expect(centred.finiteUnavailable == nil)
    // Off-centre: no finite value, a reason, the λ_eff asymptote and its error scale.
    let off = try #require(
      CovarianceHessianRelation.predictScale(population: 1000, hessianEigenvalues: [2, 8], centerDistance: 1, sigma: 1))
    #expect(off.finite == nil && off.asymptoticRelativeError == nil)
    #expect(off.finiteUnavailable?.contains("off the minimum") == true)
    let lambdaEff = 1000 * exp(-0.5)
    #expect(off.asymptotic == KappaConstant.asymptotic(lambda: lambdaEff, eigenvalues: [2, 8]))
    #expect(off.asymptoticErrorScale == CovarianceHessianRelation.asymptoticErrorScale(lambda: lambdaEff, eigenvalues: [2, 8]))
    // Too ill-conditioned for the series: no finite value, and the reason names the condition number.
    let stiff = try #require(
      CovarianceHessianRelation.predictScale(population: 10, hessianEigenvalues: [1, 1e6], centerDistance: 0, sigma: 1))
    #expect(stiff.finite == nil && stiff.finiteUnavailable?.contains("condition number") == true)
    // No positive eigenvalue: no prediction at all.
    #expect(CovarianceHessianRelation.predictScale(population: 10, hessianEigenvalues: [0, 0], centerDistance: 0, sigma: 1) == nil)
  }
}
