import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("Numerical rank threshold policy")
struct RankThresholdTests {
  @Test("float32 noise is not curvature: the threshold follows the input precision")
  func precisionMatters() {
    // Four clear eigenvalues plus float32-level rounding noise (~1e-8 relative).
    let values = [4.0, 1, 1, 1e-3, 1.7e-8, -1.1e-8, 1.6e-9, 8.6e-9]
    let f32 = NumericalRank.decide(eigenvalues: values, dimension: 8, precision: .float32)
    let f64 = NumericalRank.decide(eigenvalues: values, dimension: 8, precision: .float64)
    #expect(f32.rank == 4)
    #expect(f64.rank == 8)  // judged with the wrong ε, the noise would count
    #expect(abs(f32.threshold - 4 * 8 * Double(Float.ulpOfOne)) < 1e-18)
    #expect(f32.smallestCounted == 1e-3)
    #expect(f32.largestUncounted == 1.7e-8)
    #expect(f32.warnings.isEmpty)
  }

  @Test("Absolute, relative and largest-gap policies")
  func policies() {
    let values = [10.0, 5, 2, 1e-4, 3e-5, 0]
    #expect(NumericalRank.decide(eigenvalues: values, dimension: 6, policy: .absolute(1e-3)).rank == 3)
    #expect(NumericalRank.decide(eigenvalues: values, dimension: 6, policy: .relative(1e-6)).rank == 5)
    // The largest ratio between consecutive |λ| is 2 / 1e-6 = 2e6.
    let noisy = [10.0, 5, 2, 1e-6, 5e-7, 2e-7]
    let gap = NumericalRank.decide(eigenvalues: noisy, dimension: 6, policy: .largestGap)
    #expect(gap.rank == 3)
    #expect(abs((gap.gapRatio ?? 0) - 2e6) < 1e-3)
    // An exact zero below a tiny eigenvalue is the largest gap of all.
    #expect(NumericalRank.decide(eigenvalues: values, dimension: 6, policy: .largestGap).rank == 5)
  }

  @Test("A small gap, a negative eigenvalue and a zero matrix are warned about, each by its code and only then")
  func warnings() {
    let fragile = NumericalRank.decide(eigenvalues: [1, 0.5, 2e-3, 1e-3], dimension: 4, policy: .absolute(1.5e-3))
    #expect(fragile.rank == 3)
    #expect(fragile.warnings.map(\.code) == [.fragileGap])
    let negative = NumericalRank.decide(eigenvalues: [1, -0.2, 0], dimension: 3)
    #expect(negative.warnings.map(\.code) == [.negativeEigenvalue])
    let zero = NumericalRank.decide(eigenvalues: [0, 0], dimension: 2)
    #expect(zero.rank == 0)
    #expect(zero.warnings.map(\.code) == [.zeroMatrix])
    // A clear gap at a minimum: nothing to warn about.
    #expect(NumericalRank.decide(eigenvalues: [1, 0.5, 1e-17], dimension: 3).warnings.isEmpty)
  }
}
