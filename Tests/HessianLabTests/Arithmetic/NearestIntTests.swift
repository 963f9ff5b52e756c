import HessianLab
import Testing

/// `Int(nearest:clampedTo:)`, the one conversion plots and lessons use: never traps, whatever
/// the double (NaN, ±∞, ±1e308, subnormals), always lands in the range, and rounds like
/// `rounded()` inside it.
@Suite("Nearest integer, clamped")
struct NearestIntTests {
  @Test("Edge doubles land in the range without trapping")
  func edges() {
    let range = -3...7
    for x in [Double.nan, .infinity, -.infinity, 1e308, -1e308, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, 0, 9.2e18, -9.3e18] {
      #expect(range.contains(Int(nearest: x, clampedTo: range)), "x = \(x)")
    }
    #expect(Int(nearest: .nan, clampedTo: range) == -3)
    #expect(Int(nearest: .infinity, clampedTo: range) == 7)
    #expect(Int(nearest: -.infinity, clampedTo: range) == -3)
  }

  @Test("Inside the range it is rounded() (seeded sample)")
  func matchesRounded() {
    var rng = SeededGenerator(seed: 41)
    for _ in 0..<1000 {
      let x = rng.nextUniform() * 200 - 100
      #expect(Int(nearest: x, clampedTo: -1000...1000) == Int(x.rounded()))
    }
  }
}
