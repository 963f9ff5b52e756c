import Foundation
import Testing

@testable import GSLBridge

@Suite("QR and singular values")
struct FactorizationsTests {
  @Test("Q has orthonormal columns spanning A")
  func qr() throws {
    let entries: [Double] = (0..<15).map { (i: Int) -> Double in sin(Double(i) * 1.3) + Double(i % 4) }
    let a = Matrix(rows: 5, columns: 3, elements: entries)
    let q = try Factorizations.orthonormalColumns(of: a)
    let qtq = BLAS.multiply(q, .transpose, q, .none)
    #expect((qtq - Matrix.identity(3)).frobeniusNorm < 1e-14)
    // Projection of A onto span(Q) reproduces A.
    let projected = BLAS.multiply(q, .none, BLAS.multiply(q, .transpose, a, .none), .none)
    #expect((projected - a).frobeniusNorm < 1e-13 * a.frobeniusNorm)
  }

  @Test("Singular values of a diagonal-times-orthogonal matrix")
  func singularValues() throws {
    // A = D·Pᵀ with a permutation P: singular values are |D|, sorted descending.
    let a = Matrix(rowArrays: [[0, 3, 0], [0, 0, -5], [1e-3, 0, 0], [0, 0, 0]])
    let s = try Factorizations.singularValues(of: a)
    #expect(s.count == 3)
    for (x, y) in zip(s, [5.0, 3, 1e-3]) { #expect(abs(x - y) < 1e-15 * 5 * 4) }
    let wide = try Factorizations.singularValues(of: a.transposed)
    for (x, y) in zip(wide, s) { #expect(abs(x - y) < 1e-14) }
  }
}
