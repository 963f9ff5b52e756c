import Foundation
import Testing
import TestSupport

/// `hessian-lab landscapes --json` end to end. Expected values are the math
/// notes' tables (/work/shared/math §3.3 normal crossings and Newton polyhedra,
/// §3.4 deep linear networks), not the code's output.
@Suite("hessian-lab landscapes --json")
struct LandscapesCommandTests {
  static func rows() throws -> [[String: Any]] {
    let result = try CommandRunner.run(["landscapes", "--json"])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardError.isEmpty)
    return try #require(try CommandRunner.json(result)["landscapes"] as? [[String: Any]])
  }

  @Test("37 entries, unique ids, every field present (null allowed only for unknown answers)")
  func entries() throws {
    let rows = try Self.rows()
    #expect(rows.count == 37)
    let ids = rows.compactMap { $0["id"] as? String }
    #expect(Set(ids).count == 37)
    for row in rows {
      for key in ["id", "spec", "summary", "dimension", "rank", "learningCoefficient", "multiplicity", "provenance"] {
        #expect(row.keys.contains(key), "\(row["id"] ?? "?") lacks \(key)")
      }
      #expect((row["dimension"] as? Int ?? 0) >= 1)
      #expect(["construction", "computed", "theorem", "unknown"].contains(row["provenance"] as? String ?? ""))
      // Every id has its fixture file.
      let id = row["id"] as? String ?? ""
      #expect(FileManager.default.fileExists(atPath: Repository.path("fixtures/landscapes/\(id).json")), "\(id)")
    }
  }

  @Test(
    "Known answers from the math notes",
    arguments: [
      // id, d, rank, λ, m   (theory §5.4 table and §3.4 table)
      ("nc-x2", 1, 1, "1/2", 1),
      ("nc-x4", 1, 0, "1/4", 1),
      ("newton-edge", 2, 1, "3/4", 1),
      ("nc-xy2", 2, 0, "1/2", 2),
      ("nc-x2y4", 2, 0, "1/4", 1),
      ("nc-x4y4", 2, 0, "1/4", 2),
      ("nc-x2y6", 2, 0, "1/6", 1),
      ("newton-x2-plus-yz2", 3, 1, "1", 2),
      ("newton-rrr-212", 4, 0, "1", 2),
      // Two-layer DLNs are reduced-rank regression: m = 2 when M+H+N+r is odd (and in
      // the general case), else 1 (Aoyagi–Watanabe 2005, theory §5.5).
      ("dln-2-1-2", 4, 0, "1", 2),
      ("dln-3-2-3", 12, 5, "7/2", 2),
      ("dln-5-3-5", 30, 9, "8", 1),
      ("dln-8-3-8", 48, 39, "39/2", 1),
      ("dln-3-10-3", 60, 8, "9/2", 1),
    ] as [(String, Int, Int, String, Int)])
  func knownAnswers(id: String, d: Int, rank: Int, lambda: String, m: Int) throws {
    let row = try #require(try Self.rows().first { $0["id"] as? String == id })
    #expect(row["dimension"] as? Int == d)
    #expect(row["rank"] as? Int == rank)
    #expect(row["learningCoefficient"] as? String == lambda)
    #expect(row["multiplicity"] as? Int == m)
  }

  @Test("Quadratics: λ = r/2 by construction; the degenerate polynomial has unknown λ")
  func quadraticsAndUnknown() throws {
    let rows = try Self.rows()
    func row(_ id: String) -> [String: Any]? { rows.first { $0["id"] as? String == id } }
    #expect(row("quad-rank-deficient")?["rank"] as? Int == 5)
    #expect(row("quad-rank-deficient")?["learningCoefficient"] as? String == "5/2")
    #expect(row("quad-large-low-rank")?["dimension"] as? Int == 10_000)
    #expect(row("quad-large-low-rank")?["learningCoefficient"] as? String == "3/2")
    #expect(row("quad-zero")?["rank"] as? Int == 0)
    #expect(row("quad-multiplet")?["rank"] as? Int == 15)
    #expect(row("newton-flat")?["dimension"] as? Int == 5)
    #expect(row("newton-flat")?["learningCoefficient"] as? String == "3/4")
    // Blocks add: (x² + y⁴) ⊕ (zw)² has λ = 3/4 + 1/2, m = 1 + 2 − 1 (theory §5.4).
    #expect(row("sum-edge-xy2")?["learningCoefficient"] as? String == "5/4")
    #expect(row("sum-edge-xy2")?["multiplicity"] as? Int == 2)
    let degenerate = try #require(row("poly-degenerate"))
    #expect(degenerate["learningCoefficient"] is NSNull)
    #expect(degenerate["provenance"] as? String == "unknown")
  }
}
