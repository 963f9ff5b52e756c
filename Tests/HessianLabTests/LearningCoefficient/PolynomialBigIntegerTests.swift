import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("BigInteger")
struct PolynomialBigIntegerTests {
  @Test("agrees with Int arithmetic on random 64-bit operands (truncating division)")
  func agreesWithInt() {
    var rng = SeededGenerator(seed: 2026)
    for _ in 0..<2000 {
      let a = Int.random(in: -(1 << 62)...(1 << 62), using: &rng)
      let b = Int.random(in: -(1 << 62)...(1 << 62), using: &rng)
      let small = Int.random(in: -(1 << 31)...(1 << 31), using: &rng)
      let A = BigInteger(a), B = BigInteger(b)
      #expect(A + B == BigInteger(a + b))
      #expect(A - B == BigInteger(a - b))
      #expect(BigInteger(small) * BigInteger(small / 2 + 1) == BigInteger(small * (small / 2 + 1)))
      #expect((A < B) == (a < b))
      #expect(A.description == String(a))
      if b != 0 {
        let (q, r) = A.quotientAndRemainder(dividingBy: B)
        #expect(q == BigInteger(a / b) && r == BigInteger(a % b), "\(a) / \(b)")
      }
      if small != 0 {
        let (q, r) = A.quotientAndRemainder(dividingBy: BigInteger(small))
        #expect(q == BigInteger(a / small) && r == BigInteger(a % small))
      }
    }
    #expect(BigInteger(Int.min).description == String(Int.min))
    #expect(BigInteger(Int.min) - BigInteger(1) < BigInteger(Int.min))
  }

  /// Products, quotients and gcds of numbers far beyond 64 bits, with the
  /// expected values computed by Python's integers.
  @Test("multi-limb values match Python")
  func python() throws {
    let a = try #require(BigInteger("1606938044258990275541962092341162602522202993782792835313721"))  // 2^200 + 12345
    let b = try #require(BigInteger("515377520732011331036461129765621272702107522000"))  // 3^100 − 1
    let ab = try #require(BigInteger(
      "828179745220145502584084235957368498016122811852287497426305209321149637119425173082204674914582743909362000"))
    #expect(a * b == ab)
    let seven50 = try #require(BigInteger("1798465042647412146620280340569649349251249"))  // 7^50
    let (q, r) = ab.quotientAndRemainder(dividingBy: seven50)
    #expect(q.description == "460492545354694214452996218172905455643339470952632534765328388738")
    #expect(r.description == "409220377429716153478707851508120005328238")
    // Knuth's Algorithm D "add back" case (Hacker's Delight test vector, 32-bit limbs).
    let u = try #require(BigInteger("170141183420855150474555134919112130560"))  // 0x7fffffff_80000000_00000000_00000000
    let v = try #require(BigInteger("39614081257132168796771975169"))  // 0x80000000_00000000_00000001
    let (q2, r2) = u.quotientAndRemainder(dividingBy: v)
    #expect(q2 == BigInteger(4_294_967_294))
    #expect(r2.description == "39614081257132168792477007874")
    let g = BigInteger.gcd(
      try #require(BigInteger("20685195893204148041317270324353226537638777759460522721280")),  // 2^128·3^40·5
      try #require(BigInteger("376160240623633859375654408046592239244436403848788712620032")))  // 2^100·3^60·7
    #expect(g.description == "15411671916547527940062634888554533226518912434176")  // 2^100·3^40
  }

  @Test("division identities on random multi-limb operands")
  func identities() {
    var rng = SeededGenerator(seed: 7)
    func random(limbs: Int) -> BigInteger {
      var x = BigInteger.zero
      for _ in 0..<limbs { x = x * BigInteger(1 << 32) + BigInteger(Int(rng.next() >> 32)) }
      return rng.next() % 2 == 0 ? x : -x
    }
    for _ in 0..<300 {
      let a = random(limbs: Int.random(in: 1...9, using: &rng))
      let b = random(limbs: Int.random(in: 1...5, using: &rng))
      guard !b.isZero else { continue }
      let (q, r) = a.quotientAndRemainder(dividingBy: b)
      #expect(q * b + r == a)
      #expect(r.absoluteValue < b.absoluteValue)
      #expect(r.isZero || r.isNegative == a.isNegative)
      #expect(BigInteger.exactQuotient(a * b, b) == a)
      let c = random(limbs: 2)
      if !c.isZero {
        #expect(BigInteger.gcd(a * c, b * c) == BigInteger.gcd(a, b) * c.absoluteValue)
      }
      #expect(BigInteger(a.description) == a)
    }
  }
}
