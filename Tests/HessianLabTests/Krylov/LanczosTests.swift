import Testing
@testable import HessianLab

/// Lanczos: breakdown at the Krylov dimension, the multiplicity warning, and
/// ghosts without reorthogonalisation (math notes §5.2 and §5.4).
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
    let run = Lanczos.run(op, start: rng.normals(30), maxSteps: 30)
    #expect(run.brokeDown)
    #expect(run.steps == 6, "5 distinct nonzero eigenvalues and 0")
    #expect(run.beta.count == run.steps - 1, "T is k×k, never padded")
    let ritz = try run.ritzPairs()
    for lambda in [0.0, 1, 2, 5, 7, 11] {
      let hits = ritz.values.filter { abs($0 - lambda) <= 1e-10 * 11 }
      #expect(hits.count == 1, "λ = \(lambda) appears once: \(ritz.values)")
    }
  }

  @Test("all-equal rank 20: breakdown after 2 steps and the multiplicity warning")
  func allEqualBreaksDown() throws {
    let landscape = try KrylovFixtures.quadratic("eq", [Double](repeating: 1, count: 20), d: 200)
    var rng = SeededGenerator(seed: 22)
    let result = try LanczosRank.rank(of: HessianOperator(landscape: landscape), using: &rng)
    #expect(result.hessianVectorProducts == 2)
    #expect(result.rank == 1, "distinct nonzero Ritz values: 1 (the true rank is 20)")
    #expect(result.warnings.contains { $0.contains("Krylov space exhausted after 2 steps") && $0.contains("--method block") })
    // The same case with the block method: no warning needed, rank 20.
    var rng2 = SeededGenerator(seed: 22)
    let block = try BlockKrylovRank.rank(of: HessianOperator(landscape: landscape), using: &rng2)
    #expect(block.rank == 20)
    #expect(!block.warnings.contains { $0.contains("Krylov space exhausted") })
  }

  @Test("four quintuplets: Krylov dimension 5, warning")
  func quintuplets() throws {
    let landscape = try KrylovFixtures.quadratic("q", [1, 2, 3, 4].flatMap { [Double](repeating: $0, count: 5) }, d: 200)
    var rng = SeededGenerator(seed: 23)
    let result = try LanczosRank.rank(of: HessianOperator(landscape: landscape), using: &rng)
    #expect(result.hessianVectorProducts == 5)
    #expect(result.rank == 4)
    #expect(result.warnings.contains { $0.contains("multiplicities are invisible") })
  }

  /// Spectrum {100, 50} ∪ linspace(0, 1, 198)[1...] (math notes §5.4 table).
  static func ghostLandscape() throws -> QuadraticLandscape {
    let bulk = (1..<198).map { Double($0) / 197 }
    return try KrylovFixtures.quadratic("ghost", [100, 50] + bulk, d: 200, seed: 7)
  }

  @Test("with full reorthogonalisation no eigenvalue appears twice")
  func noCopiesWithReorthogonalization() throws {
    let op = HessianOperator(landscape: try Self.ghostLandscape())
    var rng = SeededGenerator(seed: 24)
    let run = Lanczos.run(op, start: rng.normals(200), maxSteps: 100, reorthogonalization: .full)
    #expect(try Self.copies(of: 100, in: run) == 1)
    #expect(try Self.copies(of: 50, in: run) == 1)
  }

  @Test("without reorthogonalisation ghosts appear (so the copy count can fail)")
  func ghostsWithoutReorthogonalization() throws {
    let op = HessianOperator(landscape: try Self.ghostLandscape())
    var rng = SeededGenerator(seed: 24)
    let run = Lanczos.run(op, start: rng.normals(200), maxSteps: 100, reorthogonalization: .none)
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
    let run = Lanczos.run(op, start: rng.normals(200), maxSteps: 17)
    #expect(run.steps == 17 && run.hessianVectorProducts == 17 && counter.count == 17)
    #expect(!run.brokeDown)
  }
}
