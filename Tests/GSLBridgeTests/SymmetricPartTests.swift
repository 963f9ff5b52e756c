import Foundation
import Testing

@testable import GSLBridge

@Suite("SymmetricPart: (A + Aᵀ)/2 by tiles")
struct SymmetricPartTests {
  @Test("(A + Aᵀ)/2 by tiles equals the plain double loop, at and around tile edges", arguments: [0, 1, 2, 63, 64, 65, 130, 200])
  func equalsPlainLoop(n: Int) {
    let a = Matrix(rows: n, columns: n, elements: (0..<(n * n)).map { sin(Double($0) * 1.618) * Double($0 % 7 + 1) })
    var expected = a.elements
    for i in 0..<n {
      for j in 0..<n where j != i { expected[i * n + j] = 0.5 * (a[i, j] + a[j, i]) }
    }
    #expect(SymmetricPart.elements(of: a) == expected)
  }

  @Test("LAPACK's triangle: entries (i, j ≥ i) equal the full symmetric part bit for bit", arguments: [0, 1, 2, 63, 64, 65, 130, 200])
  func lapackTriangleMatchesFull(n: Int) {
    let a = Matrix(rows: n, columns: n, elements: (0..<(n * n)).map { cos(Double($0) * 2.718) * Double($0 % 5 + 1) })
    let full = SymmetricPart.elements(of: a), half = SymmetricPart.lapackLowerTriangle(of: a)
    #expect(half.count == n * n)
    for i in 0..<n {
      for j in i..<n { #expect(half[i * n + j].bitPattern == full[i * n + j].bitPattern, "entry (\(i), \(j))") }
    }
  }
}
