/// An exact rational number p/q with q > 0, kept in lowest terms.
///
/// Learning coefficients of the zoo (3/4, 39/2, ...) are rational; keeping them
/// exact lets tests compare with `==` instead of a tolerance.
public struct Rational: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
  /// p, carrying the sign.
  public let numerator: Int
  /// q > 0, coprime to p (1 for integers and for 0).
  public let denominator: Int

  /// p/q reduced to lowest terms.
  ///
  /// - Precondition: q ≠ 0.
  public init(_ p: Int, _ q: Int = 1) {
    precondition(q != 0, "zero denominator")
    let g = Rational.gcd(abs(p), abs(q))
    let sign = q < 0 ? -1 : 1
    numerator = sign * p / max(g, 1)
    denominator = sign * q / max(g, 1)
  }

  static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

  /// p/q as a `Double` (correctly rounded when |p|, q ≤ 2⁵³).
  public var doubleValue: Double { Double(numerator) / Double(denominator) }

  public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }

  /// The exact sum in lowest terms (traps on `Int` overflow of the cross products).
  public static func + (a: Rational, b: Rational) -> Rational {
    Rational(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
  }
  /// The exact difference in lowest terms (traps on `Int` overflow of the cross products).
  public static func - (a: Rational, b: Rational) -> Rational {
    Rational(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator)
  }
  /// The exact product in lowest terms (traps on `Int` overflow).
  public static func * (a: Rational, b: Rational) -> Rational {
    Rational(a.numerator * b.numerator, a.denominator * b.denominator)
  }
  /// The exact quotient in lowest terms.
  ///
  /// - Precondition: `b` ≠ 0 (traps on `Int` overflow too).
  public static func / (a: Rational, b: Rational) -> Rational {
    Rational(a.numerator * b.denominator, a.denominator * b.numerator)
  }
  public static func < (a: Rational, b: Rational) -> Bool {
    a.numerator * b.denominator < b.numerator * a.denominator
  }
}
