import Foundation
import Testing
import TestSupport
import HessianLab

@Suite("hessian-lab rank --method (HVP methods) and spectrum")
struct RankMethodCommandTests {
  static let allEqual = "quad:1*20:d=200:seed=3"

  @Test("JSON has the documented keys for every method", arguments: ["dense", "lanczos", "block", "power", "slq", "inertia"])
  func jsonKeys(_ method: String) throws {
    let r = try CommandRunner.run(["rank", "quad:5,4,4,1:d=24:seed=1", "--method", method, "--seed", "3", "--probes", "20", "--json"])
    #expect(r.status == 0, "\(r.standardError)")
    let json = try CommandRunner.json(r)
    for key in ["rank", "method", "dimension", "hessianVectorProducts", "threshold", "eigenvalues", "converged", "warnings", "seed", "seconds"] {
      #expect(json[key] != nil || (key == "seed" && method == "dense"), "\(method): missing \(key)")
    }
    #expect(json["method"] as? String == method)
    if method != "dense" { #expect(json["seed"] as? UInt64 == 3) }
    if method == "inertia" {  // the window it certified, and the norm bounds it covers
      #expect(json["countedBound"] as? Double != nil && json["uncountedBound"] as? Double != nil)
      #expect((json["normBounds"] as? [Double])?.count == 2 && json["fallback"] == nil)
      #expect(json["rank"] as? Int == 4)
    }
  }

  @Test("all-equal rank 20: lanczos warns with the multiplicity code and counts 1, block finds 20 silently")
  func allEqual() throws {
    let l = try CommandRunner.json(try CommandRunner.run(["rank", Self.allEqual, "--method", "lanczos", "--seed", "1", "--json"]))
    #expect(l["rank"] as? Int == 1)
    // 2 Lanczos steps and 2 for the check in the complement of the Krylov space.
    #expect(l["hessianVectorProducts"] as? Int == 4)
    let warnings = l["warnings"] as? [[String: Any]] ?? []
    #expect(warnings.map { $0["code"] as? String } == ["multiplicityInvisible"], "\(warnings)")
    let message = (warnings.first?["message"] as? String) ?? ""
    #expect(message.contains("Krylov space exhausted after 2 of d = 200 steps"), "\(message)")
    let b = try CommandRunner.json(try CommandRunner.run(["rank", Self.allEqual, "--method", "block", "--seed", "1", "--json"]))
    #expect(b["rank"] as? Int == 20)
    #expect((b["warnings"] as? [Any])?.isEmpty == true)
    #expect((b["hessianVectorProducts"] as? Int ?? 999) <= 20 + 2 * 20 + 10)
  }

  @Test("the schemas' warning codes are WarningCode's cases: each schema lists only real codes, together all of them")
  func schemaListsEveryCode() throws {
    let folder = URL(fileURLWithPath: Repository.path("docs/schema"))
    var listed: [String: Set<String>] = [:]
    for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".schema.json") {
      let data = try Data(contentsOf: folder.appendingPathComponent(file))
      let schema = try JSONSerialization.jsonObject(with: data) as? [String: Any]
      let warnings = (schema?["properties"] as? [String: Any])?["warnings"] as? [String: Any]
      let code = ((warnings?["items"] as? [String: Any])?["properties"] as? [String: Any])?["code"] as? [String: Any]
      if let codes = code?["enum"] as? [String] { listed[file] = Set(codes) }
    }
    let all = Set(WarningCode.allCases.map(\.rawValue))
    #expect(listed["rank.schema.json"] != nil && listed["spectrum.schema.json"] != nil, "\(listed.keys.sorted())")
    for (file, codes) in listed { #expect(codes.isSubset(of: all), "\(file): \(codes.subtracting(all))") }
    #expect(listed.values.reduce(into: Set<String>()) { $0.formUnion($1) } == all)
  }

  @Test("without --seed a seed is drawn and printed")
  func seedPrinted() throws {
    let r = try CommandRunner.run(["rank", "quad:1,2:d=5:seed=1", "--method", "block"])
    #expect(r.status == 0)
    #expect(r.standardOutput.contains("\nseed "))
  }

  @Test("spectrum --top: copies of a multiple eigenvalue, JSON, SVG")
  func spectrumTop() throws {
    let svg = FileManager.default.temporaryDirectory.appendingPathComponent("spectrum-\(UInt32.random(in: 0...UInt32.max)).svg").path
    defer { try? FileManager.default.removeItem(atPath: svg) }
    let r = try CommandRunner.run(["spectrum", Self.allEqual, "--top", "4", "--seed", "2", "--json", "--svg", svg])
    #expect(r.status == 0, "\(r.standardError)")
    let json = try CommandRunner.json(r)
    let values = json["eigenvalues"] as? [Double] ?? []
    #expect(values.count == 4 && values.allSatisfy { abs($0 - 1) < 1e-10 })
    #expect((json["converged"] as? [Bool] ?? []).allSatisfy { $0 })
    let text = (try? String(contentsOfFile: svg, encoding: .utf8)) ?? ""
    #expect(text.hasPrefix("<svg") && text.contains("Lanczos + restarts"))
  }

  @Test("spectrum --density draws in the terminal and reports HVPs")
  func spectrumDensity() throws {
    let r = try CommandRunner.run(["spectrum", "quad:1,2,3,10:d=30:seed=1", "--density", "--probes", "5", "--seed", "1"])
    #expect(r.status == 0, "\(r.standardError)")
    #expect(r.standardOutput.contains("SLQ spectral density") && r.standardOutput.contains("legend:"))
    #expect(r.standardOutput.contains("HVPs"))
  }

  @Test("bad input exits with status 2 and one line", arguments: [
    ["spectrum", "quad:1:d=3", "--top", "2", "--bottom", "1"],
    ["spectrum", "quad:1:d=3", "--top", "0"],
    ["rank", "quad:1:d=3", "--method", "bogus"],
    ["rank", "quad:1:d=3", "--method", "slq", "--probes", "0"],
  ])
  func badInput(_ args: [String]) throws {
    let r = try CommandRunner.run(args)
    #expect(r.status == 2, "\(args): \(r.standardError)")
    #expect(r.standardError.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1)
  }
}
