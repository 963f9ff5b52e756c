import Dispatch
import Foundation
import Testing

import HessianLab
@testable import HessianCore
@testable import HessianZoo

@Suite("CMA-ES covariance estimator")
struct CMAESEstimatorTests {
  /// L(x) = Σ h_j x_j² centred at 0, evaluated row by row (or rows in parallel).
  static func quadratic(_ h: [Double], parallel: Bool = false) -> ClosureLossOracle {
    ClosureLossOracle(center: [Double](repeating: 0, count: h.count)) { p in
      let d = h.count
      let row: @Sendable (Int) -> Double = { i in (0..<d).reduce(0.0) { $0 + h[$1] * p[i, $1] * p[i, $1] } }
      guard parallel else { return (0..<p.rows).map(row) }
      let out = Locked([Double](repeating: 0, count: p.rows))
      DispatchQueue.concurrentPerform(iterations: p.rows) { i in
        let v = row(i)
        out.withLock { $0[i] = v }
      }
      return out.withLock { $0 }
    }
  }

  /// h_j = cond^{j/(d−1)}: condition number `cond`, log-evenly spread.
  static func spectrum(_ d: Int, condition: Double) -> [Double] {
    (0..<d).map { pow(condition, Double($0) / Double(d - 1)) }
  }

  /// Spread bounds for the averaged shape at d = 10 (H ∝ I with E = 8000, condition 100 with
  /// E = 16000), derived from 200 seeds of an independent NumPy implementation of the same
  /// algorithm (same parameters, different random streams): log(spread − 1) was close to normal
  /// with mean m and SD s, and the bound is 1 + exp(m + z·s) with z = Φ⁻¹(1 − 10⁻⁶) = 4.75, so a
  /// correct estimator exceeds it with probability about 10⁻⁶ per seed.
  static let identityBound = 3.063
  static let conditionedBound = 2.453

  @Test("H ∝ I: the averaged shape converges to H⁻¹ (spread within its 10⁻⁶ bound)")
  func identityShape() throws {
    let h = [Double](repeating: 3, count: 10)
    let est = try CMAESEstimator(dimension: 10, sigma: 1)
    let run = try est.run(Self.quadratic(h), evaluations: 8000, seed: 2026)
    let rel = try CovarianceHessianRelation.measure(covariance: try #require(run.averagedShape), hessian: .diagonal(h), sigma: 1)
    #expect(rel.spread < Self.identityBound, "spread \(rel.spread)")
    // Power: the same C measured against a Hessian of condition 10 is far outside the bound.
    let wrong = try CovarianceHessianRelation.measure(
      covariance: try #require(run.averagedShape), hessian: .diagonal(Self.spectrum(10, condition: 10)), sigma: 1)
    #expect(wrong.spread > Self.identityBound)
  }

  @Test("diagonal H with condition 100: the averaged shape converges to H⁻¹ (spread within its 10⁻⁶ bound)")
  func conditionedShape() throws {
    let h = Self.spectrum(10, condition: 100)
    let est = try CMAESEstimator(dimension: 10, sigma: 1)
    let run = try est.run(Self.quadratic(h), evaluations: 16000, seed: 2026)
    let rel = try CovarianceHessianRelation.measure(covariance: try #require(run.averagedShape), hessian: .diagonal(h), sigma: 1)
    #expect(rel.spread < Self.conditionedBound, "spread \(rel.spread)")
    // Power: the isotropic start (C = I) has spread 100, and the first snapshot is still far off.
    let first = try CovarianceHessianRelation.measure(covariance: run.snapshots[0].covariance, hessian: .diagonal(h), sigma: 1)
    #expect(first.spread > Self.conditionedBound)
  }

  @Test("evaluations reported equal evaluations made (counting landscape), λ per generation")
  func counting() throws {
    let land = CountingLandscape(try #require(try LandscapeSpec.resolve("quad:1,2,4:d=6:seed=1") as? QuadraticLandscape))
    let est = try CMAESEstimator(dimension: 6, sigma: 0.5)
    let run = try est.run(land, evaluations: 1003, seed: 7)
    #expect(run.lossEvaluations == land.evaluations)
    #expect(run.lossEvaluations == run.generations * est.parameters.population)
    #expect(run.generations == 1003 / est.parameters.population)
    #expect(run.snapshots.last?.lossEvaluations == run.lossEvaluations)
  }

  @Test("bit-identical for the same seed, whatever the oracle's parallelism; another seed differs")
  func determinism() throws {
    let h = Self.spectrum(8, condition: 30)
    let est = try CMAESEstimator(dimension: 8, sigma: 1)
    let a = try est.run(Self.quadratic(h), evaluations: 2000, seed: 11)
    let b = try est.run(Self.quadratic(h, parallel: true), evaluations: 2000, seed: 11)
    #expect(a == b)
    let c = try est.run(Self.quadratic(h), evaluations: 2000, seed: 12)
    #expect(a.covariance != c.covariance)
  }

  @Test("a constant loss stops after one generation (no selection signal), its λ evaluations counted")
  func constantLoss() throws {
    let flat = ClosureLossOracle(center: [0, 0, 0]) { p in [Double](repeating: 1, count: p.rows) }
    let est = try CMAESEstimator(dimension: 3, sigma: 1)
    let run = try est.run(flat, evaluations: 700, seed: 1)
    #expect(run.stop == .noSelectionSignal)
    #expect(run.generations == 0 && run.lossEvaluations == est.parameters.population)
    // The start's C (σ₀²I = I) is kept as the final snapshot, so the read-out has a covariance to read
    // (it then says no flat block is resolved) instead of failing (`covariance quad-zero --route cma`).
    #expect(run.snapshots.map(\.generation) == [0])
    #expect(run.snapshots.last?.covariance == Matrix.identity(3))
    let readout = try CMAESRankReadout.read(run)
    #expect(!readout.resolved)
  }

  @Test("budgets: fewer than two generations, work and memory ceilings are refused before any evaluation")
  func budgets() throws {
    let est = try CMAESEstimator(dimension: 4, sigma: 1)
    #expect(throws: InputError.self) { try est.checkBudgets(evaluations: 2 * est.parameters.population - 1) }
    #expect(throws: InputError.self) { try est.checkBudgets(evaluations: Int.max) }
    let huge = try CMAESEstimator(dimension: 3_000_000, sigma: 1)
    #expect(throws: InputError.self) { try huge.checkBudgets(evaluations: 1000) }
    #expect(throws: InputError.self) { try CMAESEstimator(dimension: 4, sigma: .nan) }
    #expect(throws: InputError.self) { try CMAESEstimator(dimension: 4, sigma: 1, startOffset: [1, 2]) }
  }
}
