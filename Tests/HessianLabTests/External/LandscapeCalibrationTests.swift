import Testing

import HessianLab
@testable import HessianVerification

@Suite("LandscapeCalibration: the verdict on one landscape")
struct LandscapeCalibrationTests {
  static let truth = CalibrationTruth(value: 0.5, exact: "1/2", provenance: .theorem, source: "x²")

  static func runs(_ values: [Double], se: Double?) -> [CalibrationRun] {
    values.enumerated().map { CalibrationRun(seed: UInt64($0.offset), value: $0.element, standardError: se) }
  }

  @Test("λ: bias and coverage, both named when they fail")
  func llc() throws {
    let o = CalibrationOptions(command: "x", quantity: .llc, landscapes: ["nc-x2"], masterSeed: 1)
    let good = try LandscapeCalibration.judge(
      landscape: "nc-x2", truth: Self.truth, runs: Self.runs([0.45, 0.55, 0.5, 0.52], se: 0.05), options: o)
    #expect(good.passed && good.failedTests.isEmpty && good.exactness == nil)
    let bad = try LandscapeCalibration.judge(
      landscape: "nc-x2", truth: Self.truth, runs: Self.runs([0.8, 0.81, 0.79, 0.8, 0.82, 0.8], se: 0.01), options: o)
    #expect(!bad.passed)
    #expect(bad.failedTests == ["bias", "coverage"])
    // p = P / (1 landscape × 2 tests).
    #expect(bad.bias?.falseFailureProbability == 0.005)
  }

  @Test("Rank: exactness only")
  func rank() throws {
    let o = CalibrationOptions(command: "x", quantity: .rank, landscapes: ["nc-x2"], masterSeed: 1)
    let t = CalibrationTruth(value: 1, exact: "1", provenance: .computed, source: "dense")
    let r = try LandscapeCalibration.judge(landscape: "nc-x2", truth: t, runs: Self.runs([1, 1, 2, 2, 2], se: nil), options: o)
    #expect(r.bias == nil && r.coverage == nil)
    #expect(r.exactness?.exact == 2)
    #expect(r.failedTests == ["exactness"])
  }
}
