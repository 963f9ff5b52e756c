import Foundation
import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("LLC analysis: one call from landscape to report")
struct LLCAnalysisTests {
  static func options(_ method: LLCMethod, seed: UInt64 = 7) -> LLCAnalysis.Options {
    var o = LLCAnalysis.Options(seed: seed)
    o.method = method
    return o
  }

  /// x² + y⁴ (d = 2): dense rank 1 (the y⁴ direction is flat at the minimum), bounds
  /// [1/2, 3/4] computed independently from r and d; λ = 3/4 lies inside.
  @Test("bounds from the computed rank, exact λ inside them, no warnings")
  func boundsFromComputedRank() throws {
    let land = try LandscapeSpec.resolve("poly:x0^2+x1^4")
    let report = try LLCAnalysis.run(land, options: Self.options(.bounds))
    #expect(report.bounds.rank == 1 && report.bounds.rankSource == .hessian)
    #expect(report.bounds.lower == Rational(1, 2) && report.bounds.upper == Rational(3, 4))
    #expect(report.boundsText == "[1/2, 3/4]")
    #expect(report.volume == nil && report.sgld == nil)
    #expect(report.warnings.isEmpty, "\(report.warnings)")
  }

  /// A stated rank 0 on x² (λ = 1/2): bounds [0, 1/4] exclude λ, so the analysis
  /// must say the rank is wrong; the covariance source adds its own caveat.
  @Test("a wrong stated rank is flagged with exactOutsideBounds; covariance source with covarianceRankOverCount")
  func statedRankWarnings() throws {
    let land = try LandscapeSpec.resolve("nc-x2")
    var o = Self.options(.bounds)
    o.rank = 0
    o.rankSource = .covarianceReadout
    let report = try LLCAnalysis.run(land, options: o)
    #expect(report.warnings.map(\.code) == [.covarianceRankOverCount, .exactOutsideBounds])
    #expect(report.bounds.rankSource == .covarianceReadout)
    o.rank = 1
    o.rankSource = .stated
    #expect(try LLCAnalysis.run(land, options: o).warnings.isEmpty)
  }

  @Test("a stated rank above d is refused naming --rank")
  func statedRankAboveDimension() throws {
    let land = try LandscapeSpec.resolve("nc-x2")
    var o = Self.options(.bounds)
    o.rank = 2
    #expect(throws: InputError.parameter(.rank, value: "2", problem: "2 is not between 0 and d = 1")) { try LLCAnalysis.run(land, options: o) }
  }

  /// (xy)² has a zero Hessian: the dense rank's zeroMatrix warning is kept with its
  /// code and prefixed "rank: " in the message.
  @Test("rank warnings keep their codes")
  func rankWarningsKeepCodes() throws {
    let report = try LLCAnalysis.run(try LandscapeSpec.resolve("nc-xy2"), options: Self.options(.bounds))
    #expect(report.bounds.rank == 0)
    #expect(report.warnings.map(\.code) == [.zeroMatrix])
    #expect(report.warnings.first?.message.hasPrefix("rank: ") == true)
  }

  /// Same seed, same report; the estimator's own warnings keep their codes and are prefixed by source.
  @Test("SGLD runs only when asked, is reproducible from the seed, and its caveats keep the estimator's codes")
  func sgldReproducible() throws {
    let land = try LandscapeSpec.resolve("nc-xy2")
    var o = Self.options(.sgld)
    o.sgld = .init(chains: 2, steps: 400, burnIn: 100)
    let a = try LLCAnalysis.run(land, options: o)
    let b = try LLCAnalysis.run(land, options: o)
    #expect(a.sgld != nil && a.volume == nil)
    #expect(a.sgld == b.sgld)
    #expect(a.warnings == b.warnings)
    // Passed on in the estimator's order with its codes, each message prefixed "sgld: ".
    let estimator = try #require(a.sgld).warnings
    #expect(a.warnings.suffix(estimator.count) == estimator.map { Warning($0.code, "sgld: \($0.message)") }[...])
    // (xy)² has m = 2: the multiplicity shortfall is always stated.
    #expect(estimator.map(\.code).contains(.multiplicityShortfall), "\(estimator)")
    var progress: [Int] = []
    _ = try LLCAnalysis.run(land, options: o) { done, total in
      #expect(total == 3)
      progress.append(done)
    }
    #expect(progress == [1, 2, 3])
  }

  /// A volume run with m unknown: poly:x0^2*x1^2+x2^6 has no known multiplicity in
  /// its known answers only if the zoo says so; a fixed m avoids the warning.
  @Test("volume with a fixed multiplicity uses it and does not warn multiplicityUnknown")
  func volumeFixedMultiplicity() throws {
    let land = try LandscapeSpec.resolve("nc-x2")
    var o = Self.options(.volume)
    o.multiplicity = .fixed(1)
    o.volume = .init(replicates: 2, splitting: .init(particles: 16))
    let report = try LLCAnalysis.run(land, options: o)
    #expect(report.volume?.multiplicity == 1)
    #expect(!report.warnings.contains { $0.code == .multiplicityUnknown })
    // The estimator's own warnings are passed on last, with its codes, prefixed "volume: ".
    let estimator = try #require(report.volume).warnings
    #expect(report.warnings.suffix(estimator.count) == estimator.map { Warning($0.code, "volume: \($0.message)") }[...])
  }
}
