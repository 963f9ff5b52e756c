import Foundation
import Testing
import TestSupport

/// `hessian-lab spectrum` on a saddle: the extreme eigenvalues are answered, with a
/// warning that the point is not a minimum.
///
/// `fixtures/hessians/saddle-d6.npy` is Q·diag(3, 1, −2, 0, 0, 0)·Qᵀ (NumPy, float64;
/// fixtures/hessians/README.md), so its spectrum is known by construction.
@Suite("hessian-lab spectrum on an indefinite .npy")
struct SpectrumCommandTests {
  static let saddle = "fixtures/hessians/saddle-d6.npy"

  static func spectrum(_ end: String, _ k: Int, json: Bool = true) throws -> CommandResult {
    try CommandRunner.run(["spectrum", saddle, "--\(end)", String(k), "--seed", "1"] + (json ? ["--json"] : []))
  }

  /// A Ritz value θ with residual ‖r‖ lies within ‖r‖ of an eigenvalue of the symmetric
  /// H (Weyl); `converged` means ‖r‖ ≤ 10⁻⁸·max|θ| = 3·10⁻⁸ here. The references are exact
  /// up to the rounding of the stored matrix (and NumPy's backward-stable solver):
  /// `Tolerance.dense(n: 6, scale: 3)` ≈ 4·10⁻¹⁴. A wrong value is off by O(1).
  static func check(_ json: [String: Any], against reference: [Double]) throws {
    let values = try #require(json["eigenvalues"] as? [Double])
    let residuals = try #require(json["residuals"] as? [Double])
    let converged = try #require(json["converged"] as? [Bool])
    #expect(values.count == reference.count)
    #expect(converged.allSatisfy { $0 })
    for (i, (v, r)) in zip(values, reference).enumerated() {
      #expect(residuals[i] <= 3e-8, "residual \(i): \(residuals[i])")
      #expect(abs(v - r) <= residuals[i] + Tolerance.dense(n: 6, scale: 3), "value \(i): \(v) vs \(r)")
    }
  }

  @Test("--top and --bottom at a saddle: the known eigenvalues, exit 0, and a not-a-minimum warning")
  func saddle() throws {
    for (end, reference) in [("top", [3.0, 1.0]), ("bottom", [-2.0, 0.0])] {
      let result = try Self.spectrum(end, 2)
      #expect(result.status == 0, "\(result.standardError)")
      let json = try CommandRunner.json(result)
      try Self.check(json, against: reference)
      let warnings = try #require(json["warnings"] as? [[String: String]], "\(json["warnings"] ?? "")")
      #expect(warnings.first?["code"] == "notAMinimum", "\(warnings)")
      let message = warnings.first?["message"] ?? ""
      #expect(message.contains("not a minimum") && message.contains("saddle") && message.contains("-2"), "\(warnings)")
    }
    let text = try Self.spectrum("top", 1, json: false)
    #expect(text.status == 0, "\(text.standardError)")
    #expect(text.standardOutput.contains("warning: not a minimum"), "\(text.standardOutput)")
    let density = try CommandRunner.run(["spectrum", Self.saddle, "--density", "--probes", "4", "--seed", "1", "--json"])
    #expect(density.status == 0, "\(density.standardError)")
    let densityWarnings = try #require(try CommandRunner.json(density)["warnings"] as? [[String: String]])
    #expect(densityWarnings.map { $0["code"] } == ["notAMinimum"], "\(densityWarnings)")
  }

  @Test("a minimum gets no saddle warning")
  func minimum() throws {
    let result = try CommandRunner.run(["spectrum", "fixtures/hessians/rank3-d6.npy", "--bottom", "2", "--seed", "1", "--json"])
    #expect(result.status == 0, "\(result.standardError)")
    let warnings = try #require(try CommandRunner.json(result)["warnings"] as? [[String: String]])
    #expect(!warnings.contains { $0["code"] == "notAMinimum" }, "\(warnings)")
  }

  @Test(
    "top 3 and bottom 3 agree with NumPy's eigvalsh on the same file",
    .enabled(if: InteropTests.numpy.available, Comment(rawValue: "needs python3 with numpy: \(InteropTests.numpy.reason)")))
  func numpy() throws {
    let script = "import numpy as np; w = np.linalg.eigvalsh(np.load('\(Self.saddle)')); print(' '.join(repr(float(x)) for x in w))"
    let result = try Python.run(["-c", script])
    #expect(result.status == 0, "\(result.standardError)")
    let w = result.standardOutput.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    try #require(w.count == 6)
    try Self.check(try CommandRunner.json(try Self.spectrum("top", 3)), against: Array(w.reversed().prefix(3)))
    try Self.check(try CommandRunner.json(try Self.spectrum("bottom", 3)), against: Array(w.prefix(3)))
  }
}
