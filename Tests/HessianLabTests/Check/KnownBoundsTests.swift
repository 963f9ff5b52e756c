import HessianLab
import Testing

@testable import HessianVerification

@Suite("KnownBounds: the rank bounds on λ")
struct KnownBoundsTests {
  @Test("r = 5, d = 12: [5/2, 5/2 + 7/4] = [5/2, 17/4]; distance outside, 0 inside")
  func bounds() {
    let b = KnownBounds(rank: 5, dimension: 12)
    #expect(b.lowerExact == "5/2" && b.upperExact == "17/4" && b.width == 1.75)
    #expect(b.distance(to: 2) == -0.5 && b.distance(to: 3) == 0 && b.distance(to: 4.5) == 0.25)
  }
}
