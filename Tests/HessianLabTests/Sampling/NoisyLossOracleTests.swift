import Foundation
import GSLBridge
import Testing

import HessianLab
@testable import HessianCore

/// The noisy loss: a seeded field of the point (reproducible, order- and worker-independent),
/// of the stated size, counted like the exact loss.
@Suite("Noisy loss oracle")
struct NoisyLossOracleTests {
  static let exact = ClosureLossOracle(center: [0, 0, 0]) { p in (0..<p.rows).map { r in p[r, 0] * p[r, 0] + 2 * p[r, 1] * p[r, 1] } }

  static func points(_ n: Int, seed: UInt64) -> Matrix {
    var rng = SeededGenerator(seed: seed)
    return Matrix(rows: n, columns: 3, elements: rng.normals(3 * n))
  }

  @Test("same seed, same values, in any order and any blocking; another seed differs")
  func reproducible() throws {
    let p = Self.points(50, seed: 1)
    let a = try NoisyLossOracle(Self.exact, sigma: 0.1, seed: 9).losses(at: p)
    let b = try NoisyLossOracle(Self.exact, sigma: 0.1, seed: 9).losses(at: p)
    #expect(a == b)
    // Row by row, in reverse order: the noise depends on the point only.
    let oracle = NoisyLossOracle(Self.exact, sigma: 0.1, seed: 9)
    for r in (0..<50).reversed() {
      #expect(try oracle.loss(at: Array(p.elements[(3 * r)..<(3 * r + 3)])) == a[r])
    }
    let c = try NoisyLossOracle(Self.exact, sigma: 0.1, seed: 10).losses(at: p)
    #expect(zip(a, c).allSatisfy { $0 != $1 })
  }

  @Test("the noise has the stated size: mean 0 and variance σ² within a chi-square band (p = 1e-6)")
  func size() throws {
    let n = 4000, sigma = 0.25
    let p = Self.points(n, seed: 2)
    let noisy = try NoisyLossOracle(Self.exact, sigma: sigma, seed: 3).losses(at: p)
    let clean = try Self.exact.losses(at: p)
    let z = zip(noisy, clean).map { ($0 - $1) / sigma }
    let mean = z.reduce(0, +) / Double(n)
    // |mean| ≤ q·1/√n with q = Φ⁻¹(1 − p/2) ≈ 4.89 for p = 1e-6.
    let q = try Distributions.twoSidedNormalQuantile(falseFailureProbability: 1e-6)
    #expect(abs(mean) <= q / Double(n).squareRoot())
    // Σz² ~ χ²_n: within its 5e-7 and 1 − 5e-7 quantiles (two-sided p = 1e-6).
    let ss = z.reduce(0) { $0 + $1 * $1 }
    #expect(try ss >= Distributions.chiSquareQuantile(5e-7, degreesOfFreedom: Double(n)))
    #expect(try ss <= Distributions.chiSquareQuantile(1 - 5e-7, degreesOfFreedom: Double(n)))
    // Power: a noise 10% too large or too small falls outside the band.
    #expect(try ss * 1.21 > Distributions.chiSquareQuantile(1 - 5e-7, degreesOfFreedom: Double(n)))
    #expect(try ss * 0.81 < Distributions.chiSquareQuantile(5e-7, degreesOfFreedom: Double(n)))
  }

  @Test("the sampler counts the same loss evaluations and gives the same sample for 1 and 3 workers")
  func samplerCountsAndWorkers() async throws {
    let sampler = try SelectionSampler(population: 10, sigma: 0.5)
    let model = LossErrorModel.noise(sigma: 0.05)
    let noisy = model.oracle(Self.exact, seed: LossErrorModel.noiseSeed(forRun: 4))
    let one = try await sampler.sample(noisy, kept: 60, seed: 4, workers: 1)
    let three = try await sampler.sample(noisy, kept: 60, seed: 4, workers: 3)
    let clean = try await sampler.sample(Self.exact, kept: 60, seed: 4, workers: 1)
    #expect(one.lossEvaluations == clean.lossEvaluations && three.lossEvaluations == clean.lossEvaluations)
    #expect(one.moments.secondMoment == three.moments.secondMoment)
    // The noise changed which candidates were kept.
    #expect(one.moments.secondMoment != clean.moments.secondMoment)
  }
}
