import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

/// Statistical checks of the (1,λ) covariance against closed-form theory
/// (theory §4.2, §4.4). Every threshold comes from a stated false-failure
/// probability through a normal or χ² quantile; each check is paired with a
/// deliberately wrong value that the same bound rejects.
@Suite("Covariance of selected points: known answers")
struct CovarianceStatisticsTests {
  /// Two-sided χ² acceptance interval for (k/E)·X̄ where kX̄/E ~ χ²_k.
  static func chiSquareBand(dof k: Double, falseFailure p: Double) throws -> ClosedRange<Double> {
    try Distributions.chiSquareQuantile(p / 2, degreesOfFreedom: k)...Distributions.chiSquareQuantile(1 - p / 2, degreesOfFreedom: k)
  }

  @Test("null-direction variances are σ², cross-covariances vanish, range variances are below σ²")
  func nullBlock() async throws {
    // d = 6, r = 2 (axis-aligned: coordinates 2…5 are null), λ = 20, σ = 0.5.
    let d = 6, r = 2, n = 4000
    let sigma = 0.5, s2 = sigma * sigma
    let q = QuadraticLandscape(name: "q", storage: .diagonal([1, 3, 0, 0, 0, 0]))
    let sampler = try SelectionSampler(population: 20, sigma: sigma)
    let run = try await sampler.sample(q, kept: n, seed: 2024, workers: 2)
    let c = run.moments.secondMoment
    // Overall false-failure probability 10⁻³, split (Bonferroni) over the 4 null
    // variances and the 4·5/2 + 4·2 = 14 cross-covariances with a null coordinate.
    let nullCount = d - r, crossCount = nullCount * (nullCount - 1) / 2 + nullCount * r
    let pEach = 1e-3 / Double(nullCount + crossCount)
    // Null variance: null coordinates of the kept points are exactly N(0, σ²) and
    // independent (notes §2.1), so n·Ĉⱼⱼ/σ² ~ χ²_n exactly.
    let band = try Self.chiSquareBand(dof: Double(n), falseFailure: pEach)
    for j in r..<d {
      #expect(band.contains(Double(n) * c[j, j] / s2), "null variance \(c[j, j]) vs σ² = \(s2)")
    }
    // Companion: a wrong null variance (1.1σ²) is rejected by the same band.
    #expect(!band.contains(Double(n) * c[r, r] / (1.1 * s2)))
    // Cross-covariance with a null coordinate j: E[yᵢyⱼ] = 0 and Var(yᵢyⱼ) = E[yᵢ²]σ²,
    // so z = √n·Ĉᵢⱼ/(σ√Ĉᵢᵢ) ≈ N(0,1) (CLT, n = 4000); |z| ≤ Φ⁻¹(1 − p/2).
    let zMax = try Distributions.twoSidedNormalQuantile(falseFailureProbability: pEach)
    for j in r..<d {
      for i in 0..<j where i != j {
        let z = Double(n).squareRoot() * c[i, j] / (sigma * c[i, i].squareRoot())
        #expect(abs(z) <= zMax, "cross-covariance (\(i),\(j)) z = \(z)")
      }
    }
    // Companion: a shifted "true" covariance of 0.05σ² would give |z| ≫ zMax.
    let zWrong = Double(n).squareRoot() * (c[0, 3] - 0.05 * s2) / (sigma * c[0, 0].squareRoot())
    #expect(abs(zWrong) > zMax)
    // Range variances are strictly below σ² (Harris/FKG, notes §2.1 item 3). The
    // estimate's SE is ≤ √(E[y⁴]/n) ≤ √3·σ²/√n (y² of a kept range coordinate is
    // stochastically below σ²χ²₁); one-sided at p = 10⁻³: Ĉᵢᵢ + z·SE < σ².
    let z1 = try Distributions.normalQuantile(1 - 1e-3)
    let seBound = 3.0.squareRoot() * s2 / Double(n).squareRoot()
    for i in 0..<r {
      #expect(c[i, i] + z1 * seBound < s2, "range variance \(c[i, i])")
    }
    // Companion: a null coordinate fails that test.
    #expect(!(c[r, r] + z1 * seBound < s2))
  }

  @Test("for d = 2 and H ∝ I the fitted scale is exactly κ = h/λ")
  func kappaTwoDimensions() async throws {
    // d = 2, H = 3I: |y|²/σ² of the winner is the minimum of λ χ²₂ = Exp(mean 2/λ),
    // and fittedScale = h·tr(Ĉ)/(2σ²) = h·mean(|y|²)/(2σ²). Hence
    // 2n·fittedScale/κ ~ χ²_{2n} exactly, κ = h/λ. Two-sided, false-failure 10⁻³.
    let n = 20_000, lambda = 50, h = 3.0, sigma = 0.8
    let q = QuadraticLandscape(name: "3I", storage: .diagonal([h, h]))
    let sampler = try SelectionSampler(population: lambda, sigma: sigma)
    let run = try await sampler.sample(q, kept: n, seed: 77, workers: 2)
    let rel = try CovarianceHessianRelation.measure(
      covariance: run.moments.secondMoment, hessian: try q.denseHessianAtMinimum(), sigma: sigma)
    let kappa = try #require(
      CovarianceHessianRelation.asymptoticScale(population: lambda, hessianEigenvalues: [h, h], centerDistance: 0, sigma: sigma))
    #expect(abs(kappa - h / Double(lambda)) < 1e-14)
    let band = try Self.chiSquareBand(dof: Double(2 * n), falseFailure: 1e-3)
    #expect(band.contains(Double(2 * n) * rel.fittedScale / kappa), "fitted \(rel.fittedScale) vs κ \(kappa)")
    // Companion: a κ 5% too large (4.5 standard errors at n = 20 000) is rejected.
    #expect(!band.contains(Double(2 * n) * rel.fittedScale / (1.05 * kappa)))
    // The exact isotropic constant is 1/λ for d = 2 at every λ.
    for lam in [2, 10, 100, 1000] {
      #expect(abs(KappaConstant.exactIsotropic(lambda: lam, dimension: 2) * Double(lam) - 1) < 1e-7)
    }
  }

  @Test("κ: exact isotropic values and the asymptote agree with the notes' table")
  func kappaTable() {
    // Notes §1.3 (sim J, scipy quad), 3-4 significant digits.
    let exact: [(Int, Int, Double)] = [(1, 2, 0.3634), (1, 10, 0.0247), (5, 10, 0.2825), (5, 100, 0.0986), (20, 1000, 0.2788)]
    for (d, lam, v) in exact {
      #expect(abs(KappaConstant.exactIsotropic(lambda: lam, dimension: d) / v - 1) < 3e-3, "d=\(d) λ=\(lam)")
    }
    let asym: [(Int, Int, Double)] = [(1, 10, 0.0314), (5, 100, 0.0909), (10, 1000, 0.1202), (20, 10_000, 0.1715)]
    for (d, lam, v) in asym {
      #expect(abs(KappaConstant.asymptotic(lambda: Double(lam), dimension: d) / v - 1) < 3e-3, "d=\(d) λ=\(lam)")
    }
    // Companion: the asymptote is not the exact value at small λ (d = 5, λ = 10).
    #expect(abs(KappaConstant.asymptotic(lambda: 10, dimension: 5) / 0.2825 - 1) > 0.1)
  }

  @Test("the spread cond(H^½ C H^½) decreases as λ grows")
  func spreadDecreases() async throws {
    // d = 3, H = diag(1, 3, 10). Expected spreads (notes §1.3, first-order
    // correction; d = 5 cond 10 gives 2.06/1.27/1.09 at λ = 10/100/1000) are
    // roughly 1.8, 1.2, 1.05 at λ = 4, 40, 400. With n = 12 000 kept points the
    // spread's MC standard deviation is ≈ 2√(d/n)·spread ≈ 0.03, so each step
    // (≥ 0.15) is ≥ 3.5 combined SDs: false-failure ≤ 2·Φ(−3.5) ≈ 5·10⁻⁴.
    let q = QuadraticLandscape(name: "q", storage: .diagonal([1, 3, 10]))
    let h = try q.denseHessianAtMinimum()
    var spreads: [Double] = []
    for (i, lam) in [4, 40, 400].enumerated() {
      let s = try SelectionSampler(population: lam, sigma: 1)
      let run = try await s.sample(q, kept: 12_000, seed: 500 + UInt64(i), workers: 2)
      spreads.append(try CovarianceHessianRelation.measure(covariance: run.moments.secondMoment, hessian: h, sigma: 1).spread)
    }
    #expect(spreads[0] > spreads[1] && spreads[1] > spreads[2], "spreads \(spreads)")
    #expect(spreads[2] < 1.3)
    // Companion: an unselected sample (C = σ²I) has spread cond(H) = 10 and fails
    // the λ = 400 bound.
    let none = try CovarianceHessianRelation.measure(covariance: Matrix.identity(3), hessian: h, sigma: 1)
    #expect(abs(none.spread - 10) < 1e-9 && !(none.spread < 1.3))
    #expect(abs(none.measureID - 9) < 1e-9)
  }
}
