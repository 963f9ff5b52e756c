import Foundation
import Testing
import HessianLab
@testable import HessianCore
@testable import HessianVerification
@testable import HessianZoo

/// The gap reading near τ: a clear gap is found where it is, a geometric spectrum has none (warning).
@Suite("SpectralGap")
struct SpectralGapTests {
  /// λ_k = 2^−k, k = 0 … 59: every consecutive ratio is exactly 2, through τ = 60·ε ≈ 1.3·10⁻¹⁴.
  static let geometric = (0..<60).map { pow(2.0, -Double($0)) }

  @Test("geometric eigenvalues: the largest ratio near τ is 2, no gap, noSpectralGap with the ratio")
  func geometricHasNoGap() throws {
    let decision = NumericalRank.decide(eigenvalues: Self.geometric, dimension: 60)
    let gap = try #require(decision.spectralGap)
    #expect(gap.ratio == 2 && !gap.isClear)
    #expect(decision.warnings.map(\.code).contains(.noSpectralGap))
    #expect(gap.warning?.message.contains("is 2 ") == true)
  }

  @Test("a clear gap (1, 2, 4 and exact zeros): the gap is at the rank, no noSpectralGap")
  func clearGap() throws {
    let values = [4.0, 2, 1] + [Double](repeating: 0, count: 9)
    let decision = NumericalRank.decide(eigenvalues: values, dimension: 12)
    let gap = try #require(decision.spectralGap)
    #expect(gap.ratio == .infinity && gap.at == 3 && gap.isClear)
    #expect(!decision.warnings.map(\.code).contains(.noSpectralGap))
  }

  @Test("a clear gap away from τ is found and names the rank a threshold in it would give")
  func gapElsewhere() throws {
    // τ = 1e-12 (absolute): 1.5e-12 is counted (rank 4, ratio 15 at τ), but the largest gap within the
    // window [1e-15, 1e-9] is 2.5e-9 / 1.5e-12 ≈ 1667, after 3 values.
    let values = [1e-8, 5e-9, 2.5e-9, 1.5e-12, 1e-13, 8e-14]
    let decision = NumericalRank.decide(eigenvalues: values, dimension: 6, policy: .absolute(1e-12))
    let gap = try #require(decision.spectralGap)
    #expect(decision.rank == 4 && gap.at == 3 && gap.ratio == 2.5e-9 / 1.5e-12 && gap.isClear)
    // With τ = 1e-15 the window [1e-18, 1e-12] no longer reaches the pair (2.5e-9, 1.5e-12).
    let far = try #require(SpectralGap(eigenvalues: values, threshold: 1e-15))
    #expect(far.at == 4 && far.above == 1.5e-12 && far.ratio == 15)
  }

  @Test("a zero matrix or a single value has no reading")
  func none() {
    #expect(SpectralGap(eigenvalues: [0, 0, 0], threshold: 0) == nil)
    #expect(SpectralGap(eigenvalues: [1], threshold: 1e-15) == nil)
  }

  @Test("rank on quadratics: a geometric spectrum warns noSpectralGap in text and JSON; one with a clear gap does not")
  func rankAnalysis() throws {
    let spec = "quad:" + Self.geometric.map { String($0) }.joined(separator: ",") + ":d=60"
    let report = try RankAnalysis.run(try LandscapeSpec.resolve(spec), options: .init(method: .dense))
    #expect(report.result.warnings.map(\.code).contains(.noSpectralGap))
    #expect(report.text.contains("no spectral gap near the threshold"))
    let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
    #expect(json.contains("\"noSpectralGap\""))
    let clear = try RankAnalysis.run(try LandscapeSpec.resolve("quad:1,2,4:d=12:seed=1"), options: .init(method: .dense))
    #expect(!clear.result.warnings.map(\.code).contains(.noSpectralGap))
    #expect(clear.result.spectralGap?.isClear == true && clear.result.spectralGap?.at == 3)
  }
}
