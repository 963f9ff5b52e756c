import GSLBridge
import Testing
import TestSupport

import HessianLab

@testable import HessianZoo

/// The tiled scan against the plain row-by-column loops it replaces, on sizes around the tile
/// edge (1, 63, 64, 65, 130), with planted asymmetries, ties and non-finite entries.
@Suite("SymmetryScan: finiteness, scale and the worst asymmetry in one tiled pass")
struct SymmetryScanTests {
  /// The plain loops: first non-finite, max |a|, and the first largest gap in row-major order.
  static func naive(_ m: Matrix) -> SymmetryScan.Result {
    let d = m.rows
    let finite = m.elements.allSatisfy(\.isFinite)
    let scale = finite ? m.elements.reduce(0) { max($0, abs($1)) } : 0
    var worst = (gap: 0.0, i: 0, j: 0)
    for i in 0..<d {
      for j in (i + 1)..<max(i + 1, d) where abs(m[i, j] - m[j, i]) > worst.gap { worst = (abs(m[i, j] - m[j, i]), i, j) }
    }
    return SymmetryScan.Result(finite: finite, scale: scale, worst: worst)
  }

  @Test("Random symmetric matrices with planted gaps and ties: the same result as the plain loops", arguments: [1, 63, 64, 65, 130])
  func matchesNaive(d: Int) {
    var rng = SeededGenerator(seed: UInt64(d))
    var m = Matrix(rows: d, columns: d, elements: rng.normals(d * d))
    for i in 0..<d { for j in 0..<i { m[i, j] = m[j, i] } }
    #expect(SymmetryScan.scan(m) == Self.naive(m))
    #expect(SymmetryScan.scan(m).worst.gap == 0)
    guard d > 2 else { return }
    // Two equal largest gaps: the first in row-major order is reported.
    m[d - 1, d - 2] += 0.5
    m[1, 0] -= 0.5
    m[0, d - 1] += 0.25
    let found = SymmetryScan.scan(m)
    #expect(found == Self.naive(m))
    #expect(found.worst.i == 0 && found.worst.j == 1, "\(found.worst)")
  }

  @Test("A non-finite entry anywhere (above, below, on the diagonal) is found", arguments: [(0, 0), (3, 70), (70, 3), (129, 129)])
  func nonFinite(place: (Int, Int)) {
    var m = Matrix(rows: 130, columns: 130)
    m[place.0, place.1] = place.0 == place.1 ? .nan : .infinity
    #expect(!SymmetryScan.scan(m).finite)
  }
}
