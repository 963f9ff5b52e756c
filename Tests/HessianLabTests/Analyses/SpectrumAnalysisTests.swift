import Foundation
import Testing
import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo
import TestSupport

@Suite("SpectrumAnalysis: the spectrum command as one library call")
struct SpectrumAnalysisTests {
  @Test("top and bottom eigenvalues match the constructed spectrum")
  func extremes() throws {
    let land = try KrylovFixtures.quadratic("q", [9, 5, 5, 3, 1], d: 5)
    let top = try SpectrumAnalysis.run(land, options: .init(mode: .extremes(.top, count: 3), seed: 7))
    #expect(top.mode == .top)
    #expect(top.seed == 7)
    for (a, b) in zip(top.eigenvalues ?? [], [9.0, 5, 5]) { #expect(abs(a - b) <= 1e-8 * 9, "\(top.eigenvalues ?? [])") }
    #expect(top.converged == [true, true, true])
    #expect(top.warnings.isEmpty)
    #expect(top.hessianVectorProducts > 0)
    let bottom = try SpectrumAnalysis.run(land, options: .init(mode: .extremes(.bottom, count: 2), seed: 7))
    #expect(bottom.mode == .bottom)
    for (a, b) in zip(bottom.eigenvalues ?? [], [1.0, 3]) { #expect(abs(a - b) <= 1e-8 * 9) }
  }

  @Test("more eigenvalues than d is refused naming the top or bottom K")
  func tooMany() throws {
    let land = try KrylovFixtures.quadratic("q", [1, 2], d: 4)
    #expect(throws: InputError.parameter(.top, value: "5", problem: "K = 5 is more than the dimension d = 4 of q")) {
      try SpectrumAnalysis.run(land, options: .init(mode: .extremes(.top, count: 5), seed: 1))
    }
    #expect(throws: InputError.parameter(.bottom, value: "5", problem: "K = 5 is more than the dimension d = 4 of q")) {
      try SpectrumAnalysis.run(land, options: .init(mode: .extremes(.bottom, count: 5), seed: 1))
    }
  }

  @Test("too few steps give a typed eigenvaluesNotConverged warning")
  func unconverged() throws {
    let land = try KrylovFixtures.quadratic("u", (1...60).map { 1 + Double($0) / 60 }, d: 80)
    let report = try SpectrumAnalysis.run(land, options: .init(mode: .extremes(.top, count: 3), steps: 4, seed: 34))
    #expect(report.converged?.contains(false) == true)
    #expect(report.warnings.map(\.code) == [.eigenvaluesNotConverged], "\(report.warnings)")
    #expect(report.text.contains("warning: \(report.warnings[0].message)"))
  }

  @Test("a saddle is answered, with notAMinimum first")
  func saddle() throws {
    let url = Repository.root.appendingPathComponent("fixtures/hessians/saddle-d6.npy")
    let land = try LandscapeSpec.resolve(url.path, hessianCheck: .saddleAllowed)
    let report = try SpectrumAnalysis.run(land, options: .init(mode: .extremes(.bottom, count: 2), seed: 7))
    #expect(report.warnings.first?.code == .notAMinimum)
    // The fixture's spectrum is 3, 1, −2 (README): the smallest is −2.
    #expect(abs((report.eigenvalues?.first ?? 0) + 2) <= 1e-8 * 3)
  }

  @Test("the density: probes, steps, a 201-point grid spanning 56σ, and the plot")
  func density() throws {
    let land = try KrylovFixtures.quadratic("q", [1, 2, 3, 4], d: 8)
    let report = try SpectrumAnalysis.run(land, options: .init(mode: .density, probes: 5, seed: 7))
    #expect(report.mode == .density)
    #expect(report.steps == 8)  // min(d, 30)
    #expect(report.probes == 5)
    let grid = try #require(report.grid)
    #expect(grid.count == 201)
    #expect(report.density?.count == 201)
    let sigma = try #require(report.sigma)
    #expect(abs((grid.last! - grid.first!) - 56 * sigma) <= 1e-12 * 56 * sigma)
    // Weights are a probability distribution over the pooled nodes.
    #expect(abs((report.weights ?? []).reduce(0, +) - 1) <= 1e-12)
    #expect(report.plot.title.hasPrefix("SLQ spectral density of q (5 probes × 8 steps, σ = "))
    #expect(report.eigenvalues == nil)
    #expect(try report.savedArray().shape == [201, 2])
  }
}
