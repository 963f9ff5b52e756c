import Foundation
import Testing

@testable import GSLBridge

/// ``StreamingBlockProduct`` against a plain loop of fused multiply-adds in the same order (the
/// same bits), against OpenBLAS's `dgemm` (within rounding), and for every split of the rows.
@Suite("StreamingBlockProduct: C = A·B reading A once", .enabled(if: BLASKernels.vectorLevel >= .avx2))
struct StreamingBlockProductTests {
  static func matrix(_ rows: Int, _ columns: Int, seed: Double) -> Matrix {
    Matrix(rows: rows, columns: columns, elements: (0..<(rows * columns)).map { sin(Double($0) * seed + 0.3) })
  }

  /// Σⱼ A[i, j]·B[j, c] with one fused multiply-add per term, j in order.
  static func plain(_ a: Matrix, _ b: Matrix) -> [Double] {
    var c = [Double](repeating: 0, count: a.rows * b.columns)
    for i in 0..<a.rows {
      for col in 0..<b.columns {
        var s = 0.0
        for j in 0..<a.columns { s = s.addingProduct(a[i, j], b[j, col]) }
        c[i * b.columns + col] = s
      }
    }
    return c
  }

  @Test("Equal bit for bit to the plain loop, for 4 and 8 columns and every row count mod 4", arguments: [(1, 4), (3, 8), (4, 4), (7, 8), (13, 4), (66, 8), (129, 4)])
  func plainLoop(n: Int, k: Int) {
    let a = Self.matrix(n, n, seed: 0.71), b = Self.matrix(n, k, seed: 1.37)
    var c = Matrix(rows: n, columns: k)
    StreamingBlockProduct.multiply(a, b, into: &c, threads: 1)
    #expect(c.elements == Self.plain(a, b))
  }

  @Test("The same bits for 1, 2, 3 and 8 threads")
  func threadsAgree() {
    let n = 517, k = 8
    let a = Self.matrix(n, n, seed: 0.13), b = Self.matrix(n, k, seed: 2.9)
    var one = Matrix(rows: n, columns: k)
    StreamingBlockProduct.multiply(a, b, into: &one, threads: 1)
    for t in [2, 3, 8] {
      var c = Matrix(rows: n, columns: k)
      StreamingBlockProduct.multiply(a, b, into: &c, threads: t)
      #expect(c.elements == one.elements, "threads \(t)")
    }
  }

  @Test("Within n·ε·Σ|a||b| of OpenBLAS's dgemm; a wrong entry of A is seen")
  func matchesGemm() {
    let n = 300, k = 8
    let a = Self.matrix(n, n, seed: 0.5), b = Self.matrix(n, k, seed: 0.9)
    var c = Matrix(rows: n, columns: k), reference = Matrix(rows: n, columns: k)
    StreamingBlockProduct.multiply(a, b, into: &c, threads: 2)
    cblasReference(a, b, into: &reference)
    let bound = 2 * Double(n) * Double.ulpOfOne * Double(n)  // each sum within n·ε·Σ|a||b| ≤ n²ε (|a|, |b| ≤ 1)
    #expect(zip(c.elements, reference.elements).allSatisfy { abs($0 - $1) <= bound })
    var wrong = a
    wrong[10, 20] += 1e-6
    var d = Matrix(rows: n, columns: k)
    StreamingBlockProduct.multiply(wrong, b, into: &d, threads: 2)
    #expect(zip(d.elements, reference.elements).contains { abs($0 - $1) > bound })
  }

  @Test("BLAS.gemm takes the kernel only for a square A of 32 MiB or more and 4 or 8 columns")
  func dispatch() {
    #expect(StreamingBlockProduct.applies(order: 2048, columns: 8))
    #expect(StreamingBlockProduct.applies(order: 4000, columns: 4))
    #expect(!StreamingBlockProduct.applies(order: 2047, columns: 8))
    #expect(!StreamingBlockProduct.applies(order: 4000, columns: 6))
    #expect(!StreamingBlockProduct.applies(order: 4000, columns: 1))
  }

  /// OpenBLAS's dgemm directly (the streaming path is not taken at n = 300).
  func cblasReference(_ a: Matrix, _ b: Matrix, into c: inout Matrix) {
    BLAS.gemm(a, .none, b, .none, into: &c)
  }
}
