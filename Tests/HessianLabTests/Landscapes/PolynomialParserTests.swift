import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("PolynomialParser")
struct PolynomialParserTests {
  func terms(_ text: String) throws -> [[Int]: Rational] {
    let p = try PolynomialParser.parse(text)
    return Dictionary(uniqueKeysWithValues: p.terms.map { ($0.exponents, $0.coefficient) })
  }

  @Test("precedence: ^ over unary minus over * over + -")
  func precedence() throws {
    // 2*x0^2 is 2·(x0²), not (2x0)²; -x0^2 is −(x0²).
    #expect(try terms("2*x0^2") == [[2]: Rational(2)])
    #expect(try terms("-x0^2 + x0^2") == [:])
    #expect(try terms("x0 + x1*x1") == [[1, 0]: Rational(1), [0, 2]: Rational(1)])
    #expect(try terms("x0 - x1 - x0") == [[0, 1]: Rational(-1)])  // left associative
  }

  @Test("parentheses expand exactly")
  func parentheses() throws {
    // (x0 − x1²)² = x0² − 2x0x1² + x1⁴ by the binomial formula.
    #expect(try terms("(x0 - x1^2)^2") == [[2, 0]: Rational(1), [1, 2]: Rational(-2), [0, 4]: Rational(1)])
    // (x0 + x1)^3: binomial coefficients 1 3 3 1.
    #expect(
      try terms("(x0+x1)^3") == [[3, 0]: Rational(1), [2, 1]: Rational(3), [1, 2]: Rational(3), [0, 3]: Rational(1)])
    #expect(try terms("((x0))^0") == [[0]: Rational(1)])
  }

  @Test("variables in any order multiply by the multinomial theorem")
  func multinomial() throws {
    // (x5 + x1 + x3)^4 = Σ 4!/(a!b!c!) x1^a x3^b x5^c over a+b+c = 4: 15 terms, coefficients by
    // the closed form, with the variables written out of index order and in a high position.
    let p = try terms("(x5 + x1 + x3)^4 - (2 - x522 - x6)^0")
    func factorial(_ n: Int) -> Int { n <= 1 ? 1 : n * factorial(n - 1) }
    var expected: [[Int]: Rational] = [:]
    for a in 0...4 {
      for b in 0...(4 - a) {
        var e = [Int](repeating: 0, count: 523)
        (e[1], e[3], e[5]) = (a, b, 4 - a - b)
        expected[e] = Rational(factorial(4) / (factorial(a) * factorial(b) * factorial(4 - a - b)))
      }
    }
    expected[[Int](repeating: 0, count: 523)] = Rational(-1)
    #expect(p == expected)
  }

  @Test("decimal coefficients are exact rationals")
  func decimals() throws {
    #expect(try terms("0.25*x0^2 + 1.5*x0^2") == [[2]: Rational(7, 4)])
  }

  @Test("dimension padding and unused variables")
  func dimension() throws {
    let p = try PolynomialParser.parse("x2^2")
    #expect(p.dimension == 3)
    #expect(p.usedVariables == [2])
  }

  @Test(
    "errors name the input, the column and the problem",
    arguments: [
      ("x0^2 + (x1", "unbalanced parenthesis at column 8"),
      ("x0^2 + x1)", "unbalanced parenthesis at column 10"),
      ("x0^2 + y^2", "unknown variable 'y' at column 8"),
      ("x0^-2", "negative exponent at column 4"),
      ("x0^2.5", "fractional exponent 2.5 at column 4"),
      ("x0^99999999999999999999", "too many digits"),
      ("x0^100", "exponent 100 at column 4 overflows"),
      ("(x0+x1+x2+x3+x4+x5+x6+x7+x8+x9)^64", "overflows"),
      ("x0 +", "unexpected end of expression at column 5"),
      ("x0 x1", "unexpected 'x1' at column 4"),
      ("x0^2^3", "chained exponent at column 5"),
    ])
  func errors(input: String, fragment: String) {
    #expect {
      _ = try PolynomialParser.parse(input, inputName: "poly:\(input)")
    } throws: { error in
      guard let e = error as? InputError else { return false }
      return e.description.hasPrefix("poly:\(input): ") && e.description.contains(fragment) && !e.description.contains("\n")
    }
  }

  @Test("a variable beyond a fixed dimension is unknown")
  func unknownVariableWithDimension() {
    #expect(throws: InputError.self) { try PolynomialParser.parse("x0^2 + x3^2", dimension: 2) }
  }
}
