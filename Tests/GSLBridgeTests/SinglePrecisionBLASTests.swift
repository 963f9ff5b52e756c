import Testing

@testable import GSLBridge

@Suite("Single-precision BLAS")
struct SinglePrecisionBLASTests {
  @Test("sgemm equals the naive triple loop on integers (exact in float32), row-major, non-square")
  func exactOnIntegers() {
    let a: [Float] = [1, 2, 3, 4, 5, 6]  // 2×3
    let b: [Float] = [7, 8, 9, 10, 11, 12]  // 3×2
    #expect(SinglePrecisionBLAS.multiply(a, rows: 2, inner: 3, b, columns: 2) == [58, 64, 139, 154])
  }

  @Test("empty shapes give zeros")
  func empty() {
    #expect(SinglePrecisionBLAS.multiply([], rows: 2, inner: 0, [], columns: 3) == [Float](repeating: 0, count: 6))
  }

  @Test("a random product is within Higham's γ_k·|A||B| of the double product (u = 2⁻²⁴)")
  func withinBound() {
    let k = 64
    // Deterministic entries in [−1, 1] (a Weyl sequence), so no generator is needed here.
    let a = (0..<(3 * k)).map { Float(((Double($0) * 0.618033988749895).truncatingRemainder(dividingBy: 1)) * 2 - 1) }
    let b = (0..<(k * 2)).map { Float(((Double($0) * 0.414213562373095).truncatingRemainder(dividingBy: 1)) * 2 - 1) }
    let c = SinglePrecisionBLAS.multiply(a, rows: 3, inner: k, b, columns: 2)
    let u = Double(Float.ulpOfOne) / 2
    let gamma = Double(k) * u / (1 - Double(k) * u)
    for i in 0..<3 {
      for j in 0..<2 {
        var exact = 0.0, scale = 0.0
        for l in 0..<k {
          exact += Double(a[i * k + l]) * Double(b[l * 2 + j])
          scale += abs(Double(a[i * k + l]) * Double(b[l * 2 + j]))
        }
        #expect(abs(Double(c[i * 2 + j]) - exact) <= gamma * scale)
      }
    }
  }
}
