import Foundation
import Testing

import HessianLab
@testable import HessianVerification

@Suite("ExternalCalibration: the runs, end to end, with shell estimators")
struct ExternalCalibrationTests {
  @Test("An estimator that prints the truth passes; one a rank off fails; seeds are the derived ones")
  func runs() throws {
    // nc-x2: λ = 1/2, rank 1.
    let exact = CalibrationOptions(
      command: #"f() { echo '{"value": 0.5, "standardError": 0.01}'; }; f"#, quantity: .llc, landscapes: ["nc-x2"], seeds: 3,
      timeoutSeconds: 30, masterSeed: 4)
    let r = try ExternalCalibration.run(exact)
    #expect(r.passed)
    #expect(r.landscapes[0].runs.map(\.seed) == (0..<3).map { CalibrationOptions.runSeed(master: 4, landscape: 0, run: $0) })
    let offByOne = CalibrationOptions(
      command: #"f() { echo '{"value": 2}'; }; f"#, quantity: .rank, landscapes: ["nc-x2"], seeds: 3, timeoutSeconds: 30,
      masterSeed: 4)
    #expect(try !ExternalCalibration.run(offByOne).passed)
  }

  @Test("A landscape without a qualifying answer is refused before any run")
  func refusedFirst() throws {
    let marker = FileManager.default.temporaryDirectory.appendingPathComponent("calibration-\(UUID().uuidString)").path
    let o = CalibrationOptions(
      command: "f() { touch '\(marker)'; echo '{\"value\": 1, \"standardError\": 1}'; }; f", quantity: .llc,
      landscapes: ["nc-x2", "poly-degenerate"], seeds: 2, timeoutSeconds: 30, masterSeed: 1)
    #expect(throws: InputError.self) { try ExternalCalibration.run(o) }
    #expect(!FileManager.default.fileExists(atPath: marker), "a run started before the refusal")
  }
}
