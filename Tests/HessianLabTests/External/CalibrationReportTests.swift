import Foundation
import Testing

import HessianLab
@testable import HessianVerification

@Suite("CalibrationReport: text, failure line and JSON")
struct CalibrationReportTests {
  static func report(values: [Double]) throws -> CalibrationReport {
    let o = CalibrationOptions(command: "est", quantity: .llc, landscapes: ["nc-x2"], seeds: values.count, masterSeed: 9)
    let truth = CalibrationTruth(value: 0.5, exact: "1/2", provenance: .theorem, source: "x²")
    let runs = values.enumerated().map { CalibrationRun(seed: UInt64($0.offset), value: $0.element, standardError: 0.05) }
    return CalibrationReport(options: o, landscapes: [try LandscapeCalibration.judge(landscape: "nc-x2", truth: truth, runs: runs, options: o)])
  }

  @Test("A pass: the split and the verdict; no failure")
  func pass() throws {
    let r = try Self.report(values: [0.45, 0.55, 0.5, 0.52])
    #expect(r.failure == nil)
    #expect(r.text.contains("split (Bonferroni) over 1 landscape × 2 tests: p = 0.005 per test"))
    #expect(r.text.hasSuffix("verdict: pass on all 1 landscape"))
  }

  @Test("A failure names the landscape and its tests; the JSON reads back as a verify report")
  func failure() throws {
    let r = try Self.report(values: [0.9, 0.91, 0.89, 0.9])
    #expect(r.failure?.message == "1 of 1 landscape failed (first: nc-x2, bias and coverage)")
    #expect(r.text.contains("FAIL (bias, coverage)"))
    let data = try JSONEncoder().encode(VerifyReport.calibration(r))
    #expect(try JSONDecoder().decode(VerifyReport.self, from: data) == .calibration(r))
  }
}
