import Testing

@testable import HessianCore
@testable import HessianZoo

@Suite("IntegerPrefixElimination")
struct IntegerPrefixEliminationTests {
  /// Random d×(d+1) matrices sharing their first d − 1 rows (some shared blocks of rank < d − 1,
  /// some last rows dependent on them): the line agrees with rational Gauss–Jordan elimination (an
  /// independent algorithm) up to sign, and A·v = 0 holds.
  @Test("agrees with rational elimination on shared-prefix families", arguments: 1...7)
  func agreesWithRationalElimination(d: Int) {
    var rng = SplitMix64(state: UInt64(700 + d))
    var lines = 0, deficient = 0
    for family in 0..<40 {
      var shared: [[Int]] = (0..<(d - 1)).map { _ in (0...d).map { _ in Int.random(in: -5...5, using: &rng) } }
      if d >= 3 && family % 5 == 0 { shared[d - 2] = shared[0].map { 2 * $0 } }  // shared rank < d − 1
      var elimination = IntegerPrefixElimination(sharedRows: shared.flatMap { $0 }, rows: d)
      for trial in 0..<8 {
        var last = (0...d).map { _ in Int.random(in: -5...5, using: &rng) }
        if d >= 2 && trial % 4 == 0 { last = shared[0].map { -3 * $0 } }  // dependent last row
        let rows = shared + [last]
        let rational = RationalElimination.nullspace(rows.map { $0.map { Rational($0) } }, columns: d + 1)
        switch elimination.nullVector(lastRow: last) {
        case .overflow:
          Issue.record("overflow on entries in −5…5 at d = \(d)")
        case .rankDeficient:
          deficient += 1
          #expect(rational.count >= 2, "rank deficient for \(rows) but rational null space \(rational)")
        case let .line(v):
          lines += 1
          #expect(rational.count == 1)
          let expected = RationalElimination.primitiveInteger(rational[0])
          #expect(v == expected || v == expected.map { -$0 }, "\(rows): \(v) vs \(expected)")
          for row in rows { #expect((0...d).reduce(0) { $0 + row[$1] * v[$1] } == 0) }
        }
      }
    }
    #expect(lines > 100)
    if d >= 2 { #expect(deficient >= 40) }
  }
}
