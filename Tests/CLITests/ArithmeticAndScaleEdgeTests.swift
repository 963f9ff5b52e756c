import Foundation
import Testing
import TestSupport

/// Issue 17, classes 4 and 5 end to end: counts at `Int.max` are refused with a line that
/// names the flag (exit 2, never a trap), and extreme spectra get the right rank.
@Suite("Arithmetic traps and extreme scales")
struct ArithmeticAndScaleEdgeTests {
  static let max = "\(Int.max)"

  /// Exit 2 with one line naming `flag`, for `args`.
  static func expectRefused(_ args: [String], naming flag: String) throws {
    let r = try CommandRunner.run(args)
    #expect(r.status == 2, "\(args): status \(r.status), stderr \(r.standardError)")
    let lines = r.standardError.split(separator: "\n")
    #expect(lines.count == 1 && r.standardError.contains(flag), "\(args): \(r.standardError)")
  }

  @Test("Counts at Int.max and Int.max/2+1 are refused, naming the flag")
  func countsAtIntMax() throws {
    for v in [Self.max, "\(Int.max / 2 + 1)"] {
      try Self.expectRefused(["covariance", "quad:1:d=2", "--population", "4", "--kept", v, "--seed", "1"], naming: "--kept")
      try Self.expectRefused(
        ["covariance", "quad:1:d=2", "--population", "4", "--kept", "20", "--diagnostic-kept", v, "--seed", "1"], naming: "--diagnostic-kept")
      try Self.expectRefused(["compare", "quad:1:d=2", "--seeds", v, "--seed", "1"], naming: "--seeds")
      try Self.expectRefused(
        ["compare", "quad:1:d=2", "--method", "covariance", "--kept-cap-factor", v, "--seed", "1"], naming: "--kept-cap-factor")
    }
  }

  @Test("A lesson state with counts at Int.max does not trap the hint command")
  func lessonStateAtIntMax() throws {
    let state = FileManager.default.temporaryDirectory.appendingPathComponent("hl-edge-\(UUID().uuidString)", isDirectory: true)
    defer { try? FileManager.default.removeItem(at: state) }
    try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
    let json = """
      {"current": "hessian-rank", "formatVersion": 1, "lessons": {"hessian-rank": {"checksPassed": false, \
      "exercisePassed": false, "hintsShown": \(Int.max), "predictionsAsked": 0, "predictionsRight": 0, "runs": \(Int.max)}}}
      """
    try Data(json.utf8).write(to: state.appendingPathComponent("lessons-state.json"))
    let r = try CommandRunner.run(["lesson", "hint"], environment: ["HESSIAN_LAB_STATE_DIR": state.path])
    #expect(r.status == 0 || r.status == 2, "status \(r.status): \(r.standardError)")
  }

  @Test("covariance off the centre by 40σ or with σ = 1e-200 ends with exit 0 or 2, never a trap")
  func underflowingEffectivePopulation() throws {
    for args in [
      ["covariance", "nc-x2", "--population", "10", "--center-offset", "40", "--seed", "1"],
      ["covariance", "quad:1:d=2", "--population", "4", "--sigma", "1e-200", "--kept", "20", "--seed", "1"],
    ] {
      let r = try CommandRunner.run(args)
      #expect(r.status == 0 || r.status == 2, "\(args): status \(r.status), \(r.standardError)")
    }
  }

  @Test("Huge and subnormal spectra get their rank from every method, with a finite τ")
  func extremeSpectra() throws {
    for (spec, rank) in [("quad:1e306,1e306,1e306:d=3", 3), ("quad:1e308,1e308:d=3", 2), ("quad:1e-315,2e-315:d=3", 2),
                         ("quad:5e-324,5e-324,5e-324:d=3", 3)] {
      for method in ["dense", "block"] {  // Lanczos sees one copy of a repeated eigenvalue
        let r = try CommandRunner.run(["rank", spec, "--method", method, "--seed", "1", "--json"])
        #expect(r.status == 0, "\(spec) \(method): \(r.standardError)")
        let object = try JSONSerialization.jsonObject(with: Data(r.standardOutput.utf8)) as? [String: Any]
        #expect(object?["rank"] as? Int == rank, "\(spec) \(method): \(r.standardOutput.prefix(300))")
      }
    }
  }
}
