import Testing
import TestSupport

@testable import HessianCore

@Suite("RowDot: a fixed-order SIMD dot product")
struct RowDotTests {
  @Test("Integer rows of every length 0…70 (all SIMD blocks and tails): the exact dot product")
  func exactOnIntegers() {
    for n in 0...70 {
      let x = (0..<n).map { Double(($0 * 7) % 11) - 5 }
      let y = (0..<n).map { Double(($0 * 3) % 13) - 6 }
      var exact = 0
      for j in 0..<n { exact += Int(x[j]) * Int(y[j]) }  // integers: exact in Int and in Double
      #expect(RowDot.dot(x, y) == Double(exact), "n = \(n)")
    }
  }

  @Test("Random rows: within the forward error bound γ_{n/16+4}·Σ|x_j y_j| of a compensated sum")
  func randomWithinBound() {
    var rng = SeededGenerator(seed: 4)
    for n in [1, 15, 16, 17, 500, 1001] {
      let x = rng.normals(n), y = rng.normals(n)
      // Reference: exact products (p + e = x·y, e by fma) summed with Neumaier's compensation,
      // accurate to about u·|x·y| + n·u²·Σ|x_j y_j| (Ogita, Rump & Oishi 2005, Dot2).
      var sum = 0.0, compensation = 0.0, absolute = 0.0
      for j in 0..<n {
        let p = x[j] * y[j]
        let e = (-p).addingProduct(x[j], y[j])
        for term in [p, e] {
          let t = sum + term
          compensation += abs(sum) >= abs(term) ? (sum - t) + term : (term - t) + sum
          sum = t
        }
        absolute += abs(p)
      }
      let reference = sum + compensation
      let u = Double.ulpOfOne / 2
      let k = Double(n / 16 + 4)
      let bound = k * u / (1 - k * u) * absolute + 2 * u * abs(reference)
      let error = abs(RowDot.dot(x, y) - reference)
      #expect(error <= bound, "n = \(n): error \(error), bound \(bound)")
      // Power: the bound is about 10⁻¹⁴ of Σ|x_j y_j|, so a dropped term or a float32 sum fails it.
      #expect(bound < 1e-13 * absolute, "n = \(n)")
    }
  }
}
