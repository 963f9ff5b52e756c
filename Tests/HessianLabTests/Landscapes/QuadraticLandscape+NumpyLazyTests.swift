import Foundation
import Testing

import HessianLab
@testable import HessianCore
@testable import HessianVerification
@testable import HessianZoo

/// A `.npy` Hessian is loaded without a dense eigendecomposition for the commands that do not
/// report its known answers (`spectrum --top`, `rank --method block`); `describe`'s `.minimum`
/// load still counts them, with the same answers. A task-local observer counts the
/// eigendecompositions of the body only (parallel tests are not counted).
@Suite("QuadraticLandscape+Numpy: no hidden eigendecomposition")
struct QuadraticLandscapeNumpyLazyTests {
  func write(_ m: Matrix, _ file: String) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hessianlab-lazy-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(file)
    try NumpyArray(matrix: m).write(to: url)
    return url.path
  }

  /// Runs `body`, returning its value and the number of dense eigendecompositions of order
  /// `order` (the file's d; Krylov methods decompose their small projected matrices) it started.
  func counting<T>(order: Int = 60, _ body: () throws -> T) throws -> (T, Int) {
    let count = Locked(0)
    let observe: @Sendable (Int) -> Void = { n in if n == order { count.withLock { $0 += 1 } } }
    let value = try LongOperationProgress.$eigendecompositionObserver.withValue(observe) {
      try body()
    }
    return (value, count.withLock { $0 })
  }

  /// Q·diag(spectrum)·Qᵀ (d = 60) with a seeded orthonormal Q, symmetrised.
  static func hessian(_ spectrum: [Double], seed: UInt64 = 3) throws -> Matrix {
    let d = 60
    var rng = SeededGenerator(seed: seed)
    let q = try Factorizations.orthonormalColumns(of: Matrix(rows: d, columns: d, elements: rng.normals(d * d)))
    var h = Matrix(rows: d, columns: d)
    for i in 0..<d { for j in 0..<d { for k in spectrum.indices { h[i, j] += q[i, k] * spectrum[k] * q[j, k] } } }
    for i in 0..<d { for j in 0..<i { let v = (h[i, j] + h[j, i]) / 2; h[i, j] = v; h[j, i] = v } }
    return h
  }

  @Test("spectrum --top and rank --method block on a PSD file: no eigendecomposition; describe: the same answers")
  func noEigendecomposition() throws {
    let path = try write(try Self.hessian((1...10).map(Double.init)), "psd-rank10.npy")
    let (spectrum, spectrumCount) = try counting {
      let land = try LandscapeSpec.resolve(path, hessianCheck: .saddleAllowed)
      #expect(land.knownAnswers.negativeCurvature == nil)
      #expect(land.knownAnswers.rank.value == nil)
      return try SpectrumAnalysis.run(land, options: .init(mode: .extremes(.top, count: 3), seed: 7))
    }
    #expect(spectrumCount == 0)
    #expect(spectrum.warnings.isEmpty)
    let (rank, rankCount) = try counting {
      try RankAnalysis.run(
        try LandscapeSpec.resolve(path, hessianCheck: .symmetryOnly), options: .init(method: .block, seed: 7))
    }
    #expect(rankCount == 0)
    #expect(rank.result.rank == 10)
    // describe's load (.minimum) counts the rank by one dense eigendecomposition, as before.
    let (described, describeCount) = try counting { try LandscapeSpec.resolve(path) }
    #expect(describeCount == 1)
    #expect(described.knownAnswers.rank.value == 10)
    #expect(described.knownAnswers.rank.provenance == .computed)
    #expect(described.knownAnswers.learningCoefficient.value == Rational(5))
    #expect(described.knownAnswers.multiplicity.value == 1)
  }

  @Test("a saddle file still gets its exact warning (the Cholesky test fails, one eigendecomposition decides)")
  func saddle() throws {
    let path = try write(try Self.hessian([3, 2, 1, -0.5]), "saddle-d60.npy")
    let (land, count) = try counting { try LandscapeSpec.resolve(path, hessianCheck: .saddleAllowed) }
    #expect(count == 1)
    let saddle = try #require(land.knownAnswers.negativeCurvature)
    #expect(saddle.count == 1)
    #expect(abs(saddle.eigenvalue + 0.5) < 1e-12)
    #expect(land.knownAnswers.rank.value == 4)
  }

  @Test("the zero Hessian (no Cholesky factor) falls back to the eigendecomposition: a minimum")
  func zeroFallsBack() throws {
    let path = try write(Matrix(rows: 5, columns: 5), "zero-d5.npy")
    let (land, count) = try counting(order: 5) { try LandscapeSpec.resolve(path, hessianCheck: .saddleAllowed) }
    #expect(count == 1)
    #expect(land.knownAnswers.negativeCurvature == nil)
    #expect(land.knownAnswers.rank.value == 0)
  }
}
