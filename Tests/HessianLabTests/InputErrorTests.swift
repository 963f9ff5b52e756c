import Foundation
import Testing
import TestSupport

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("Typed input errors")
struct InputErrorTests {
  /// A front end's naming: `.population` → `-population` style flags, to tell them from library words.
  static func flag(_ p: InputError.Parameter) -> String { "--\(p)" }

  @Test("Each case is one line: subject, ': ', problem, in the library's words")
  func descriptions() {
    let cases: [(InputError, String)] = [
      (.parameter(.population, value: "1", problem: "λ = 1 must be at least 2"), "population λ: λ = 1 must be at least 2"),
      (.file(path: "h.npy", problem: "no such file"), "h.npy: no such file"),
      (.file(path: "x.md", line: 3, problem: "unknown marker"), "x.md:3: unknown marker"),
      (.numpy(.badMagic(source: "m.npy")), NumpyError.badMagic(source: "m.npy").description),
      (.spec("poly:x0^", problem: "missing exponent"), "poly:x0^: missing exponent"),
      (.spec("", problem: "empty specification"), "landscape: empty specification"),
      (.environment(variable: "HOME_VAR", value: "/x", problem: "/x holds nothing"), "HOME_VAR: /x holds nothing"),
      (.answer("x", problem: "'x' is not a number"), "'x' is not a number"),
      (.prediction(id: "p1", problem: "no answer"), "prediction 'p1': no answer"),
      (.configuration(field: "volume grid points", value: "2", problem: "2 must be at least 3"), "volume grid points: 2 must be at least 3"),
      (.inconsistent("covariance is 2×2 but the Hessian is 3×3"), "covariance is 2×2 but the Hessian is 3×3"),
    ]
    for (error, line) in cases {
      #expect(error.description == line)
      #expect(!error.description.contains("\n"))
    }
  }

  @Test("A front end names the subject parameter and every parameter in the problem its own way")
  func rendering() {
    let e = InputError.parameter(
      .kept, value: "3", problem: "the \(.plan) pilot needs n > d (n = 3, d = 3); try \(setting: .kept, 12)")
    #expect(e.description == "kept points n: the read-out plan pilot needs n > d (n = 3, d = 3); try kept points n = 12")
    #expect(e.rendered(naming: Self.flag) == "--kept: the --plan pilot needs n > d (n = 3, d = 3); try --kept 12")
    #expect(e.parameter == .kept)
    #expect(InputError.spec("s", problem: "p").parameter == nil)
  }

  @Test("A nested error keeps its parameters for the front end; + joins phrases")
  func nesting() {
    let inner = InputError.parameter(.sigma, value: "0", problem: "σ = 0 must be positive")
    let outer = InputError.file(path: "f.json", problem: "field 'spec': \(inner)")
    #expect(outer.rendered(naming: Self.flag) == "f.json: field 'spec': --sigma: σ = 0 must be positive")
    let joined: InputError.Phrase = "a \(.workers) " + "b"
    #expect(joined == InputError.Phrase(pieces: [.text("a "), .parameter(.workers), .text(" b")]))
    #expect(InputError.Phrase("plain") == "plain")
  }

  @Test("Parameter names are distinct library words, never flags")
  func parameterNames() {
    let names = InputError.Parameter.allCases.map(\.rawValue)
    #expect(Set(names).count == names.count)
    for name in names {
      #expect(!name.isEmpty && !name.hasPrefix("-"), "\(name)")
    }
  }

  @Test("Library checks throw the typed parameter they are about")
  func typedSites() async throws {
    func parameter(_ body: () throws -> Void) -> InputError.Parameter? {
      do { try body() } catch let e as InputError { return e.parameter } catch {}
      return nil
    }
    #expect(parameter { _ = try SelectionSampler(population: 1, sigma: 1) } == .population)
    #expect(parameter { _ = try SelectionSampler(population: 4, sigma: -1) } == .sigma)
    #expect(parameter { _ = try SelectionSampler(population: 4, sigma: 1, scheme: .truncation(mu: 5)) } == .mu)
    #expect(parameter { _ = try SelectionSampler(population: 4, sigma: 1, scheme: .rank(0)) } == .rankOf)
    #expect(parameter { _ = try SelectionSampler(population: 4, sigma: 1, centerOffset: [.nan]) } == .centerOffset)
    #expect(parameter { _ = try DimensionSweep.parseDimensions("d=0") } == .sweep)
    #expect(parameter { _ = try CovarianceRankReadout.read(eigenvalues: [1, 1], kept: 2, sigma: 1) } == .kept)
    var volume = VolumeScalingEstimator.Configuration()
    volume.replicates = 0
    #expect(parameter { try volume.validate() } == .replicates)
  }

  @Test("No library source builds an input error whose text spells a command-line flag")
  func noFlagsInLibraryText() throws {
    let flag = try Regex(#""[^"]*--[a-z][^"]*""#)
    var checked = 0
    let libraries = ["HessianCore", "HessianZoo", "HessianVerification", "HessianLessons", "HessianLab"]
    let urls = try libraries.flatMap { target -> [URL] in
      let root = URL(fileURLWithPath: Repository.path("Sources/\(target)"))
      let files = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
      return files.compactMap { $0 as? URL }
    }
    for url in urls where url.pathExtension == "swift" {
      let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
      for (i, line) in lines.enumerated() where line.contains("InputError.") && !line.trimmingCharacters(in: .whitespaces).hasPrefix("///") {
        checked += 1
        // The construction and up to three continuation lines.
        let text = lines[i..<min(lines.count, i + 4)].joined(separator: "\n")
        #expect(text.firstMatch(of: flag) == nil, "\(url.lastPathComponent):\(i + 1): \(line)")
      }
    }
    #expect(checked >= 100, "found only \(checked) input-error constructions")
  }
}
