import Foundation
import Testing

@testable import TestSupport

@Suite("hessian-lab compare")
struct CompareCommandTests {
  @Test("JSON on two small landscapes: every reached method is exact, verdict present")
  func json() throws {
    let r = try CommandRunner.run([
      "compare", "quad:1,3:d=6:seed=11", "newton-flat", "--confidence", "0.8", "--risk", "0.2",
      "--kept-cap-factor", "16", "--slq-probe-cap", "64", "--conversion", "theoretical", "--json",
    ])
    #expect(r.status == 0, "\(r.standardError)")
    let obj = try CommandRunner.json(r)
    let comparisons = try #require(obj["comparisons"] as? [[String: Any]])
    #expect(comparisons.count == 2)
    for c in comparisons {
      let truth = try #require(c["exactRank"] as? Int)
      for m in try #require(c["methods"] as? [[String: Any]]) where (m["reachedConfidence"] as? Bool) == true {
        let last = try #require((m["levels"] as? [[String: Any]])?.last)
        #expect(last["wrong"] as? Int == 0)
        #expect((last["ranksSeen"] as? String)?.hasPrefix("\(truth)×") == true)
      }
      #expect((c["verdict"] as? String)?.hasPrefix("verdict:") == true)
    }
  }

  @Test("Bad input exits 2 with one line")
  func badInput() throws {
    let r = try CommandRunner.run(["compare", "quad-zero", "--confidence", "0.95", "--seeds", "10"])
    #expect(r.status == 2)
    #expect(r.standardError.split(separator: "\n").count == 1)
    let none = try CommandRunner.run(["compare"])
    #expect(none.status == 2)
  }

  @Test("A small sweep prints its table and writes an SVG")
  func sweep() throws {
    let svg = FileManager.default.temporaryDirectory.appendingPathComponent("compare-sweep-\(UUID().uuidString).svg").path
    defer { try? FileManager.default.removeItem(atPath: svg) }
    let r = try CommandRunner.run([
      "compare", "--sweep", "d=10,20", "--method", "block", "--method", "covariance", "--confidence", "0.8", "--risk", "0.2",
      "--kept-cap-factor", "16", "--conversion", "theoretical", "--svg", svg,
    ])
    #expect(r.status == 0, "\(r.standardError)")
    #expect(r.standardOutput.contains("cost of an exact rank"))
    #expect((try? String(contentsOfFile: svg, encoding: .utf8))?.contains("<svg") == true)
  }
}
