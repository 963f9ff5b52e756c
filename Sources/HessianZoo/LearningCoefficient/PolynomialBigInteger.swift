/// An arbitrary-precision integer, for the exact polynomial arithmetic of the
/// Newton-polyhedron non-degeneracy test (``IntegerPolynomial``): Sturm
/// sequences and polynomial gcds grow their coefficients far beyond 64 bits,
/// and a test that overflowed would have to give up or trap.
///
/// Sign and magnitude, the magnitude in base 2³² limbs, least significant
/// first, with no leading zero limb (zero has no limbs and is never negative).
///
/// Cost, for operands of m and n limbs: addition O(m + n), schoolbook
/// multiplication O(m·n), division O(m·n) (D. E. Knuth, *The Art of Computer
/// Programming* vol. 2, 3rd ed., §4.3.1, Algorithm D), gcd by Euclid's algorithm.
struct BigInteger: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// True for a negative number (never for zero).
  private(set) var isNegative: Bool
  /// |self| in base 2³², least significant limb first, no leading zero limb.
  private(set) var magnitude: [UInt32]

  /// Zero.
  static let zero = BigInteger(0)
  /// One.
  static let one = BigInteger(1)

  /// The integer `value` (every `Int`, `Int.min` included).
  init(_ value: Int) {
    var m = value.magnitude
    var limbs: [UInt32] = []
    while m > 0 {
      limbs.append(UInt32(truncatingIfNeeded: m))
      m >>= 32
    }
    self.init(isNegative: value < 0, magnitude: limbs)
  }

  /// A decimal literal with an optional leading `-`; nil for anything else.
  init?(_ text: String) {
    var digits = Substring(text)
    let negative = digits.first == "-"
    if negative { digits = digits.dropFirst() }
    guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    var r = BigInteger.zero
    let ten = BigInteger(10)
    for ch in digits { r = r * ten + BigInteger(Int(ch.asciiValue! - 48)) }
    self = negative ? -r : r
  }

  private init(isNegative: Bool, magnitude: [UInt32]) {
    var m = magnitude
    while m.last == 0 { m.removeLast() }
    self.isNegative = isNegative && !m.isEmpty
    self.magnitude = m
  }

  /// True for 0.
  var isZero: Bool { magnitude.isEmpty }

  /// −1, 0 or 1.
  var signum: Int { isZero ? 0 : isNegative ? -1 : 1 }

  /// |self|.
  var absoluteValue: BigInteger { BigInteger(isNegative: false, magnitude: magnitude) }

  /// The number of bits of |self| (0 for zero).
  var bitWidth: Int { magnitude.isEmpty ? 0 : 32 * magnitude.count - magnitude.last!.leadingZeroBitCount }

  /// The nearest `Double` (up to rounding of the leading limbs; ±∞ beyond the `Double` range).
  var doubleValue: Double {
    var x = 0.0
    for limb in magnitude.reversed() { x = x * 4_294_967_296 + Double(limb) }
    return isNegative ? -x : x
  }

  /// The decimal digits, with a leading `-` when negative.
  var description: String {
    if isZero { return "0" }
    var chunks: [UInt32] = []
    var m = magnitude
    while !m.isEmpty {
      let (q, r) = Self.divide(m, by: 1_000_000_000)
      chunks.append(r)
      m = q
    }
    var s = isNegative ? "-" : ""
    s += String(chunks.last!)
    for c in chunks.dropLast().reversed() {
      let digits = String(c)
      s += String(repeating: "0", count: 9 - digits.count) + digits
    }
    return s
  }

  static func < (a: BigInteger, b: BigInteger) -> Bool {
    if a.isNegative != b.isNegative { return a.isNegative }
    let c = compare(a.magnitude, b.magnitude)
    return a.isNegative ? c > 0 : c < 0
  }

  static prefix func - (a: BigInteger) -> BigInteger { BigInteger(isNegative: !a.isNegative, magnitude: a.magnitude) }

  static func + (a: BigInteger, b: BigInteger) -> BigInteger {
    if a.isNegative == b.isNegative { return BigInteger(isNegative: a.isNegative, magnitude: add(a.magnitude, b.magnitude)) }
    let c = compare(a.magnitude, b.magnitude)
    if c == 0 { return .zero }
    return c > 0
      ? BigInteger(isNegative: a.isNegative, magnitude: subtract(a.magnitude, b.magnitude))
      : BigInteger(isNegative: b.isNegative, magnitude: subtract(b.magnitude, a.magnitude))
  }

  static func - (a: BigInteger, b: BigInteger) -> BigInteger { a + (-b) }

  static func * (a: BigInteger, b: BigInteger) -> BigInteger {
    BigInteger(isNegative: a.isNegative != b.isNegative, magnitude: multiply(a.magnitude, b.magnitude))
  }

  /// The quotient rounded toward zero and the remainder (with the sign of `self`):
  /// self = q·d + r, |r| < |d|.
  ///
  /// - Precondition: d ≠ 0.
  func quotientAndRemainder(dividingBy d: BigInteger) -> (quotient: BigInteger, remainder: BigInteger) {
    precondition(!d.isZero, "division by zero")
    let (q, r) = Self.divide(magnitude, by: d.magnitude)
    return (BigInteger(isNegative: isNegative != d.isNegative, magnitude: q), BigInteger(isNegative: isNegative, magnitude: r))
  }

  /// The exact quotient a/b.
  ///
  /// - Precondition: b ≠ 0 divides a.
  static func exactQuotient(_ a: BigInteger, _ b: BigInteger) -> BigInteger {
    let (q, r) = a.quotientAndRemainder(dividingBy: b)
    precondition(r.isZero, "inexact division")
    return q
  }

  /// The greatest common divisor, ≥ 0 (gcd(0, 0) = 0).
  static func gcd(_ a: BigInteger, _ b: BigInteger) -> BigInteger {
    var x = a.absoluteValue, y = b.absoluteValue
    while !y.isZero { (x, y) = (y, x.quotientAndRemainder(dividingBy: y).remainder) }
    return x
  }

  // MARK: - Magnitudes (base 2³², least significant limb first)

  static func compare(_ a: [UInt32], _ b: [UInt32]) -> Int {
    if a.count != b.count { return a.count < b.count ? -1 : 1 }
    for i in stride(from: a.count - 1, through: 0, by: -1) where a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
    return 0
  }

  static func add(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
    var out = [UInt32](repeating: 0, count: max(a.count, b.count) + 1)
    var carry: UInt64 = 0
    for i in 0..<(out.count - 1) {
      let s = UInt64(i < a.count ? a[i] : 0) + UInt64(i < b.count ? b[i] : 0) + carry
      out[i] = UInt32(truncatingIfNeeded: s)
      carry = s >> 32
    }
    out[out.count - 1] = UInt32(carry)
    return out
  }

  /// a − b for a ≥ b.
  static func subtract(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
    var out = a
    var borrow: Int64 = 0
    for i in 0..<a.count {
      let t = Int64(a[i]) - Int64(i < b.count ? b[i] : 0) - borrow
      out[i] = UInt32(truncatingIfNeeded: t)
      borrow = t < 0 ? 1 : 0
    }
    precondition(borrow == 0, "negative magnitude")
    return out
  }

  static func multiply(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
    if a.isEmpty || b.isEmpty { return [] }
    var out = [UInt32](repeating: 0, count: a.count + b.count)
    for i in 0..<a.count {
      var carry: UInt64 = 0
      let ai = UInt64(a[i])
      for j in 0..<b.count {
        let t = ai * UInt64(b[j]) + UInt64(out[i + j]) + carry
        out[i + j] = UInt32(truncatingIfNeeded: t)
        carry = t >> 32
      }
      out[i + b.count] = UInt32(carry)
    }
    return out
  }

  /// Quotient and remainder of a magnitude by one nonzero limb.
  static func divide(_ a: [UInt32], by d: UInt32) -> ([UInt32], UInt32) {
    var q = [UInt32](repeating: 0, count: a.count)
    var r: UInt64 = 0
    for i in stride(from: a.count - 1, through: 0, by: -1) {
      let cur = (r << 32) | UInt64(a[i])
      q[i] = UInt32(cur / UInt64(d))
      r = cur % UInt64(d)
    }
    while q.last == 0 { q.removeLast() }
    return (q, UInt32(r))
  }

  /// Quotient and remainder of magnitudes (Knuth's Algorithm D for multi-limb divisors).
  static func divide(_ a: [UInt32], by b: [UInt32]) -> ([UInt32], [UInt32]) {
    precondition(!b.isEmpty, "division by zero")
    if compare(a, b) < 0 { return ([], a) }
    if b.count == 1 {
      let (q, r) = divide(a, by: b[0])
      return (q, r == 0 ? [] : [r])
    }
    // Normalise so that the divisor's top limb has its high bit set.
    let shift = b.last!.leadingZeroBitCount
    let v = shiftedLeft(b, by: shift)
    var u = shiftedLeft(a, by: shift)
    if u.count == a.count { u.append(0) }
    let n = v.count, m = a.count - n
    let base: UInt64 = 1 << 32
    var q = [UInt32](repeating: 0, count: m + 1)
    for j in stride(from: m, through: 0, by: -1) {
      let top = (UInt64(u[j + n]) << 32) | UInt64(u[j + n - 1])
      var qhat = top / UInt64(v[n - 1])
      var rhat = top % UInt64(v[n - 1])
      while qhat >= base || qhat * UInt64(v[n - 2]) > ((rhat << 32) | UInt64(u[j + n - 2])) {
        qhat -= 1
        rhat += UInt64(v[n - 1])
        if rhat >= base { break }
      }
      // u[j ... j+n] −= qhat·v
      var borrow: Int64 = 0
      var carry: UInt64 = 0
      for i in 0..<n {
        let p = qhat * UInt64(v[i]) + carry
        carry = p >> 32
        let t = Int64(u[i + j]) - borrow - Int64(p & 0xFFFF_FFFF)
        u[i + j] = UInt32(truncatingIfNeeded: t)
        borrow = t < 0 ? 1 : 0
      }
      let t = Int64(u[j + n]) - borrow - Int64(carry)
      u[j + n] = UInt32(truncatingIfNeeded: t)
      if t < 0 {
        // qhat was one too large: add v back.
        qhat -= 1
        var c: UInt64 = 0
        for i in 0..<n {
          let s = UInt64(u[i + j]) + UInt64(v[i]) + c
          u[i + j] = UInt32(truncatingIfNeeded: s)
          c = s >> 32
        }
        u[j + n] = UInt32(truncatingIfNeeded: UInt64(u[j + n]) + c)
      }
      q[j] = UInt32(qhat)
    }
    var r = shiftedRight(Array(u[0..<n]), by: shift)
    while q.last == 0 { q.removeLast() }
    while r.last == 0 { r.removeLast() }
    return (q, r)
  }

  static func shiftedLeft(_ a: [UInt32], by s: Int) -> [UInt32] {
    if s == 0 { return a }
    var out = [UInt32](repeating: 0, count: a.count + 1)
    for i in 0..<a.count {
      out[i] |= a[i] << UInt32(s)
      out[i + 1] = a[i] >> UInt32(32 - s)
    }
    while out.count > a.count, out.last == 0 { out.removeLast() }
    return out
  }

  static func shiftedRight(_ a: [UInt32], by s: Int) -> [UInt32] {
    if s == 0 { return a }
    var out = [UInt32](repeating: 0, count: a.count)
    for i in 0..<a.count {
      out[i] = a[i] >> UInt32(s)
      if i + 1 < a.count { out[i] |= a[i + 1] << UInt32(32 - s) }
    }
    return out
  }
}
