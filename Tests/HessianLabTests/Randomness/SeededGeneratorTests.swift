import GSLBridge
import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("Seeded generator")
struct SeededGeneratorTests {
  @Test("SplitMix64 matches the reference outputs for seed 0")
  func splitMixKnownAnswer() {
    // Vigna's splitmix64.c with x = 0: the first three outputs.
    var g = SplitMix64(state: 0)
    #expect(g.next() == 0xE220_A839_7B1D_CDAF)
    #expect(g.next() == 0x6E78_9E6A_A1B9_65F4)
    #expect(g.next() == 0x06C4_5D18_8009_454F)
  }

  @Test("xoshiro256** matches the reference outputs for state (1, 2, 3, 4)")
  func xoshiroKnownAnswer() {
    // Blackman & Vigna's xoshiro256starstar.c started at s = {1, 2, 3, 4}.
    var g = SeededGenerator(state: (1, 2, 3, 4))
    let expected: [UInt64] = [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360]
    for e in expected { #expect(g.next() == e) }
  }

  @Test("The same seed gives the same stream; different seeds and children differ")
  func reproducibility() {
    var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42), c = SeededGenerator(seed: 43)
    let sa = (0..<100).map { _ in a.next() }
    let sb = (0..<100).map { _ in b.next() }
    let sc = (0..<100).map { _ in c.next() }
    #expect(sa == sb)
    #expect(sa != sc)
    let root = SeededGenerator(seed: 7)
    var used = root
    _ = (0..<10).map { _ in used.next() }
    // A child depends on the root seed and the index only, not on draws made.
    var c1 = root.child(3), c2 = used.child(3), c3 = root.child(4)
    let x1 = (0..<20).map { _ in c1.next() }
    #expect(x1 == (0..<20).map { _ in c2.next() })
    #expect(x1 != (0..<20).map { _ in c3.next() })
    let childSeeds = Set((0..<1000).map { SeededGenerator.childSeed(root: 7, index: $0) })
    #expect(childSeeds.count == 1000)
  }

  @Test("Normal draws have mean 0 and variance 1 within bounds at false-failure probability 1e-6")
  func normalMoments() throws {
    // n = 1,000,000 draws. Sample mean ~ N(0, 1/n); sample variance ~ N(1, 2/n)
    // (fourth moment 3). Two-sided bounds at p = 1e-6 each: z = Φ⁻¹(1 − 5e-7).
    let n = 1_000_000
    let z = try Distributions.twoSidedNormalQuantile(falseFailureProbability: 1e-6)
    var g = SeededGenerator(seed: 2026)
    let x = g.normals(n)
    let mean = x.reduce(0, +) / Double(n)
    let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
    let meanBound = z / Double(n).squareRoot()
    let varianceBound = z * (2.0 / Double(n)).squareRoot()
    #expect(abs(mean) < meanBound)
    #expect(abs(variance - 1) < varianceBound)
    // The check can fail: a variance of 1.01 (a 1% scale error) is outside the bound.
    #expect(0.01 > varianceBound)
    // Uniforms lie in [0, 1).
    var u = SeededGenerator(seed: 1)
    #expect((0..<10_000).allSatisfy { _ in let v = u.nextUniform(); return v >= 0 && v < 1 })
  }
}
