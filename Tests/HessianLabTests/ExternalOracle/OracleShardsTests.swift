import Testing

@testable import HessianCore

@Suite("Oracle shards")
struct OracleShardsTests {
  @Test("Slices are contiguous, in order, cover the block, and differ in size by at most one")
  func slices() {
    for count in 0...40 {
      for parts in 1...9 {
        let ranges = OracleShards.ranges(count: count, parts: parts)
        #expect(ranges.count == min(count, parts))
        #expect(ranges.first?.lowerBound ?? 0 == 0 && ranges.last?.upperBound ?? 0 == count)
        for (a, b) in zip(ranges, ranges.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
        let sizes = ranges.map(\.count)
        #expect(sizes.allSatisfy { $0 >= 1 })
        #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1)
      }
    }
    #expect(OracleShards.ranges(count: 7, parts: 3) == [0..<3, 3..<5, 5..<7])
  }
}
