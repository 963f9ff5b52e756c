import Foundation
import Testing
import TestSupport

@Suite("hessian-lab rank (dense, .npy)")
struct RankCommandTests {
  // Fixtures are built in NumPy as Q diag(spectrum) Qᵀ with a random orthogonal Q
  // (fixtures/hessians/README.md); their ranks are known by construction.
  @Test(
    "Exact rank of fixtures with a known spectrum",
    arguments: [
      ("fixtures/hessians/rank3-d6.npy", 3, 6),
      ("fixtures/hessians/repeated-rank12-d20.npy", 12, 20),
      ("fixtures/hessians/rank4-d8-float32.npy", 4, 8),
    ])
  func exactRank(path: String, rank: Int, dimension: Int) throws {
    let result = try CommandRunner.run(["rank", path, "--method", "dense", "--json"])
    #expect(result.status == 0, "\(result.standardError)")
    let json = try CommandRunner.json(result)
    #expect(json["rank"] as? Int == rank)
    #expect(json["dimension"] as? Int == dimension)
    #expect(json["method"] as? String == "dense")
    #expect((json["eigenvalues"] as? [Double])?.count == dimension)
    #expect((json["threshold"] as? Double ?? -1) > 0)
  }

  @Test("float32 input is judged with float32's epsilon")
  func float32Threshold() throws {
    let result = try CommandRunner.run(["rank", "fixtures/hessians/rank4-d8-float32.npy", "--json"])
    let json = try CommandRunner.json(result)
    #expect(json["precision"] as? String == "float32")
    // With float64's ε the rounding noise of the float32 file would be counted.
    let strict = try CommandRunner.json(
      try CommandRunner.run(["rank", "fixtures/hessians/rank4-d8-float32.npy", "--json", "--threshold", "rel:1e-15"]))
    #expect((strict["rank"] as? Int ?? 0) > 4)
  }

  @Test("Bad input: one line on stderr, exit status 2")
  func badInput() throws {
    for args in [["rank", "missing.npy"], ["rank", "Package.swift"], ["rank", "fixtures/hessians/rank3-d6.npy", "--threshold", "bogus"]] {
      let r = try CommandRunner.run(args)
      #expect(r.status == 2, "\(args): \(r.standardError)")
      #expect(r.standardOutput.isEmpty)
      #expect(r.standardError.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1, "\(r.standardError)")
      #expect(r.standardError.hasPrefix("hessian-lab: error:"))
    }
  }

  @Test("--svg writes the rank plot (τ marked, counted and uncounted apart); a clash with --save is refused")
  func svgPlot() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rank-svg-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("rank.svg").path
    let r = try CommandRunner.run(["rank", "quad-rank-deficient", "--method", "block", "--seed", "1", "--svg", path])
    #expect(r.status == 0, "\(r.standardError)")
    #expect(r.standardOutput.contains("wrote \(path)"))
    let svg = try String(contentsOfFile: path, encoding: .utf8)
    #expect(svg.hasPrefix("<svg") || svg.hasPrefix("<?xml"))
    #expect(svg.contains("τ = "))
    #expect(svg.contains("counted |λ| &gt; τ (5)"))
    let clash = try CommandRunner.run(["rank", "quad-rank-deficient", "--svg", path + ".npy", "--save", path + ".npy"])
    #expect(clash.status == 2)
    #expect(clash.standardError.contains("--svg") || clash.standardError.contains("--save"), "\(clash.standardError)")
  }
}
