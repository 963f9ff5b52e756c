import Foundation
import TestSupport
import Testing
import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

/// Lanczos: breakdown at the Krylov dimension, the multiplicity warning, and
/// ghosts without reorthogonalisation (theory §3.2 and §3.3).
@Suite("Lanczos")
struct LanczosTests {
  /// Copies of `value` among converged Ritz values (relative agreement 10⁻⁸,
  /// residual ≤ 10⁻⁸·|value|).
  static func copies(of value: Double, in run: LanczosRun) throws -> Int {
    let ritz = try run.ritzPairs()
    return zip(ritz.values, ritz.residuals).filter {
      abs($0.0 - value) <= 1e-8 * value && $0.1 <= 1e-8 * value
    }.count
  }

  @Test("run to the full dimension, Lanczos recovers every distinct eigenvalue")
  func recoversDistinctEigenvalues() throws {
    let spectrum = [1.0, 2, 2, 2, 5, 7, 7, 11]  // 5 distinct nonzero values + 0
    let landscape = try KrylovFixtures.quadratic("m", spectrum, d: 30)
    var rng = SeededGenerator(seed: 21)
    let op = HessianOperator(landscape: landscape)
    let run = try Lanczos.run(op, start: rng.normals(30), maxSteps: 30)
    #expect(run.brokeDown)
    #expect(run.steps == 6, "5 distinct nonzero eigenvalues and 0")
    #expect(run.beta.count == run.steps - 1, "T is k×k, never padded")
    let ritz = try run.ritzPairs()
    // At breakdown every Ritz residual is ≤ β ≤ 10⁻¹²·‖T‖, so each Ritz value
    // is within that of an eigenvalue (residual bound), plus dense rounding on T.
    let tolerance = Lanczos.defaultBreakdownTolerance * 11 + Tolerance.dense(n: 30, scale: 11)
    for lambda in [0.0, 1, 2, 5, 7, 11] {
      let hits = ritz.values.filter { abs($0 - lambda) <= tolerance }
      #expect(hits.count == 1, "λ = \(lambda) appears once: \(ritz.values)")
    }
  }

  @Test("all-equal rank 20: breakdown after 2 steps and the multiplicity warning, with its evidence")
  func allEqualBreaksDown() throws {
    let landscape = try KrylovFixtures.quadratic("eq", [Double](repeating: 1, count: 20), d: 200)
    var rng = SeededGenerator(seed: 22)
    let result = try LanczosRank.rank(of: HessianOperator(landscape: landscape), using: &rng)
    // 2 Lanczos steps ({1, 0}) + 2 for the complement check (it holds 1 ×19 and 0).
    #expect(result.hessianVectorProducts == 4)
    #expect(result.rank == 1, "distinct nonzero Ritz values: 1 (the true rank is 20)")
    #expect(result.warnings.map(\.code) == [.multiplicityInvisible], "\(result.warnings)")
    #expect(result.warnings.first?.message.contains("after 2 of d = 200 steps") == true)
    #expect(result.converged, "the Ritz values are exact; only the count is short")
    // The same case with the block method: no warning needed, rank 20.
    var rng2 = SeededGenerator(seed: 22)
    let block = try BlockKrylovRank.rank(of: HessianOperator(landscape: landscape), using: &rng2)
    #expect(block.rank == 20)
    #expect(block.warnings.isEmpty)
  }

  @Test("four quintuplets: Krylov dimension 5, multiplicity warning")
  func quintuplets() throws {
    let landscape = try KrylovFixtures.quadratic("q", [1, 2, 3, 4].flatMap { [Double](repeating: $0, count: 5) }, d: 200)
    var rng = SeededGenerator(seed: 23)
    let result = try LanczosRank.rank(of: HessianOperator(landscape: landscape), using: &rng)
    #expect(result.hessianVectorProducts > 5 && result.hessianVectorProducts <= 5 + LanczosRank.complementSteps)
    #expect(result.rank == 4)
    #expect(result.warnings.map(\.code) == [.multiplicityInvisible], "\(result.warnings)")
  }

  @Test("distinct eigenvalues and a null space: an early breakdown with a right count carries no warning")
  func nullSpaceIsNotAMultiplicity() throws {
    // Rank 20 of d = 200: the run breaks down after ≈ 21 steps (the zero
    // eigenvalue has multiplicity 180), and the count is the rank. The old
    // reminder "multiplicities are invisible" fired here on every right answer.
    let landscape = try KrylovFixtures.quadratic("d", (1...20).map(Double.init), d: 200)
    for seed in UInt64(30)..<UInt64(40) {
      var rng = SeededGenerator(seed: seed)
      let result = try LanczosRank.rank(of: HessianOperator(landscape: landscape), using: &rng)
      #expect(result.rank == 20, "seed \(seed)")
      #expect(result.warnings.isEmpty, "seed \(seed): \(result.warnings)")
      #expect(result.converged, "seed \(seed)")
    }
  }

  @Test("800 distinct eigenvalues over 1e-6…1e6: the undercount is unresolved small eigenvalues, not a multiplicity")
  func wideDistinctSpectrumIsNotAMultiplicity() throws {
    // Issue 15 item 6. d = 800, full rank (τ = 800·ε·10⁶ ≈ 1.8e-7 < 1e-6).
    // The breakdown tolerance 10⁻¹²·‖T‖ = 10⁻⁶ cannot separate eigenvalues
    // 3.5% apart near 10⁻⁶, so the run breaks down early and merges them;
    // none is repeated (dense: 800 distinct values).
    let spectrum = (0..<800).map { pow(10, -6 + 12 * Double($0) / 799) }
    let landscape = try KrylovFixtures.quadratic("wide", spectrum, d: 800, seed: 3)
    var rng = SeededGenerator(seed: 1)
    let result = try LanczosRank.rank(of: HessianOperator(landscape: landscape), using: &rng)
    #expect(result.rank < 800)
    let codes = result.warnings.map(\.code)
    #expect(codes.contains(.smallEigenvaluesUnresolved), "\(result.warnings)")
    #expect(!codes.contains(.multiplicityInvisible), "\(result.warnings)")
    #expect(!result.converged)
  }

  /// Spectrum {100, 50} ∪ linspace(0, 1, 198)[1...] (theory §3.3 table).
  static func ghostLandscape() throws -> QuadraticLandscape {
    let bulk = (1..<198).map { Double($0) / 197 }
    return try KrylovFixtures.quadratic("ghost", [100, 50] + bulk, d: 200, seed: 7)
  }

  @Test("with full reorthogonalisation no eigenvalue appears twice")
  func noCopiesWithReorthogonalization() throws {
    let op = HessianOperator(landscape: try Self.ghostLandscape())
    var rng = SeededGenerator(seed: 24)
    let run = try Lanczos.run(op, start: rng.normals(200), maxSteps: 100, reorthogonalization: .full)
    #expect(try Self.copies(of: 100, in: run) == 1)
    #expect(try Self.copies(of: 50, in: run) == 1)
  }

  @Test("without reorthogonalisation ghosts appear (so the copy count can fail)")
  func ghostsWithoutReorthogonalization() throws {
    let op = HessianOperator(landscape: try Self.ghostLandscape())
    var rng = SeededGenerator(seed: 24)
    let run = try Lanczos.run(op, start: rng.normals(200), maxSteps: 100, reorthogonalization: .none)
    // Math notes §5.4: 13 / 12 copies at 100 steps; require clearly more than one.
    #expect(try Self.copies(of: 100, in: run) >= 3)
    #expect(try Self.copies(of: 50, in: run) >= 3)
  }

  @Test("Lanczos HVP count equals the number of steps")
  func costIsSteps() throws {
    let landscape = try Self.ghostLandscape()
    let counter = KrylovFixtures.Counter()
    let op = KrylovFixtures.countedOperator(landscape, counter: counter)
    var rng = SeededGenerator(seed: 25)
    let run = try Lanczos.run(op, start: rng.normals(200), maxSteps: 17)
    #expect(run.steps == 17 && run.hessianVectorProducts == 17 && counter.count == 17)
    #expect(!run.brokeDown)
  }
}
