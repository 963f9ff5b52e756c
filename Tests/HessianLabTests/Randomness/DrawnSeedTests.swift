import Testing

@testable import HessianCore

@Suite("DrawnSeed: seeds that survive a double-based JSON reader")
struct DrawnSeedTests {
  /// A generator that always returns the same word: the extremes of the raw draw.
  struct Constant: RandomNumberGenerator {
    let word: UInt64
    mutating func next() -> UInt64 { word }
  }

  @Test("every draw is at most 2⁵³ − 1 and exact as a double, even from the extreme raw words")
  func belowTwoToTheFiftyThree() {
    #expect(DrawnSeed.maximum == 9_007_199_254_740_991)
    var extremes = [Constant(word: .max), Constant(word: 0), Constant(word: 1 << 63)]
    for i in extremes.indices {
      let seed = DrawnSeed.draw(using: &extremes[i])
      #expect(seed <= DrawnSeed.maximum)
      #expect(UInt64(exactly: Double(seed)) == seed)
    }
    var generator = SeededGenerator(seed: 11)
    let seeds = (0..<1000).map { _ in DrawnSeed.draw(using: &generator) }
    #expect(seeds.allSatisfy { $0 <= DrawnSeed.maximum && UInt64(exactly: Double($0)) == $0 })
    // Not stuck in a small range: with 1000 uniform draws on [0, 2⁵³), P(max < 2⁵²) = 2⁻¹⁰⁰⁰.
    #expect(seeds.max()! >= 1 << 52)
  }

  @Test("the system draw is in range too")
  func systemDraw() {
    for _ in 0..<100 { #expect(DrawnSeed.draw() <= DrawnSeed.maximum) }
  }
}
