import PropertyBased
import Testing

@testable import GSLBridge

func naiveProduct(_ a: Matrix, _ b: Matrix) -> Matrix {
  var c = Matrix(rows: a.rows, columns: b.columns)
  for i in 0..<a.rows { for j in 0..<b.columns { for k in 0..<a.columns { c[i, j] += a[i, k] * b[k, j] } } }
  return c
}

@Suite("BLAS products")
struct BLASTests {
  static let entries = Gen.double(in: -1...1).array(of: 64)

  @Test("gemm with every transpose combination equals the naive triple loop")
  func gemm() async {
    await propertyCheck(count: 40, input: Gen.int(in: 1...8), Gen.int(in: 1...8), Self.entries, Self.entries) { m, n, x, y in
      let a = Matrix(rows: m, columns: n, elements: Array(x.prefix(m * n)))
      let b = Matrix(rows: n, columns: m, elements: Array(y.prefix(n * m)))
      let reference = naiveProduct(a, b)
      let candidates = [
        BLAS.multiply(a, .none, b, .none),
        BLAS.multiply(a.transposed, .transpose, b, .none),
        BLAS.multiply(a, .none, b.transposed, .transpose),
        BLAS.multiply(a.transposed, .transpose, b.transposed, .transpose),
      ]
      for c in candidates { #expect((c - reference).frobeniusNorm <= 1e-14 * Double(n)) }
    }
  }

  @Test("gemv, syrk, dot and axpy agree with loops")
  func level1and2() async {
    await propertyCheck(count: 40, input: Gen.int(in: 1...8), Gen.int(in: 1...8), Self.entries) { m, n, x in
      let a = Matrix(rows: m, columns: n, elements: Array(x.prefix(m * n)))
      let v = (0..<n).map { Double($0) - 1.5 }
      let w = (0..<m).map { 0.5 * Double($0) + 1 }
      let av = BLAS.multiply(a, .none, v)
      let atw = BLAS.multiply(a, .transpose, w)
      for i in 0..<m { #expect(abs(av[i] - (0..<n).reduce(0) { $0 + a[i, $1] * v[$1] }) <= 1e-13) }
      for j in 0..<n { #expect(abs(atw[j] - (0..<m).reduce(0) { $0 + a[$1, j] * w[$1] }) <= 1e-13) }
      var gram = Matrix(rows: n, columns: n)
      BLAS.syrk(a, .transpose, into: &gram)
      #expect((gram - naiveProduct(a.transposed, a)).frobeniusNorm <= 1e-13)
      #expect(abs(BLAS.dot(v, v) - v.reduce(0) { $0 + $1 * $1 }) <= 1e-13)
      var y = v
      BLAS.axpy(2, v, &y)
      #expect(y == v.map { 3 * $0 })
    }
  }
}
