import Foundation
import Testing

@testable import GSLBridge

/// ``MaxMagnitude`` against the plain `reduce` it replaces, on generated arrays of every length
/// around the lane width, with NaN, ±∞ and signed zeros mixed in.
@Suite("MaxMagnitude: max |xᵢ| eight lanes at a time")
struct MaxMagnitudeTests {
  static func plain(_ x: [Double]) -> Double { x.reduce(0) { max($0, abs($1)) } }

  @Test("Equal to the plain reduce for lengths 0…40 and every position of the largest entry")
  func equalsReduce() {
    for n in 0...40 {
      for peak in 0..<max(n, 1) {
        var x: [Double] = (0..<n).map { (i: Int) -> Double in
          let sign: Double = i % 3 == 0 ? -1 : 1
          return sign * sin(Double(i) * 2.3)
        }
        if n > 0 { x[peak] = -7.5 }
        #expect(MaxMagnitude.of(x) == Self.plain(x), "n \(n), peak \(peak)")
      }
    }
  }

  @Test("NaN is skipped, infinity wins, zeros give zero")
  func specialValues() {
    #expect(MaxMagnitude.of([.nan, 1, -2, .nan, 0, 0, 0, 0, 0, 0.5]) == 2)
    #expect(MaxMagnitude.of(Array(repeating: .nan, count: 9)) == 0)
    #expect(MaxMagnitude.of([1, 2, 3, 4, 5, 6, 7, -.infinity, 1]) == .infinity)
    #expect(MaxMagnitude.of([-0.0, 0.0]) == 0)
    #expect(MaxMagnitude.of([]) == 0)
  }

  @Test("allFinite is false exactly when one entry, anywhere, is ±∞ or NaN", arguments: [0, 1, 7, 8, 9, 17, 64])
  func allFinite(n: Int) {
    let x = (0..<n).map { Double($0) * 1e300 - 3e301 }
    #expect(MaxMagnitude.allFinite(x))
    #expect(MaxMagnitude.allFinite(x + [.greatestFiniteMagnitude, -.greatestFiniteMagnitude]))
    for bad in [Double.infinity, -.infinity, .nan] {
      for i in 0..<n {
        var y = x
        y[i] = bad
        #expect(!MaxMagnitude.allFinite(y), "n \(n), entry \(i) = \(bad)")
      }
    }
  }
}
