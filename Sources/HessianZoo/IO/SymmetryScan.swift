/// One pass over a square matrix that finds what ``HessianFile`` checks: whether every entry is
/// finite, the largest |aᵢⱼ|, and the largest asymmetry |aᵢⱼ − aⱼᵢ| with its place.
///
/// ```
/// for each pair of 64 × 64 tiles (I, J), J ≥ I:  read tile (I, J) and its mirror (J, I) together
///   finite ∧= aᵢⱼ finite;  scale = max(scale, |aᵢⱼ|);  gap = |aᵢⱼ − aⱼᵢ| for i < j
/// worst = the largest gap, the first (i, j) in row-major order on ties
/// ```
///
/// Why tiles: reading aⱼᵢ down a column strides d doubles per step, so a row-by-column scan of
/// a 3000 × 3000 matrix misses cache and TLB on nearly every read; a 64 × 64 tile and its mirror
/// (64 KB together) stay in cache, so the scan streams the matrix once at memory speed.
///
/// - Complexity: d² reads, O(1) extra memory, no allocation.
enum SymmetryScan {
  /// What the scan found.
  struct Result: Equatable {
    /// Every entry is finite.
    var finite: Bool
    /// max |aᵢⱼ| over the finite entries (0 for none).
    var scale: Double
    /// The largest |aᵢⱼ − aⱼᵢ| over i < j, with (i, j): the first in row-major order on ties;
    /// (0, 0, 0) when d = 1 or every pair is equal. Meaningful only when `finite`.
    var worst: (gap: Double, i: Int, j: Int)

    static func == (a: Result, b: Result) -> Bool {
      a.finite == b.finite && a.scale == b.scale && a.worst == b.worst
    }
  }

  /// The tile edge: two tiles of doubles are 64 KB, within a core's L2.
  static let tile = 64

  /// Scans the square matrix `m`.
  ///
  /// - Precondition: `m` is square.
  static func scan(_ m: Matrix) -> Result {
    precondition(m.rows == m.columns, "a square matrix")
    let d = m.rows
    var finite = true
    var scale = 0.0
    var worst = (gap: 0.0, i: 0, j: 0)
    m.elements.withUnsafeBufferPointer { p in
      for ib in stride(from: 0, to: d, by: tile) {
        let iEnd = min(ib + tile, d)
        for jb in stride(from: ib, to: d, by: tile) {
          let jEnd = min(jb + tile, d)
          for i in ib..<iEnd {
            let row = i * d
            for j in max(jb, i)..<jEnd {
              let a = p[row + j], b = p[j * d + i]
              if !a.isFinite || !b.isFinite {
                finite = false
                continue
              }
              scale = max(scale, abs(a), abs(b))
              let gap = abs(a - b)
              if gap > worst.gap || (gap == worst.gap && gap > 0 && (i, j) < (worst.i, worst.j)) {
                worst = (gap, i, j)
              }
            }
          }
        }
      }
    }
    return Result(finite: finite, scale: scale, worst: worst)
  }
}
