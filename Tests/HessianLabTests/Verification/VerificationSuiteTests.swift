import Foundation
import PropertyBased
import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

/// A deliberately broken landscape: its HVP is 1% too large.
struct BrokenHVPLandscape: Landscape {
  let base: any Landscape
  var name: String { "broken-hvp" }
  var dimension: Int { base.dimension }
  var minimum: [Double] { base.minimum }
  var knownAnswers: KnownAnswers { base.knownAnswers }
  var precision: Precision { base.precision }
  func loss(at w: [Double]) -> Double { base.loss(at: w) }
  func gradient(at w: [Double], into g: inout [Double]) { base.gradient(at: w, into: &g) }
  func hessianVectorProduct(at w: [Double], _ v: [Double], into out: inout [Double]) {
    base.hessianVectorProduct(at: w, v, into: &out)
    for i in out.indices { out[i] *= 1.01 }
  }
}

@Suite("Verification suite, generators and shrinking")
struct VerificationSuiteTests {
  static let quick = VerificationSuite.Options(budget: 1e-3, quick: true)

  @Test("The quick suite passes on representative zoo landscapes")
  func passesOnZoo() async throws {
    let cases = try ["quad-multiplet", "newton-flat", "dln-3-2-3", "nc-x4"].map { try VerificationCase.resolve($0) }
    let report = try await VerificationSuite.run(cases, options: Self.quick)
    #expect(report.passed, "\(report.rows.filter { $0.result == .fail })")
    #expect(report.perCheck == 1e-3 / Double(report.statisticalChecks))
    #expect(report.rows.contains { $0.property == "cov: null var = σ²" && $0.result == .pass })
  }

  @Test("A broken HVP and a wrong claimed rank are caught")
  func catchesInjectedErrors() async throws {
    let base = try LandscapeSpec.resolve("quad:1,2:d=4:seed=5")
    let broken = VerificationCase(id: "broken-hvp", landscape: BrokenHVPLandscape(base: base), claimedRank: 2, claimedLearningCoefficient: Rational(1), origin: "test")
    let r1 = try await VerificationSuite.run([broken], options: Self.quick)
    #expect(r1.rows.contains { $0.property == "hvp: finite differences" && $0.result == .fail })
    let wrong = VerificationCase(id: "wrong-rank", landscape: base, claimedRank: 3, claimedLearningCoefficient: nil, origin: "test")
    let r2 = try await VerificationSuite.run([wrong], options: Self.quick)
    #expect(!r2.passed)
    #expect(r2.rows.contains { $0.property == "rank: dense" && $0.result == .fail })
    #expect(r2.rows.contains { $0.property == "rank: block" && $0.result == .fail })
  }

  @Test("The Lanczos row passes an undercount only with a typed multiplicity warning that an independent spectrum justifies")
  func lanczosUndercountNeedsItsCause() throws {
    func ranks(_ values: [Double], d: Int) throws -> (lanczos: RankResult, dense: RankResult) {
      let land = try QuadraticLandscape.withSpectrum(
        name: "s", nonzeroEigenvalues: values, dimension: d, basis: .randomOrthonormal(seed: 11))
      var rng = SeededGenerator(seed: 1)
      return (try LanczosRank.rank(of: HessianOperator(landscape: land), using: &rng), try DenseRank.rank(of: HessianOperator(landscape: land)))
    }
    // Repeated eigenvalues: 1 counted of rank 20, with the multiplicity code;
    // the dense spectrum has 1 distinct value above τ. Justified.
    let equal = try ranks([Double](repeating: 1, count: 20), d: 200)
    #expect(equal.lanczos.rank == 1 && equal.dense.rank == 20)
    #expect(VerificationSuite.lanczosUndercountIsMultiplicity(equal.lanczos, reference: equal.dense).0)
    // 300 distinct eigenvalues over 1e-6…1e6: Lanczos merges the small ones.
    // The old row passed this undercount because its warning also contained
    // "multiplicities are invisible"; now the code is smallEigenvaluesUnresolved.
    let wide = try ranks((0..<300).map { pow(10, -6 + 12 * Double($0) / 299) }, d: 300)
    #expect(wide.lanczos.rank < wide.dense.rank)
    #expect(!VerificationSuite.lanczosUndercountIsMultiplicity(wide.lanczos, reference: wide.dense).0)
    // The code alone is not enough: a multiplicity warning on a distinct
    // spectrum (a plausible wrong classification) does not pass.
    var forged = wide.lanczos
    forged.warnings = [Warning(.multiplicityInvisible, "forged")]
    let (passes, distinct) = VerificationSuite.lanczosUndercountIsMultiplicity(forged, reference: wide.dense)
    #expect(!passes && distinct == 300)
  }

  @Test("Generated specs resolve to the constructed dimension and rank (any seed)")
  func generatorRoundTrip() async {
    await propertyCheck(count: 40, input: Gen.int(in: 0...1_000_000_000)) { s in
      let c = LandscapeGenerator.generate(seed: UInt64(s))
      let land = try? LandscapeSpec.resolve(c.spec)
      #expect(land?.dimension == c.dimension, "\(c.spec)")
      #expect(land?.knownAnswers.rank.value == c.constructedRank, "\(c.spec)")
    }
  }

  @Test("The generator is deterministic in its seed")
  func deterministic() {
    for i in 0..<20 {
      let s = SeedTable.seed(for: "generator", index: i)
      #expect(LandscapeGenerator.generate(seed: s) == LandscapeGenerator.generate(seed: s))
    }
  }

  /// Committed seeds: the properties hold on 16 generated landscapes.
  @Test("Properties hold over generated landscapes (committed seeds)", arguments: 0..<16)
  func generatedProperties(index: Int) async throws {
    let c = LandscapeGenerator.generate(seed: SeedTable.seed(for: "verify/generated", index: index), maxDimension: 8)
    // 16 cases × ≤ 5 statistical checks share a budget of 1e-3.
    let failed = try await PropertyExploration.failures(of: c, perCheck: 1e-3 / 80, options: Self.quick)
    #expect(failed.isEmpty, "\(c.spec): \(failed)")
  }

  @Test("Shrinking a planted failure ends at a minimal rerunnable spec")
  func shrinks() async throws {
    // Planted: "a quadratic of rank ≥ 3 fails". Minimal: rank 3, d = 3, values 1, no rotation.
    let big = GeneratedCase.quadratic(
      dimension: 9, groups: [.init(value: 5, count: 3), .init(value: 2, count: 2), .init(value: 7, count: 1)], rotationSeed: 42)
    let (q, steps) = await Shrinker.shrink(big) { $0.constructedRank >= 3 }
    #expect(steps > 0)
    #expect(q.constructedRank == 3 && q.dimension == 3)
    guard case let .quadratic(_, groups, seed) = q else { Issue.record("not a quadratic"); return }
    #expect(seed == nil && groups.allSatisfy { $0.value == 1 })
    #expect(try LandscapeSpec.resolve(q.spec).knownAnswers.rank.value == 3)
    // Planted: "a polynomial with a term of degree ≥ 6 fails". Minimal: one term x_i^6, d minimal.
    let poly = GeneratedCase.polynomial(
      dimension: 5, terms: [.init(coefficient: 2, exponents: [0: 2]), .init(coefficient: 3, exponents: [1: 4, 2: 2]), .init(coefficient: 1, exponents: [3: 2])])
    let (p, _) = await Shrinker.shrink(poly) { c in
      guard case let .polynomial(_, terms) = c else { return false }
      return terms.contains { $0.degree >= 6 }
    }
    guard case let .polynomial(_, terms) = p else { Issue.record("not a polynomial"); return }
    #expect(terms.count == 1 && terms[0].degree == 6 && terms[0].coefficient == 1)
    #expect(p.spec.hasPrefix("poly:"))
    _ = try LandscapeSpec.resolve(p.spec)
  }
}
