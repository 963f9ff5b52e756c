/// Parses polynomial expressions such as `x0^2 + x1^4 + (x2*x3)^2` into exact
/// sparse monomials (``Polynomial``).
///
/// Grammar (usual precedence: `^` binds tighter than unary minus, which binds
/// tighter than `*`, which binds tighter than `+ -`):
///
///     sum     := product (('+' | '-') product)*
///     product := signed ('*' signed)*
///     signed  := ('+' | '-') signed | power
///     power   := atom ('^' INTEGER)?
///     atom    := NUMBER | 'x' INTEGER | '(' sum ')'
///
/// Numbers are decimal literals (`2`, `0.5`, `1.25`), kept exact as rationals.
/// Exponents are non-negative integer literals at most ``maximumExponent``;
/// `x^2^3` is rejected as ambiguous. Every error names the position (1-based
/// column in the expression) and what is wrong.
///
/// Cost: linear in the expression length plus the cost of the exact expansion
/// (at most ``maximumTermCount`` terms; coefficients are overflow-checked).
public enum PolynomialParser {
  /// The largest exponent literal accepted.
  public static let maximumExponent = 64
  /// The largest total degree of the expanded polynomial.
  public static let maximumDegree = 256
  /// The largest number of terms the expansion may produce.
  public static let maximumTermCount = 20_000
  /// The largest variable index accepted (x0 … x9999).
  public static let maximumVariableIndex = 9_999

  /// Parses `text` into a polynomial in `dimension` variables (default: one
  /// more than the largest variable index used).
  ///
  /// - Parameters:
  ///   - text: the expression.
  ///   - dimension: the number of variables d; `x_i` with i ≥ d is an error.
  ///   - inputName: how the input is named in error messages (default `text`).
  ///   - checkDimension: called with d after tokenizing (linear in the text) and before parsing
  ///     (O(terms·d)): a budget check that throws refuses a huge d before any d-vector is made.
  /// - Throws: ``InputError`` naming the input, the column and the problem.
  public static func parse(
    _ text: String, dimension: Int? = nil, inputName: String? = nil,
    checkDimension: ((Int) throws(InputError) -> Void)? = nil
  ) throws(InputError) -> Polynomial {
    let name = inputName ?? text
    let tokens = try tokenize(text, name: name)
    let maxIndex = tokens.compactMap { if case let .variable(i) = $0.kind { i } else { nil } }.max() ?? -1
    let d = dimension ?? max(maxIndex + 1, 1)
    // Every term holds a d-vector of exponents: the caller's budget for d is checked after the
    // (linear) tokenizing and before the O(terms·d) parse.
    try checkDimension?(d)
    if let dimension, maxIndex >= dimension, let bad = tokens.first(where: {
      if case let .variable(i) = $0.kind { i >= dimension } else { false }
    }) {
      throw InputError.spec(
        name, problem: "unknown variable \(bad.text) at column \(bad.column) (d = \(dimension): the variables are x0…x\(dimension - 1))")
    }
    var parser = Parser(tokens: tokens, name: name, dimension: d, endColumn: text.count + 1)
    let terms = try parser.parseSum()
    if let extra = parser.peek {
      if extra.kind == .close {
        throw InputError.spec(name, problem: "unbalanced parenthesis at column \(extra.column) (')' without a matching '(')")
      }
      throw InputError.spec(name, problem: "unexpected '\(extra.text)' at column \(extra.column) (expected an operator + - * ^)")
    }
    return Polynomial(
      dimension: d,
      terms: terms.map { Polynomial.Term(exponents: dense($0.key, dimension: d), coefficient: $0.value) })
  }

  /// The dense exponent vector (length `dimension`) of a sparse monomial key.
  static func dense(_ key: [Int], dimension: Int) -> [Int] {
    var e = [Int](repeating: 0, count: dimension)
    var k = 0
    while k < key.count {
      e[key[k]] = key[k + 1]
      k += 2
    }
    return e
  }

  // MARK: - Tokens

  struct Token: Equatable {
    enum Kind: Equatable { case number(Rational), variable(Int), integer(Int), plus, minus, times, caret, open, close }
    var kind: Kind
    var column: Int
    var text: String
  }

  static func tokenize(_ text: String, name: String) throws(InputError) -> [Token] {
    let chars = Array(text)
    var tokens: [Token] = []
    var i = 0
    while i < chars.count {
      let c = chars[i]
      let column = i + 1
      switch c {
      case " ", "\t": i += 1; continue
      case "+": tokens.append(Token(kind: .plus, column: column, text: "+"))
      case "-": tokens.append(Token(kind: .minus, column: column, text: "-"))
      case "*": tokens.append(Token(kind: .times, column: column, text: "*"))
      case "^": tokens.append(Token(kind: .caret, column: column, text: "^"))
      case "(": tokens.append(Token(kind: .open, column: column, text: "("))
      case ")": tokens.append(Token(kind: .close, column: column, text: ")"))
      case "x":
        var j = i + 1
        while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
        let digits = String(chars[(i + 1)..<j])
        let word = String(chars[i..<j])
        guard !digits.isEmpty else {
          throw InputError.spec(name, problem: "unknown variable 'x' at column \(column) (variables are x0, x1, …)")
        }
        guard digits.count <= 5, let index = Int(digits), index <= maximumVariableIndex else {
          throw InputError.spec(name, problem: "variable \(word) at column \(column) exceeds x\(maximumVariableIndex)")
        }
        tokens.append(Token(kind: .variable(index), column: column, text: word))
        i = j
        continue
      default:
        if c.isASCII, c.isNumber || c == "." {
          var j = i
          while j < chars.count, chars[j].isASCII, chars[j].isNumber || chars[j] == "." { j += 1 }
          let word = String(chars[i..<j])
          tokens.append(try number(word, column: column, name: name))
          i = j
          continue
        }
        if c.isLetter || c == "_" {
          var j = i
          while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "_" { j += 1 }
          throw InputError.spec(
            name, problem: "unknown variable '\(String(chars[i..<j]))' at column \(column) (variables are x0, x1, …)")
        }
        throw InputError.spec(name, problem: "unexpected character '\(c)' at column \(column)")
      }
      i += 1
    }
    return tokens
  }

  /// A decimal literal as an exact rational, or an integer token when it has no point.
  static func number(_ word: String, column: Int, name: String) throws(InputError) -> Token {
    let parts = word.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, !(parts.count == 2 && parts[0].isEmpty && parts[1].isEmpty) else {
      throw InputError.spec(name, problem: "malformed number '\(word)' at column \(column)")
    }
    let whole = parts[0].isEmpty ? "0" : String(parts[0])
    let fraction = parts.count == 2 ? String(parts[1]) : ""
    let digits = (whole + fraction).drop { $0 == "0" }
    guard digits.count <= 17, fraction.count <= 17, let mantissa = Int(digits.isEmpty ? "0" : String(digits)) else {
      throw InputError.spec(name, problem: "number '\(word)' at column \(column) has too many digits (at most 17)")
    }
    if parts.count == 1 {
      return Token(kind: .integer(mantissa), column: column, text: word)
    }
    var scale = 1
    for _ in 0..<fraction.count { scale *= 10 }
    return Token(kind: .number(Rational(mantissa, scale)), column: column, text: word)
  }

  // MARK: - Recursive descent over sparse polynomials

  /// A polynomial during parsing: monomial key → coefficient. A key lists the used variables
  /// only, as flattened pairs `[i₁, e₁, i₂, e₂, …]` with i₁ < i₂ < … and every eᵢ > 0, so a
  /// product of two terms costs O(used variables), not O(d) (the constant term is `[]`).
  typealias Poly = [[Int]: Rational]

  /// The key of the product of two monomials (a merge of the sorted pairs) and its total degree.
  /// Exponents stay ≤ ``maximumDegree`` per factor (checked by the caller), so the sums cannot overflow.
  static func product(_ a: [Int], _ b: [Int]) -> (key: [Int], degree: Int) {
    var out: [Int] = []
    out.reserveCapacity(a.count + b.count)
    var i = 0, j = 0, degree = 0
    while i < a.count || j < b.count {
      if j >= b.count || (i < a.count && a[i] < b[j]) {
        out.append(a[i]); out.append(a[i + 1]); degree += a[i + 1]; i += 2
      } else if i >= a.count || b[j] < a[i] {
        out.append(b[j]); out.append(b[j + 1]); degree += b[j + 1]; j += 2
      } else {
        let e = a[i + 1] + b[j + 1]
        out.append(a[i]); out.append(e); degree += e; i += 2; j += 2
      }
    }
    return (out, degree)
  }

  struct Parser {
    let tokens: [Token]
    let name: String
    let dimension: Int
    let endColumn: Int
    var position = 0

    var peek: Token? { position < tokens.count ? tokens[position] : nil }

    mutating func parseSum() throws(InputError) -> Poly {
      var acc = try parseProduct()
      while let t = peek, t.kind == .plus || t.kind == .minus {
        position += 1
        let rhs = try parseProduct()
        try add(rhs, into: &acc, sign: t.kind == .plus ? 1 : -1, at: t.column)
      }
      return acc
    }

    mutating func parseProduct() throws(InputError) -> Poly {
      var acc = try parseSigned()
      while let t = peek, t.kind == .times {
        position += 1
        let rhs = try parseSigned()
        acc = try multiply(acc, rhs, at: t.column)
      }
      return acc
    }

    mutating func parseSigned() throws(InputError) -> Poly {
      if let t = peek, t.kind == .minus || t.kind == .plus {
        position += 1
        let inner = try parseSigned()
        return t.kind == .plus ? inner : try add([:], inner, sign: -1, at: t.column)
      }
      return try parsePower()
    }

    mutating func parsePower() throws(InputError) -> Poly {
      let base = try parseAtom()
      guard let caret = peek, caret.kind == .caret else { return base }
      position += 1
      guard let e = peek else {
        throw InputError.spec(name, problem: "missing exponent after '^' at column \(caret.column)")
      }
      let exponent: Int
      switch e.kind {
      case let .integer(k):
        guard k <= PolynomialParser.maximumExponent else {
          throw InputError.spec(
            name, problem: "exponent \(e.text) at column \(e.column) overflows (at most \(PolynomialParser.maximumExponent))")
        }
        exponent = k
      case .minus:
        throw InputError.spec(name, problem: "negative exponent at column \(e.column) (exponents are non-negative integers)")
      case .number:
        throw InputError.spec(
          name, problem: "fractional exponent \(e.text) at column \(e.column) (exponents are non-negative integers)")
      case .open:
        throw InputError.spec(
          name, problem: "exponent at column \(e.column) must be an integer literal, not an expression")
      default:
        throw InputError.spec(name, problem: "expected an integer exponent at column \(e.column), found '\(e.text)'")
      }
      position += 1
      if let next = peek, next.kind == .caret {
        throw InputError.spec(name, problem: "chained exponent at column \(next.column) is ambiguous; use parentheses")
      }
      var result: Poly = [[]: Rational(1)]
      for _ in 0..<exponent { result = try multiply(result, base, at: caret.column) }
      return result
    }

    mutating func parseAtom() throws(InputError) -> Poly {
      guard let t = peek else {
        throw InputError.spec(name, problem: "unexpected end of expression at column \(endColumn) (expected a number, variable or '(')")
      }
      position += 1
      switch t.kind {
      case let .integer(k): return k == 0 ? [:] : [[]: Rational(k)]
      case let .number(q): return q.numerator == 0 ? [:] : [[]: q]
      case let .variable(i): return [[i, 1]: Rational(1)]
      case .open:
        let inner = try parseSum()
        guard let close = peek, close.kind == .close else {
          throw InputError.spec(name, problem: "unbalanced parenthesis at column \(t.column) (this '(' is never closed)")
        }
        position += 1
        _ = close
        return inner
      case .close:
        throw InputError.spec(name, problem: "unbalanced parenthesis at column \(t.column) (')' without a matching '(')")
      default:
        throw InputError.spec(name, problem: "unexpected '\(t.text)' at column \(t.column) (expected a number, variable or '(')")
      }
    }

    func add(_ a: Poly, _ b: Poly, sign: Int, at column: Int) throws(InputError) -> Poly {
      var out = a
      try add(b, into: &out, sign: sign, at: column)
      return out
    }

    /// `out += sign·b` in place: O(|b|) dictionary updates, so a sum of n terms costs O(n·d),
    /// not the O(n²·d) of copying the running sum at every `+`.
    func add(_ b: Poly, into out: inout Poly, sign: Int, at column: Int) throws(InputError) {
      for (e, c) in b {
        let s = try checked(out[e] ?? Rational(0), sign == 1 ? c : Rational(-c.numerator, c.denominator), add: true, at: column)
        out[e] = s.numerator == 0 ? nil : s
      }
      guard out.count <= PolynomialParser.maximumTermCount else {
        throw InputError.spec(
          name, problem: "the expansion overflows at column \(column) (more than \(PolynomialParser.maximumTermCount) terms)")
      }
    }

    func multiply(_ a: Poly, _ b: Poly, at column: Int) throws(InputError) -> Poly {
      var out: Poly = [:]
      for (ea, ca) in a {
        for (eb, cb) in b {
          let (e, degree) = PolynomialParser.product(ea, eb)
          guard degree <= PolynomialParser.maximumDegree else {
            throw InputError.spec(
              name, problem: "the expansion overflows at column \(column) (degree above \(PolynomialParser.maximumDegree))")
          }
          let p = try checked(ca, cb, add: false, at: column)
          let s = try checked(out[e] ?? Rational(0), p, add: true, at: column)
          out[e] = s.numerator == 0 ? nil : s
        }
        guard out.count <= PolynomialParser.maximumTermCount else {
          throw InputError.spec(
            name, problem: "the expansion overflows at column \(column) (more than \(PolynomialParser.maximumTermCount) terms)")
        }
      }
      return out
    }

    /// a + b or a·b, throwing instead of trapping on Int overflow.
    func checked(_ a: Rational, _ b: Rational, add: Bool, at column: Int) throws(InputError) -> Rational {
      // The error (and its message) is built only when thrown: this runs once per term product.
      var overflow: InputError {
        InputError.spec(name, problem: "the expansion overflows at column \(column) (a coefficient exceeds 64-bit integers)")
      }
      if add {
        let (x, o1) = a.numerator.multipliedReportingOverflow(by: b.denominator)
        let (y, o2) = b.numerator.multipliedReportingOverflow(by: a.denominator)
        let (n, o3) = x.addingReportingOverflow(y)
        let (q, o4) = a.denominator.multipliedReportingOverflow(by: b.denominator)
        if o1 || o2 || o3 || o4 || n == Int.min || q == Int.min { throw overflow }
        return Rational(n, q)
      }
      let (n, o1) = a.numerator.multipliedReportingOverflow(by: b.numerator)
      let (q, o2) = a.denominator.multipliedReportingOverflow(by: b.denominator)
      if o1 || o2 || n == Int.min || q == Int.min { throw overflow }
      return Rational(n, q)
    }
  }
}
