import CGSL

/// Dense products through CBLAS, resolved to OpenBLAS at link time.
///
/// The `CGSL` module map links `openblas` ahead of GSL, so these CBLAS symbols
/// bind to OpenBLAS, not to GSL's reference CBLAS (3–6× slower, see
/// `BENCHMARKS.md`). Products of at least ``BLASThreads/largeOperationFlops`` outside parallel
/// sampling run on ``BLASThreads/largeOperationThreads``; all others on one thread.
public enum BLAS {
  /// Whether an operand is used as stored or transposed.
  public enum Operation: Sendable {
    /// Use the operand as stored (`CblasNoTrans`).
    case none
    /// Use the transpose of the operand (`CblasTrans`).
    case transpose

    var cblas: CBLAS_TRANSPOSE { self == .none ? CblasNoTrans : CblasTrans }
  }

  /// xᵀy. Cost: n multiply-adds.
  public static func dot(_ x: [Double], _ y: [Double]) -> Double {
    precondition(x.count == y.count, "dot: length mismatch \(x.count) vs \(y.count)")
    GSLRuntime.ensureConfigured()
    return cblas_ddot(Int32(x.count), x, 1, y, 1)
  }

  /// ‖x‖₂, computed without overflow.
  public static func norm(_ x: [Double]) -> Double {
    GSLRuntime.ensureConfigured()
    return cblas_dnrm2(Int32(x.count), x, 1)
  }

  /// y ← a·x + y.
  public static func axpy(_ a: Double, _ x: [Double], _ y: inout [Double]) {
    precondition(x.count == y.count, "axpy: length mismatch \(x.count) vs \(y.count)")
    GSLRuntime.ensureConfigured()
    cblas_daxpy(Int32(x.count), a, x, 1, &y, 1)
  }

  /// x ← a·x.
  public static func scale(_ a: Double, _ x: inout [Double]) {
    GSLRuntime.ensureConfigured()
    cblas_dscal(Int32(x.count), a, &x, 1)
  }

  /// y ← α·op(A)·x + β·y. Cost: one pass over A; from ``BLASThreads/largeStreamBytes`` of A on
  /// ``BLASThreads/largeOperationThreads`` (outside parallel sampling).
  public static func gemv(
    _ a: Matrix, _ op: Operation = .none, _ x: [Double],
    alpha: Double = 1, beta: Double = 0, into y: inout [Double]
  ) {
    let (outLen, inLen) = op == .none ? (a.rows, a.columns) : (a.columns, a.rows)
    precondition(x.count == inLen && y.count == outLen, "gemv: shape mismatch")
    GSLRuntime.ensureConfigured()
    if a.rows == 0 || a.columns == 0 {
      for i in y.indices { y[i] *= beta }
      return
    }
    BLASThreads.run(streaming: a.elements.count.multipliedReportingOverflow(by: MemoryLayout<Double>.size).partialValue) {
      cblas_dgemv(
        CblasRowMajor, op.cblas, Int32(a.rows), Int32(a.columns), alpha,
        a.elements, Int32(a.columns), x, 1, beta, &y, 1)
    }
  }

  /// y ← α·op(A)·x + β·y for the leading `rows`×`columns` block of a row-major
  /// buffer with leading dimension `lda` (≥ `columns`). `x` and `y` may be
  /// longer than the product needs; only their leading entries are used. For
  /// workspaces that grow row by row (a Krylov basis), so no slice is copied.
  /// Cost: one pass over the block.
  public static func gemv(
    rows: Int, columns: Int, _ a: UnsafePointer<Double>, lda: Int, _ op: Operation = .none,
    _ x: UnsafePointer<Double>, alpha: Double = 1, beta: Double = 0, into y: UnsafeMutablePointer<Double>
  ) {
    precondition(rows >= 0 && columns >= 0 && lda >= max(columns, 1), "gemv: bad block shape")
    GSLRuntime.ensureConfigured()
    if rows == 0 || columns == 0 {
      let outLen = op == .none ? rows : columns
      for i in 0..<outLen { y[i] *= beta }
      return
    }
    cblas_dgemv(
      CblasRowMajor, op.cblas, Int32(rows), Int32(columns), alpha, a, Int32(lda), x, 1, beta, y, 1)
  }

  /// op(A)·x as a new array.
  public static func multiply(_ a: Matrix, _ op: Operation = .none, _ x: [Double]) -> [Double] {
    var y = [Double](repeating: 0, count: op == .none ? a.rows : a.columns)
    gemv(a, op, x, into: &y)
    return y
  }

  /// C ← α·op(A)·op(B) + β·C. Cost: 2·m·n·k flops; on ``BLASThreads/largeOperationThreads`` from
  /// ``BLASThreads/largeOperationFlops`` or an operand of ``BLASThreads/largeStreamBytes``. A large
  /// square A times a block of 4 or 8 columns (α = 1, β = 0) goes to ``StreamingBlockProduct``.
  public static func gemm(
    _ a: Matrix, _ opA: Operation = .none, _ b: Matrix, _ opB: Operation = .none,
    alpha: Double = 1, beta: Double = 0, into c: inout Matrix
  ) {
    let (m, k) = opA == .none ? (a.rows, a.columns) : (a.columns, a.rows)
    let (kb, n) = opB == .none ? (b.rows, b.columns) : (b.columns, b.rows)
    precondition(k == kb, "gemm: inner dimensions \(k) and \(kb) differ")
    precondition(c.rows == m && c.columns == n, "gemm: output is \(c.rows)×\(c.columns), expected \(m)×\(n)")
    GSLRuntime.ensureConfigured()
    if m == 0 || n == 0 { return }
    if k == 0 {
      for i in c.elements.indices { c.elements[i] *= beta }
      return
    }
    if opA == .none, opB == .none, alpha == 1, beta == 0, a.isSquare, StreamingBlockProduct.applies(order: m, columns: n) {
      StreamingBlockProduct.multiply(a, b, into: &c, threads: BLASThreads.withinParallelWork ? 1 : BLASThreads.largeOperationThreads)
      return
    }
    let streamed = max(a.elements.count, b.elements.count) &* MemoryLayout<Double>.size
    BLASThreads.run(flops: 2 * Double(m) * Double(n) * Double(k), streaming: streamed) {
      cblas_dgemm(
        CblasRowMajor, opA.cblas, opB.cblas, Int32(m), Int32(n), Int32(k), alpha,
        a.elements, Int32(max(a.columns, 1)), b.elements, Int32(max(b.columns, 1)), beta,
        &c.elements, Int32(max(n, 1)))
    }
  }

  /// op(A)·op(B) as a new matrix.
  public static func multiply(
    _ a: Matrix, _ opA: Operation = .none, _ b: Matrix, _ opB: Operation = .none
  ) -> Matrix {
    var c = Matrix(rows: opA == .none ? a.rows : a.columns, columns: opB == .none ? b.columns : b.rows)
    gemm(a, opA, b, opB, into: &c)
    return c
  }

  /// C ← α·A·Aᵀ + β·C (`.none`) or C ← α·Aᵀ·A + β·C (`.transpose`), both
  /// triangles of C filled. Cost: about half of the equivalent `gemm`.
  public static func syrk(
    _ a: Matrix, _ op: Operation = .none, alpha: Double = 1, beta: Double = 0, into c: inout Matrix
  ) {
    let (n, k) = op == .none ? (a.rows, a.columns) : (a.columns, a.rows)
    precondition(c.rows == n && c.columns == n, "syrk: output must be \(n)×\(n)")
    GSLRuntime.ensureConfigured()
    if n == 0 { return }
    if k == 0 {
      for i in c.elements.indices { c.elements[i] *= beta }
      return
    }
    BLASThreads.run(flops: Double(n) * Double(n) * Double(k)) {
      cblas_dsyrk(
        CblasRowMajor, CblasUpper, op.cblas, Int32(n), Int32(k), alpha,
        a.elements, Int32(max(a.columns, 1)), beta, &c.elements, Int32(n))
    }
    for i in 0..<n { for j in 0..<i { c[i, j] = c[j, i] } }
  }
}
