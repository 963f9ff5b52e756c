import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("Aoyagi")
struct AoyagiTests {
  /// Aoyagi & Watanabe (2005) reduced-rank regression, input M, hidden H,
  /// output N, true rank r (theory §5.5), as an exact rational.
  static func rrr(_ m: Int, _ h: Int, _ n: Int, _ r: Int) -> (Rational, Int?) {
    if n + r <= m + h, m + r <= n + h, h + r <= m + n {
      let odd = (m + h + n + r) % 2 == 1
      let num = 2 * (h + r) * (m + n) - (m - n) * (m - n) - (h + r) * (h + r) + (odd ? 1 : 0)
      return (Rational(num, 8), odd ? 2 : 1)
    }
    if m + h < n + r { return (Rational(h * m - h * r + n * r, 2), nil) }
    if n + h < m + r { return (Rational(h * n - h * r + m * r, 2), nil) }
    return (Rational(m * n, 2), nil)
  }

  @Test("equals the closed reduced-rank-regression formula for every two-layer case with widths ≤ 6")
  func twoLayer() {
    var cases = 0
    for m in 1...6 {
      for h in 1...6 {
        for n in 1...6 {
          for r in 0...min(m, h, n) {
            let a = Aoyagi.learningCoefficient(widths: [m, h, n], rank: r)
            let (lambda, mult) = Self.rrr(m, h, n, r)
            #expect(a.learningCoefficient == lambda, "\(m)-\(h)-\(n) r=\(r)")
            if let mult { #expect(a.multiplicity == mult, "m for \(m)-\(h)-\(n) r=\(r)") }
            cases += 1
          }
        }
      }
    }
    #expect(cases == 657)  // the count in theory §5.5
  }

  @Test(
    "the table of theory §5.5",
    arguments: [
      ([2, 1, 2], 0, Rational(1), 0), ([3, 2, 3], 1, Rational(7, 2), 5), ([5, 3, 5], 1, Rational(8), 9),
      ([5, 4, 5], 2, Rational(21, 2), 16), ([4, 4, 4, 4], 1, Rational(13, 2), 7),
      ([10, 5, 5, 10], 2, Rational(45, 2), 36), ([6, 6, 6, 6, 6], 0, Rational(23, 2), 0),
      ([8, 3, 8], 3, Rational(39, 2), 39), ([3, 10, 3], 2, Rational(9, 2), 8),
    ])
  func table(widths: [Int], r: Int, lambda: Rational, hessianRank: Int) {
    #expect(Aoyagi.learningCoefficient(widths: widths, rank: r).learningCoefficient == lambda)
    #expect(Aoyagi.hessianRank(widths: widths, rank: r) == hessianRank)
  }

  @Test("one layer is regular: λ = H₁H₂/2")
  func oneLayer() {
    #expect(Aoyagi.learningCoefficient(widths: [3, 4], rank: 2).learningCoefficient == Rational(6))
  }
}
