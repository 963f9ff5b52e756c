import Foundation
import TestSupport
import Testing
import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

/// Every rank method against the dense reference on the whole fixture corpus
/// (`fixtures/landscapes/*.json`).
@Suite("Rank methods on the fixture corpus")
struct FixtureCorpusRankTests {
  static let fixtureIDs: [String] = {
    let dir = Repository.path("fixtures/landscapes")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
    return names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
  }()

  /// Per-fixture false-failure probability of the SLQ check.
  static let falseFailure = 1e-6

  @Test("the corpus is there")
  func corpusExists() { #expect(Self.fixtureIDs.count >= 20) }

  @Test("dense and block give the known rank; lanczos and power are never silently wrong; SLQ within its bound",
    arguments: fixtureIDs)
  func methodsAgree(_ id: String) throws {
    let path = Repository.path("fixtures/landscapes/\(id).json")
    let fixture = try LandscapeFixture.load(path: path)
    let landscape = try LandscapeSpec.resolve(path)
    let known = fixture.known.rank
    let d = landscape.dimension
    var rng = SeededGenerator(seed: 2024)

    let block = try BlockKrylovRank.rank(of: HessianOperator(landscape: landscape), using: &rng)
    if let r = known {
      #expect(block.rank == r, "\(id): block \(block.summaryLines)")
      #expect(block.hessianVectorProducts <= r + 2 * max(block.eigenvalues.count, r) + 10, "\(id)")
    }
    #expect(block.converged, "\(id)")

    guard d <= 2000 else { return }  // the dense reference needs d² memory
    let dense = try DenseRank.rank(of: HessianOperator(landscape: landscape))
    if let r = known { #expect(dense.rank == r, "\(id): dense \(dense.summaryLines)") }
    #expect(block.rank == dense.rank, "\(id)")

    // Lanczos counts distinct eigenvalues above τ: never more than the rank;
    // below it exactly when it carries a typed undercount warning (and then
    // never the other way round: a right count carries none).
    let tau = dense.threshold
    let above = dense.eigenvalues.filter { abs($0) > tau }.sorted()
    var distinct: [Double] = []
    for x in above where distinct.last.map({ abs(x - $0) > 1e-9 * max(abs(x), 1e-300) }) ?? true { distinct.append(x) }
    let lanczos = try LanczosRank.rank(of: HessianOperator(landscape: landscape), using: &rng)
    #expect(lanczos.rank <= dense.rank, "\(id): lanczos \(lanczos.summaryLines)")
    #expect(lanczos.rank == distinct.count, "\(id): lanczos vs distinct \(distinct)")
    let undercount: Set<WarningCode> = [.multiplicityInvisible, .smallEigenvaluesUnresolved]
    let lanczosCodes = Set(lanczos.warnings.map(\.code))
    #expect(
      (lanczos.rank < dense.rank) == !lanczosCodes.isDisjoint(with: undercount),
      "\(id): lanczos \(lanczos.rank) vs dense \(dense.rank), warnings \(lanczos.warnings)")

    let power = try PowerIteration.rank(of: HessianOperator(landscape: landscape), using: &rng)
    #expect(power.rank == dense.rank || !power.warnings.isEmpty, "\(id): power \(power.summaryLines)")

    // SLQ: |estimate − r| ≤ z·σ/√n_v with σ² ≤ 2r (Rademacher, unit-norm
    // projector rows), Lanczos exact enough with min(d, 30) steps here.
    let probes = 30
    let slq = try StochasticLanczosQuadrature.rank(
      of: HessianOperator(landscape: landscape), probes: probes, using: &rng)
    let z = try Distributions.twoSidedNormalQuantile(falseFailureProbability: Self.falseFailure)
    let estimate = try #require(slq.estimate)
    let bound = z * (2 * Double(dense.rank)).squareRoot() / Double(probes).squareRoot() + 1e-9
    #expect(abs(estimate - Double(dense.rank)) <= bound, "\(id): SLQ \(estimate) vs \(dense.rank)")
  }
}
