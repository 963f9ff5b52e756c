import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

/// Real-root counts with multiplicities, checked against polynomials built
/// from their roots (known by construction, never from the counting code).
@Suite("IntegerPolynomial real roots")
struct PolynomialRealRootsTests {
  /// A factor of a constructed polynomial and the real roots it contributes.
  struct Factor {
    var polynomial: IntegerPolynomial
    /// Its real roots, exactly as numbers for distinctness and sign checks.
    var roots: [Double]
  }

  static func product(_ factors: [(Factor, Int)]) -> IntegerPolynomial {
    var p = IntegerPolynomial([1])
    for (f, mu) in factors {
      for _ in 0..<mu { p = Self.multiply(p, f.polynomial) }
    }
    return p
  }

  static func multiply(_ a: IntegerPolynomial, _ b: IntegerPolynomial) -> IntegerPolynomial {
    var c = [BigInteger](repeating: .zero, count: max(0, a.degree + b.degree + 1))
    for (i, x) in a.coefficients.enumerated() {
      for (j, y) in b.coefficients.enumerated() { c[i + j] = c[i + j] + x * y }
    }
    return IntegerPolynomial(c)
  }

  @Test("hand-made cases: simple, multiple, irrational and complex roots")
  func handMade() {
    // (t − 1)(t − 2)(t + 3) = t³ − 7t + 6
    let cubic = IntegerPolynomial([6, -7, 0, 1])
    #expect(cubic.distinctRealRootCount(in: .realLine) == 3)
    #expect(cubic.distinctRealRootCount(in: .positive) == 2)
    #expect(cubic.realRootMultiplicities(in: .realLine) == [1: 3])
    // t² + 1, t² + t + 1: no real root.
    #expect(IntegerPolynomial([1, 0, 1]).realRootMultiplicities(in: .realLine).isEmpty)
    #expect(IntegerPolynomial([1, 1, 1]).distinctRealRootCount(in: .realLine) == 0)
    // (t − 1)²(t + 2)³(t² − 2)(t² + t + 1): 1 (×2), −2 (×3), ±√2 (×1).
    let p = Self.product([
      (Factor(polynomial: IntegerPolynomial([-1, 1]), roots: [1]), 2),
      (Factor(polynomial: IntegerPolynomial([2, 1]), roots: [-2]), 3),
      (Factor(polynomial: IntegerPolynomial([-2, 0, 1]), roots: [Double(2).squareRoot(), -Double(2).squareRoot()]), 1),
      (Factor(polynomial: IntegerPolynomial([1, 1, 1]), roots: []), 1),
    ])
    #expect(p.degree == 9)
    #expect(p.realRootMultiplicities(in: .realLine) == [1: 2, 2: 1, 3: 1])
    #expect(p.realRootMultiplicities(in: .positive) == [1: 1, 2: 1])
    // (t² − 3t + 1)²: the double irrational roots (3 ± √5)/2, both positive.
    let q = Self.product([(Factor(polynomial: IntegerPolynomial([1, -3, 1]), roots: []), 2)])
    #expect(q.realRootMultiplicities(in: .positive) == [2: 2])
    // gcd((t − 1)²(t + 2), (t − 1)(t + 5)) = t − 1.
    let g = IntegerPolynomial.gcd(
      Self.product([(Factor(polynomial: IntegerPolynomial([-1, 1]), roots: [1]), 2), (Factor(polynomial: IntegerPolynomial([2, 1]), roots: [-2]), 1)]),
      Self.product([(Factor(polynomial: IntegerPolynomial([-1, 1]), roots: [1]), 1), (Factor(polynomial: IntegerPolynomial([5, 1]), roots: [-5]), 1)]))
    #expect(g == IntegerPolynomial([-1, 1]))
  }

  /// Random products of linear factors a·t − b (rational roots b/a), t² − k
  /// (irrational roots ±√k) and t² + a·t + b with a² < 4b (no real root), with
  /// random multiplicities: the expected multiplicity map is read off the
  /// construction. Large coefficients make the Sturm sequences leave 64 bits.
  @Test("random products of factors with known roots")
  func randomProducts() {
    var rng = SeededGenerator(seed: 15)
    var sawLarge = false
    for _ in 0..<80 {
      var factors: [(Factor, Int)] = []
      var used: [Double] = []
      for _ in 0..<Int.random(in: 1...4, using: &rng) {
        let mu = Int.random(in: 1...3, using: &rng)
        switch Int.random(in: 0..<3, using: &rng) {
        case 0:
          let a = Int.random(in: 1...5, using: &rng), b = Int.random(in: -40...40, using: &rng)
          let root = Double(b) / Double(a)
          guard b != 0, !used.contains(where: { abs($0 - root) < 1e-12 }) else { continue }
          used.append(root)
          factors.append((Factor(polynomial: IntegerPolynomial([-b, a]), roots: [root]), mu))
        case 1:
          let k = [2, 3, 5, 6, 7, 11, 1_000_003].randomElement(using: &rng)!
          guard !used.contains(where: { abs(abs($0) - Double(k).squareRoot()) < 1e-12 }) else { continue }
          let r = Double(k).squareRoot()
          used += [r, -r]
          factors.append((Factor(polynomial: IntegerPolynomial([-k, 0, 1]), roots: [r, -r]), mu))
        default:
          let a = Int.random(in: -30...30, using: &rng)
          let b = a * a / 4 + Int.random(in: 1...1000, using: &rng)
          factors.append((Factor(polynomial: IntegerPolynomial([b, a, 1]), roots: []), mu))
        }
      }
      guard !factors.isEmpty else { continue }
      let p = Self.product(factors)
      var expected: [Int: Int] = [:], expectedPositive: [Int: Int] = [:]
      for (f, mu) in factors {
        for r in f.roots {
          expected[mu, default: 0] += 1
          if r > 0 { expectedPositive[mu, default: 0] += 1 }
        }
      }
      #expect(p.realRootMultiplicities(in: .realLine) == expected, "\(p)")
      #expect(p.realRootMultiplicities(in: .positive) == expectedPositive, "\(p)")
      if p.sturmSequence.contains(where: { $0.coefficients.contains { $0.bitWidth > 64 } }) { sawLarge = true }
    }
    #expect(sawLarge, "some Sturm sequence must leave 64-bit integers, or the big-integer path is untested")
  }
}
