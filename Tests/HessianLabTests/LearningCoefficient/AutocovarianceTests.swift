import Foundation
import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("Autocovariance by FFT")
struct AutocovarianceTests {
  /// The definition, summed directly: O(N²).
  static func direct(_ x: [Double]) -> [Double] {
    let n = x.count
    let mean = x.reduce(0, +) / Double(n)
    return (0..<n).map { t in (0..<(n - t)).reduce(0.0) { $0 + (x[$1] - mean) * (x[$1 + t] - mean) } / Double(n) }
  }

  /// An alternating sequence has mean 0 and γ̂_t = (−1)^t (N − t)/N exactly.
  @Test("alternating ±1: γ̂_t = (−1)^t (N − t)/N")
  func alternating() {
    for n in [1, 2, 5, 8, 33] {
      let x = (0..<n).map { $0 % 2 == 0 ? 1.0 : -1.0 }
      let mean = x.reduce(0, +) / Double(n)
      let gamma = Autocovariance.allLags(x)
      #expect(gamma.count == n)
      // With n odd the mean is 1/n, so compare with the direct sum; with n even it is exact.
      let reference = n % 2 == 0 ? (0..<n).map { Double($0 % 2 == 0 ? 1 : -1) * Double(n - $0) / Double(n) } : Self.direct(x)
      for t in 0..<n {
        #expect(abs(gamma[t] - reference[t]) <= 1e-14, "n = \(n), t = \(t), mean \(mean)")
      }
    }
    #expect(Autocovariance.allLags([]).isEmpty)
  }

  /// FFT against the direct sum. Rounding: the FFT's error on Σ products is about
  /// ε·log₂L·Σ(x − x̄)², the direct sum's at most ε·N·Σ(x − x̄)², so after the
  /// division by N both are within 10·ε·(log₂L + N)·γ̂₀; an off-by-one lag or a
  /// missing zero padding (circular instead of linear correlation) is off by O(γ̂₀).
  @Test("FFT equals the direct sum at every lag", arguments: [3, 7, 64, 100, 1_000])
  func matchesDirectSum(_ n: Int) {
    var rng = SeededGenerator(seed: UInt64(n))
    var x = [Double](repeating: 0, count: n)
    var state = 0.0
    for i in 0..<n {
      state = 0.9 * state + rng.nextNormal()
      x[i] = state + 3
    }
    let fft = Autocovariance.allLags(x), reference = Self.direct(x)
    var length = 1
    while length < 2 * n { length <<= 1 }
    let tolerance = 10 * Double.ulpOfOne * (log2(Double(length)) + Double(n)) * reference[0]
    for t in 0..<n {
      #expect(abs(fft[t] - reference[t]) <= tolerance, "n = \(n), t = \(t): \(fft[t]) vs \(reference[t])")
    }
  }
}
