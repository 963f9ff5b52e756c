import Foundation
import HessianLab
import Testing
import TestSupport

/// A float32 `.npy` Hessian keeps its precision on every command path.
///
/// `fixtures/hessians/rank12-d64-float32.npy` is Q·diag(1, …, 12, 0, …, 0)·Qᵀ (d = 64)
/// rounded to float32 by NumPy: its rank is 12 at float32's ε (τ = max|λ|·d·2⁻²³ ≈ 9e-5),
/// while its rounding noise (up to 1.6e-7) lies far above float64's τ ≈ 1.7e-13, so a
/// path that judges it with float64's ε reports rank 64 (the fixture README records both
/// NumPy ranks). Each test runs one command the way a user would and checks the rank it
/// reports; each failed on the code where only `rank FILE.npy` kept the precision.
@Suite("float32 .npy Hessians: every command reports the float32 rank")
struct HessianFilePrecisionTests {
  static let file = "fixtures/hessians/rank12-d64-float32.npy"

  static func json(_ arguments: [String]) throws -> [String: Any] {
    let result = try CommandRunner.run(arguments)
    #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result.standardError)")
    return try CommandRunner.json(result)
  }

  @Test("rank: every method, and a sum: containing the file, is judged at float32")
  func rank() throws {
    for method in ["dense", "lanczos", "block"] {
      let json = try Self.json(["rank", Self.file, "--method", method, "--seed", "1", "--json"])
      #expect(json["rank"] as? Int == 12, "\(method)")
      #expect(json["precision"] as? String == "float32", "\(method)")
    }
    // A sum takes the weakest precision of its blocks: 12 + 1 curved directions. Judged
    // with float64's ε the float32 block's 52 noise eigenvalues would count: rank 65.
    let sum = try Self.json(["rank", "sum:\(Self.file)|quad:5:d=2", "--json"])
    #expect(sum["rank"] as? Int == 13)
    #expect(sum["dimension"] as? Int == 66)
    #expect(sum["precision"] as? String == "float32")
  }

  @Test("llc --method bounds: r = 12, bounds [6, 19] containing the exact λ = 6, no warning")
  func llc() throws {
    let json = try Self.json(["llc", Self.file, "--method", "bounds", "--seed", "1", "--json"])
    #expect(json["hessianRank"] as? Int == 12)
    #expect(json["lowerBound"] as? Double == 6)
    #expect(json["upperBound"] as? Double == 19)
    #expect(json["exactText"] as? String == "6")
    #expect((json["warnings"] as? [String]) == [], "\(json["warnings"] ?? "")")
  }

  @Test("compare: the dense method is exact against the known rank 12")
  func compare() throws {
    let json = try Self.json(["compare", Self.file, "--method", "dense", "--conversion", "theoretical", "--json"])
    let comparison = try #require((json["comparisons"] as? [[String: Any]])?.first)
    #expect(comparison["exactRank"] as? Int == 12)
    let dense = try #require((comparison["methods"] as? [[String: Any]])?.first)
    #expect(dense["reachedConfidence"] as? Bool == true, "\(dense)")
  }

  @Test("verify --quick: every rank row passes against the known rank 12")
  func verify() throws {
    let json = try Self.json(["verify", Self.file, "--quick", "--json"])
    let rows = try #require(json["rows"] as? [[String: Any]])
    let rankRows = rows.filter { ($0["property"] as? String)?.hasPrefix("rank:") == true }
    #expect(rankRows.count >= 3)
    for row in rows { #expect(row["result"] as? String != "FAIL", "\(row)") }
  }

  @Test("describe: rank 12, and λ scoped to the file's quadratic")
  func describe() throws {
    let json = try Self.json(["describe", Self.file, "--json"])
    #expect(json["rank"] as? Int == 12)
    #expect(json["learningCoefficientExact"] as? String == "6")
    #expect(json["scope"] as? String == "hessianQuadratic")
  }

  @Test("covariance: the relation to H and the predicted κ use the 12-dimensional range")
  func covariance() throws {
    let args = ["--population", "20", "--kept", "200", "--seed", "1", "--diagnostic-kept", "0"]
    let text = try CommandRunner.run(["covariance", Self.file] + args)
    #expect(text.status == 0, "\(text.standardError)")
    // Judged with float64's range tolerance the noise directions would join: r = 64.
    #expect(text.standardOutput.contains("on its range, r = 12"), "\(text.standardOutput)")
    // κ depends only on λ and the nonzero eigenvalues: the same as for the exact spectrum
    // 1…12 in float64 (up to the float32 rounding of the eigenvalues, ~1e-7 relative).
    let file = try Self.json(["covariance", Self.file] + args + ["--json"])
    let exact = try Self.json(["covariance", "quad:1,2,3,4,5,6,7,8,9,10,11,12:d=64"] + args + ["--json"])
    let predicted = try #require(file["predictedScale"] as? Double)
    let reference = try #require(exact["predictedScale"] as? Double)
    #expect(abs(predicted - reference) <= 1e-4 * reference, "\(predicted) vs \(reference)")
  }

  @Test("spectrum: float32 rounding below −τ₃₂ is not taken for a saddle")
  func spectrum() throws {
    let json = try Self.json(["spectrum", Self.file, "--bottom", "2", "--seed", "1", "--json"])
    let warnings = try #require(json["warnings"] as? [[String: String]], "\(json["warnings"] ?? "")")
    #expect(!warnings.contains { $0["code"] == "notAMinimum" }, "\(warnings)")
  }

  @Test("lesson 1's exercise: a float32 file with the drawn rank at its own precision passes")
  func lessonExercise() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hessianlab-f32-lesson-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let env = ["HESSIAN_LAB_STATE_DIR": dir.path]
    let (d, r, smallestText) = try LessonOneAnswer.instance(environment: env)
    let smallest = try #require(Double(smallestText))
    // Written here in Swift: the float64 Hessian of the reference answer for the drawn instance,
    // rounded entry by entry to float32. Power: its float64 rank is d.
    let land = try QuadraticLandscape.withSpectrum(
      name: "ref", nonzeroEigenvalues: Array(repeating: 1, count: r - 1) + [smallest], dimension: d,
      basis: .randomOrthonormal(seed: 7))
    let h = try land.denseHessianAtMinimum()
    var rounded = Matrix(rows: d, columns: d)
    for i in 0..<d { for j in 0..<d { rounded[i, j] = Double(Float((h[i, j] + h[j, i]) / 2)) } }
    let as64 = NumericalRank.decide(eigenvalues: try SymmetricEigen.values(of: rounded), dimension: d, precision: .float64)
    #expect(as64.rank == d)
    let path = dir.appendingPathComponent("answer32.npy")
    try NumpyArray(matrix: rounded, dtype: .float32).write(to: path)
    let result = try CommandRunner.run(["lesson", "check", "--lesson", "1", path.path], environment: env)
    #expect(result.status == 0, "\(result.standardOutput)\n\(result.standardError)")
    #expect(result.standardOutput.contains("rank \(r)"), "\(result.standardOutput)")
  }
}
