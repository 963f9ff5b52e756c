import Testing

@testable import HessianCore
@testable import HessianZoo

@Suite("IntegerNullVector")
struct IntegerNullVectorTests {
  /// Random d×(d+1) integer matrices, some with repeated or combined rows (rank < d): the
  /// line agrees with rational Gauss–Jordan elimination (an independent algorithm), up to sign,
  /// and A·v = 0 is checked directly.
  @Test("agrees with rational elimination on generated matrices", arguments: 1...7)
  func agreesWithRationalElimination(d: Int) {
    var rng = SplitMix64(state: UInt64(100 + d))
    var lines = 0, deficient = 0
    for trial in 0..<300 {
      var rows: [[Int]] = []
      for _ in 0..<d { rows.append((0...d).map { _ in Int.random(in: -6...6, using: &rng) }) }
      if d >= 2 && trial % 4 == 0 {
        // Make the last row a combination of the ones before it: rank < d.
        let second = d >= 3 ? rows[1] : [Int](repeating: 0, count: d + 1)
        rows[d - 1] = (0...d).map { k in 2 * rows[0][k] - 3 * second[k] }
      }
      let rational = RationalElimination.nullspace(rows.map { $0.map { Rational($0) } }, columns: d + 1)
      switch IntegerNullVector.of(rows) {
      case .overflow:
        Issue.record("overflow on entries in −6…6 at d = \(d)")
      case .rankDeficient:
        deficient += 1
        #expect(rational.count >= 2, "rank deficient for \(rows) but rational null space \(rational)")
      case let .line(v):
        lines += 1
        #expect(rational.count == 1)
        let expected = RationalElimination.primitiveInteger(rational[0])
        let negated: [Int] = expected.map { -$0 }
        let sameLine = v == expected || v == negated
        #expect(sameLine, "\(rows): \(v) vs \(expected)")
        for row in rows {
          let product: Int = (0...d).reduce(0) { sum, k in sum + row[k] * v[k] }
          #expect(product == 0)
        }
      }
    }
    #expect(lines > 0)
    if d >= 2 { #expect(deficient >= 75) }
  }

  /// Determinants with known values: a triangular matrix (the product of its diagonal) after a
  /// row swap (sign flips), and the Vandermonde matrix on 1…n (∏ (j − i), i < j).
  @Test("determinants with closed forms")
  func closedFormDeterminants() {
    var swapped = [0, 0, 5, 0, 2, 7, 3, 1, 4]  // rows of [[3,1,4],[0,2,7],[0,0,5]] reversed
    #expect(IntegerNullVector.determinant(&swapped, order: 3) == -30)
    for n in 1...6 {
      var m = (0..<n).flatMap { i in (0..<n).map { j in power(i + 1, j) } }
      var expected = 1
      for i in 1...n { for j in (i + 1)..<(n + 1) { expected *= j - i } }
      #expect(IntegerNullVector.determinant(&m, order: n) == expected)
    }
    var singular = [1, 2, 2, 4]
    #expect(IntegerNullVector.determinant(&singular, order: 2) == 0)
  }

  /// Entries near Int.max: the products overflow, which is reported, never trapped on.
  @Test("overflow is reported")
  func overflowReported() {
    let big = Int.max / 2
    #expect(IntegerNullVector.of([[big, 3, 1], [5, big, 2]]) == .overflow)
    // v₁ = −det([Int.min]) is not an Int.
    #expect(IntegerNullVector.of([[Int.min, 0]]) == .overflow)
  }
}

private func power(_ x: Int, _ k: Int) -> Int { (0..<k).reduce(1) { r, _ in r * x } }

@Suite("NewtonPolyhedron.dot")
struct NewtonPolyhedronDotTests {
  /// A normal from the rational fallback can have entries near Int.max: the facet test's dot
  /// product is exact in 128 bits instead of trapping.
  @Test("products beyond Int are exact")
  func wide() {
    #expect(NewtonPolyhedron.dot([Int.max, 1], [2, 3]) == Int128(Int.max) * 2 + 3)
    #expect(NewtonPolyhedron.dot([3, -4], [5, 6]) == -9)
  }
}
