import Foundation
import TestSupport
import Testing

@testable import HessianCore

/// ``InertiaRank`` against answers computed independently: the spectrum each matrix is built
/// from (Q·diag(λ)·Qᵀ) and the dense eigendecomposition's count (``DenseRank``).
@Suite("InertiaRank: the count of |λ| > τ by Sylvester's inertia in a window")
struct InertiaRankTests {

  static func rank(_ h: Matrix, policy: ThresholdPolicy = .precisionRelative, seed: UInt64 = 1) throws -> RankResult {
    var rng = SeededGenerator(seed: seed)
    return try InertiaRank.rank(of: HessianOperator(matrix: h), policy: policy, using: &rng)
  }

  /// The only random step is the Lanczos start behind the norm bound, which fails with probability
  /// ≤ 10⁻¹⁰ (``InertiaRank/normFailureProbability``) per trial: the 40 fixed-seed trials below
  /// fail falsely with probability ≤ 4·10⁻⁹; every other check is deterministic.
  @Test("generated spectra (d 1…90, any rank, both signs, gaps of 10⁴ and more): the constructed rank, certified, as dense finds it")
  func generated() throws {
    var g = SeededGenerator(seed: 2026)
    for trial in 0..<40 {
      let d = 1 + Int(g.nextUniform() * 90)
      let r = Int(g.nextUniform() * Double(d + 1))
      let lambda = (0..<d).map { i -> Double in
        guard i < r else { return 0 }
        let magnitude = pow(10, 4 * g.nextUniform() - 2)  // 10⁻² … 10²
        return trial % 3 == 0 && g.nextUniform() < 0.3 ? -magnitude : magnitude
      }
      let h = try TestLCG.symmetricMatrix(spectrum: lambda, seed: UInt64(100 + trial))
      let result = try Self.rank(h, seed: UInt64(trial))
      let dense = try DenseRank.rank(of: HessianOperator(matrix: h))
      #expect(result.rank == r, "trial \(trial), d \(d): \(result.rank) vs constructed \(r); \(result.fallback ?? "")")
      #expect(result.rank == dense.rank)
      if r == 0 {  // a zero matrix: the eigendecomposition's answer, said
        #expect(result.fallback == "H is zero" && result.warnings.contains { $0.code == .zeroMatrix })
        continue
      }
      #expect(result.fallback == nil, "trial \(trial): \(result.fallback ?? "")")
      #expect(result.method == .inertia && result.eigenvalues.isEmpty && result.converged)
      // The window brackets the dense τ, and the norm bounds bracket ‖H‖₂ from the eigenvalues.
      let lower = try #require(result.uncountedBound), upper = try #require(result.countedBound)
      #expect(lower <= dense.threshold && dense.threshold <= upper, "trial \(trial)")
      let norm = dense.eigenvalues.map(abs).max() ?? 0
      let bounds = try #require(result.normBounds)
      #expect(bounds[0] <= norm * (1 + 1e-12) && norm <= bounds[1] * (1 + 1e-12), "trial \(trial): \(bounds) vs \(norm)")
      #expect(try #require(result.gapRatioLowerBound) >= NumericalRank.fragileGapRatio)
      let negatives = lambda.filter { $0 < 0 }.count
      #expect(result.warnings.contains { $0.code == .negativeEigenvalue } == (negatives > 0), "trial \(trial)")
    }
  }

  @Test("an eigenvalue inside the window: the counts differ, so every eigenvalue is computed and the dense answer given")
  func eigenvalueInWindow() throws {
    let d = 30
    // τ = ‖H‖·d·ε = 30·2.2e-16 ≈ 6.7e-15; 3τ lies between τ and the window's upper end.
    let lambda = [1.0, 0.5, 3 * Double(d) * Double.ulpOfOne] + [Double](repeating: 0, count: d - 3)
    let h = try TestLCG.symmetricMatrix(spectrum: lambda, seed: 4)
    let result = try Self.rank(h)
    let dense = try DenseRank.rank(of: HessianOperator(matrix: h))
    #expect(result.fallback?.contains("in the window") == true, "\(result.fallback ?? "nil")")
    #expect(result.eigenvalues.count == d && result.countedBound == nil)
    #expect(result.rank == dense.rank && result.threshold == dense.threshold)
    #expect(result.method == .inertia)
  }

  @Test("the largest-gap policy and a zero matrix take the eigendecomposition, with the reason")
  func fallbacks() throws {
    let h = try TestLCG.symmetricMatrix(spectrum: [4, 2, 1e-9, 0, 0], seed: 3)
    let gap = try Self.rank(h, policy: .largestGap)
    #expect(gap.fallback?.contains("largest-gap") == true)
    #expect(gap.rank == (try DenseRank.rank(of: HessianOperator(matrix: h), policy: .largestGap)).rank)
    let zero = try Self.rank(Matrix(rows: 6, columns: 6))
    #expect(zero.rank == 0 && zero.fallback == "H is zero")
    #expect(zero.warnings.contains { $0.code == .zeroMatrix })
  }

  @Test("relative and absolute policies: the window sits around their τ")
  func otherPolicies() throws {
    let h = try TestLCG.symmetricMatrix(spectrum: [10, 1, 1e-2, 1e-4, 1e-6, 0, 0, 0], seed: 9)
    let absolute = try Self.rank(h, policy: .absolute(1e-3))  // window [3.2e-4, 3.2e-3]
    #expect(absolute.rank == 3 && absolute.fallback == nil)
    #expect(absolute.threshold == 1e-3)
    let relative = try Self.rank(h, policy: .relative(1e-6))  // τ = 1e-5 (‖H‖ = 10)
    #expect(relative.rank == 4 && relative.fallback == nil)
    // 1e-4 lies within a factor √10 of τ = 2e-4: not certified by the window, so dense decides.
    let near = try Self.rank(h, policy: .absolute(2e-4))
    #expect(near.fallback != nil && near.rank == 3)
  }

  @Test("the text and JSON say what was established")
  func report() throws {
    let result = try Self.rank(try TestLCG.symmetricMatrix(spectrum: [3, 2, 1, 0], seed: 5), seed: 11)
    let text = result.summaryLines.joined(separator: "\n")
    #expect(text.contains("method inertia"))
    #expect(text.contains("inertia of H ∓ sI: the same count at s ="))
    #expect(!text.contains("computed eigenvalues"))
    #expect(text.hasSuffix("seed 11"))
    let decoded = try JSONDecoder().decode(RankResult.self, from: try JSONEncoder().encode(result))
    #expect(decoded == result)
  }

  @Test("the norm factor g is Kuczyński–Woźniakowski's bound on S², and 1 when the Krylov space is exhausted")
  func normFactor() {
    // 40 steps at d = 2000: j = 20, √ε = ln(1.648·√2000/10⁻¹⁰)/39 = 0.7007, g = 1/√(1 − ε) = 1.4016
    let rootEps = log(1.648 * 2000.0.squareRoot() / 1e-10) / 39
    #expect(abs(InertiaRank.normFactor(dimension: 2000, steps: 40, brokeDown: false) - 1 / (1 - rootEps * rootEps).squareRoot()) < 1e-12)
    #expect(abs(InertiaRank.normFactor(dimension: 2000, steps: 40, brokeDown: false) - 1.4016) < 1e-3)
    #expect(InertiaRank.normFactor(dimension: 40, steps: 40, brokeDown: false) == 1)
    #expect(InertiaRank.normFactor(dimension: 500, steps: 12, brokeDown: true) == 1)
    #expect(InertiaRank.normFactor(dimension: 500, steps: 12, brokeDown: false) == .infinity)  // √ε > 1: no bound
  }
}
