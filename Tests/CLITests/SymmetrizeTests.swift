import Foundation
import HessianLab
import Testing
import TestSupport

/// `--symmetrize`: an asymmetric `.npy` Hessian is refused with a suggestion of the flag;
/// with it, (H + Hᵀ)/2 is used and ‖H − Hᵀ‖_F/‖H‖_F is reported in the text and in the JSON
/// (`symmetrizedAsymmetry`, null when nothing was symmetrized).
@Suite("--symmetrize for asymmetric .npy Hessians")
struct SymmetrizeTests {
  /// H = [[2, 1], [0, 3]]: ‖H − Hᵀ‖_F = √2, ‖H‖_F = √14, so the ratio is √(1/7); its symmetric
  /// part [[2, ½], [½, 3]] has eigenvalues 5/2 ∓ √2/2 (closed form).
  static let matrix = NumpyArray(matrix: Matrix(rows: 2, columns: 2, elements: [2, 1, 0, 3]))
  static let ratio = (1.0 / 7).squareRoot()
  static let eigenvalues = [2.5 - 0.5.squareRoot(), 2.5 + 0.5.squareRoot()]

  static func folder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hl-sym-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try matrix.data().write(to: folder.appendingPathComponent("A.npy"))
    return folder
  }

  @Test("without the flag: one line that suggests --symmetrize, exit 2", arguments: [
    ["rank", "A.npy"], ["spectrum", "A.npy", "--top", "1", "--seed", "1"], ["describe", "A.npy"],
    ["hessian", "A.npy", "--save", "H.npy"], ["llc", "A.npy", "--method", "bounds", "--seed", "1"],
  ])
  func refusedWithSuggestion(_ arguments: [String]) throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let r = try CommandRunner.run(arguments, in: folder)
    #expect(r.status == 2, "\(r.standardError)")
    #expect(r.standardError.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1, "\(r.standardError)")
    #expect(r.standardError.contains("not symmetric") && r.standardError.contains("--symmetrize"), "\(r.standardError)")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("H.npy").path))
  }

  @Test("with the flag: the symmetric part's eigenvalues, and the ratio in JSON and text")
  func symmetrized() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let r = try CommandRunner.run(["rank", "A.npy", "--symmetrize", "--json"], in: folder)
    #expect(r.status == 0, "\(r.standardError)")
    let json = try CommandRunner.json(r)
    let ratio = try #require(json["symmetrizedAsymmetry"] as? Double)
    #expect(abs(ratio - Self.ratio) <= 1e-15 * 4)  // a few roundings of a 2×2 sum
    let values = try #require(json["eigenvalues"] as? [Double])
    for (a, b) in zip(values, Self.eigenvalues) { #expect(abs(a - b) <= 1e-14) }
    let text = try CommandRunner.run(["rank", "A.npy", "--symmetrize"], in: folder)
    #expect(text.standardOutput.contains("symmetrized: the .npy Hessian was not symmetric, ‖H − Hᵀ‖_F/‖H‖_F = 0.378"))
    // --quiet keeps the line: it changes what the result is about.
    let quiet = try CommandRunner.run(["rank", "A.npy", "--symmetrize", "--quiet"], in: folder)
    #expect(quiet.standardOutput.contains("symmetrized:"))
    // hessian --symmetrize writes the symmetric part.
    let saved = try CommandRunner.run(["hessian", "A.npy", "--symmetrize", "--save", "H.npy"], in: folder)
    #expect(saved.status == 0, "\(saved.standardError)")
    let h = try NumpyArray(contentsOf: folder.appendingPathComponent("H.npy"))
    #expect(h.values == [2, 0.5, 0.5, 3])
  }

  @Test("the key is null for a symmetric matrix, with or without the flag; absent for commands without the flag")
  func nullWhenNotSymmetrized() throws {
    for extra in [[], ["--symmetrize"]] {
      let r = try CommandRunner.run(["rank", "fixtures/hessians/rank3-d6.npy", "--json"] + extra)
      #expect(r.status == 0, "\(r.standardError)")
      #expect(r.standardOutput.contains("\"symmetrizedAsymmetry\" : null"))
    }
    let zoo = try CommandRunner.run(["landscapes", "--json"])
    #expect(!zoo.standardOutput.contains("symmetrizedAsymmetry"))
  }
}
