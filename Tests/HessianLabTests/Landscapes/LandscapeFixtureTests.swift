import Foundation
import Testing
import TestSupport

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("LandscapeFixture")
struct LandscapeFixtureTests {
  static let directory = Repository.path("fixtures/landscapes")

  static var paths: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter { $0.hasSuffix(".json") }.sorted().map { directory + "/" + $0 }
  }

  @Test("the corpus has at least 25 entries and covers every required kind")
  func corpus() throws {
    let fixtures = try Self.paths.map { path throws(InputError) in try LandscapeFixture.load(path: path) }
    #expect(fixtures.count >= 25)
    let tags = Set(fixtures.flatMap(\.tags))
    for required in ["full-rank", "rank-deficient", "multiplet", "clusters", "tiny", "normal-crossing",
                     "newton-vertex", "newton-edge", "dln", "block-sum", "degenerate"] {
      #expect(tags.contains(required), "no fixture tagged \(required)")
    }
    // Every id equals its file name and matches a zoo entry with the same spec.
    for (f, path) in zip(fixtures, Self.paths) {
      #expect(path.hasSuffix("/\(f.id).json"))
      #expect(Zoo.entry(id: f.id)?.spec == f.spec, "\(f.id): zoo spec differs")
    }
    #expect(Set(fixtures.map(\.id)) == Set(Zoo.all.map(\.id)))
  }

  @Test("the code's answers equal each fixture's independent answers", arguments: paths)
  func answers(path: String) throws {
    let f = try LandscapeFixture.load(path: path)
    let l = try LandscapeSpec.resolve(path)
    #expect(l.dimension == f.known.dimension)
    #expect(l.knownAnswers.rank.value == f.known.rank)
    #expect(l.knownAnswers.learningCoefficient.value == f.known.learningCoefficientValue)
    #expect(l.knownAnswers.multiplicity.value == f.known.multiplicity)
    #expect(l.knownAnswers.learningCoefficient.provenance == f.known.provenance)
  }

  @Test("each fixture's rank matches a dense eigendecomposition", arguments: paths)
  func denseRank(path: String) throws {
    let f = try LandscapeFixture.load(path: path)
    let l = try LandscapeSpec.resolve(path)
    // d = 10,000 is checked through its factored form in QuadraticLandscapeTests.
    guard l.dimension <= 200 else { return }
    let h = try l.denseHessian(at: l.minimum)  // from d exact HVPs, independent of the stored rank
    let values = try SymmetricEigen.values(of: h)
    // The default numerical-rank threshold τ = max|λ|·d·ε (theory §2.2).
    let decision = NumericalRank.decide(eigenvalues: values, dimension: l.dimension)
    #expect(decision.rank == f.known.rank, "\(f.id): dense rank \(decision.rank)")
  }

  @Test("r/2 ≤ λ ≤ r/2 + (d − r)/4 on every entry with a known λ", arguments: paths)
  func bounds(path: String) throws {
    let f = try LandscapeFixture.load(path: path)
    guard let lambda = f.known.learningCoefficientValue, let r = f.known.rank else { return }
    let (lo, hi) = LandscapeReport.bounds(rank: r, dimension: f.known.dimension)
    #expect(lo <= lambda && lambda <= hi, "\(f.id): λ = \(lambda) outside [\(lo), \(hi)]")
  }

  @Test("a wrong schema version is refused")
  func schemaVersion() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("zoo-v9-\(getpid()).json")
    try Data(#"{"schemaVersion": 9, "id": "x", "description": "", "spec": "poly:x0^2", "tags": [], "known": {"dimension": 1, "rank": 1, "learningCoefficient": "1/2", "multiplicity": 1, "provenance": "theorem", "source": ""}}"#.utf8).write(to: url)
    #expect { _ = try LandscapeFixture.load(path: url.path) } throws: {
      ($0 as? InputError)?.description.contains("schemaVersion 9") == true
    }
  }
}
