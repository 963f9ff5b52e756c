import Foundation
import Testing
import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("RankAnalysis: the rank command as one library call")
struct RankAnalysisTests {
  /// Spectrum known by construction: rank 5 of d = 40.
  static func landscape() throws -> QuadraticLandscape {
    try KrylovFixtures.quadratic("rank5", [1, 2, 4, 8, 16], d: 40)
  }

  @Test("every method finds the constructed rank, with the input's name and precision")
  func constructedRank() throws {
    for method in RankMethod.allCases {
      let report = try RankAnalysis.run(try Self.landscape(), options: .init(method: method, seed: 7, probes: 40))
      #expect(report.result.rank == 5, "\(method): \(report.result.warnings)")
      #expect(report.result.method == method)
      #expect(report.landscape == "rank5")
      #expect(report.precision == .float64)
    }
  }

  @Test("the seed is reported for randomized methods only")
  func seed() throws {
    let dense = try RankAnalysis.run(try Self.landscape(), options: .init(method: .dense, seed: 9))
    #expect(dense.result.seed == nil)
    #expect(!RankMethod.dense.isRandomized)
    let block = try RankAnalysis.run(try Self.landscape(), options: .init(method: .block, seed: 9))
    #expect(block.result.seed == 9)
    #expect(block.text.hasSuffix("seed 9"))
    #expect(!dense.text.contains("\nseed "))
  }

  @Test("the options reach the method: threshold, steps and reorthogonalization")
  func optionsReachTheMethod() throws {
    // τ = 3 between 2 and 4: rank 3 (an independent count of the constructed spectrum).
    let absolute = try RankAnalysis.run(try Self.landscape(), options: .init(threshold: .absolute(3)))
    #expect(absolute.result.rank == 3)
    #expect(absolute.result.threshold == 3)
    // Without reorthogonalisation Lanczos warns of ghosts; with it, not.
    let land = try KrylovFixtures.quadratic("multiplet", [Double](repeating: 2, count: 12) + [5, 7, 9], d: 30)
    let none = try RankAnalysis.run(land, options: .init(method: .lanczos, seed: 7, steps: 40, reorthogonalization: .none))
    let full = try RankAnalysis.run(land, options: .init(method: .lanczos, seed: 7, steps: 40, reorthogonalization: .full))
    #expect(none.result.warnings.map(\.code).contains(.ghostEigenvalues))
    #expect(!full.result.warnings.map(\.code).contains(.ghostEigenvalues))
    // --steps caps Lanczos.
    let capped = try RankAnalysis.run(try Self.landscape(), options: .init(method: .lanczos, seed: 7, steps: 2))
    #expect(capped.result.hessianVectorProducts <= 2)
    #expect(capped.result.warnings.map(\.code).contains(.krylovSpaceNotExhausted))
  }

  @Test("the text is the rank result's summary with the name and precision")
  func text() throws {
    let report = try RankAnalysis.run(try Self.landscape(), options: .init())
    let lines = report.text.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("rank5: rank 5 of d = 40  (method dense, float64 input, ") == true, "\(lines)")
    #expect(lines == report.result.summaryLines(source: "rank5", precision: .float64, seed: nil))
  }
}
