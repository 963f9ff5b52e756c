/// How a block of n rows is cut across N oracle processes: min(n, N) contiguous slices whose
/// sizes differ by at most one, the longer ones first, in order (`docs/oracle-protocol.md`,
/// "Several processes"). Reassembling the replies in slice order gives the same block for any N.
enum OracleShards {
  /// The slices of `0..<count` for `parts` processes; none when `count` is 0. Cost: O(parts).
  ///
  /// - Precondition: `count >= 0`, `parts >= 1`.
  static func ranges(count: Int, parts: Int) -> [Range<Int>] {
    precondition(count >= 0 && parts >= 1, "a block of \(count) rows cannot be cut in \(parts)")
    let used = min(count, parts)
    guard used > 0 else { return [] }
    let base = count / used, longer = count % used
    var start = 0
    return (0..<used).map { i in
      let size = base + (i < longer ? 1 : 0)
      defer { start += size }
      return start..<(start + size)
    }
  }
}
