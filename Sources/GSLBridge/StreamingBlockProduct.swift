import CGSL
import Dispatch

/// C = A·B for a large square row-major A and a block B of 4 or 8 columns, reading A once,
/// row after row, on AVX2 + FMA (``BLASKernels/VectorLevel/avx2``):
///
/// ```
/// C[i, c] = Σⱼ A[i, j]·B[j, c],   j = 0, 1, …, n − 1 in order, one fused multiply-add each
/// ```
///
/// Why: a Krylov method's block product on a dense Hessian (block Lanczos with b = 8) multiplies a
/// matrix that does not fit in cache by a few vectors. A general `dgemm` first copies (packs) A
/// into its own layout, so each pass moves A through memory twice; this kernel moves it once and
/// keeps the block's row j in registers for four rows of A (`cgsl_stream_rows`), which is what a
/// memory-bound product can do at best. Rows are split among threads in contiguous chunks, and
/// every entry is the same running sum whatever the split, so the result is the same bits for any
/// thread count (it can differ in the last bits from OpenBLAS's `dgemm`, which sums in blocks).
///
/// Cost: 2·n²·k flops, n² reads of A (8n² bytes), on ``BLASThreads/largeOperationThreads`` threads
/// outside parallel sampling.
public enum StreamingBlockProduct {
  /// Whether `BLAS.gemm` takes this kernel for an n × n A and k columns: AVX2 + FMA present, A of
  /// at least ``BLASThreads/largeStreamBytes`` (n ≥ 2048), and k = 4 or 8.
  public static func applies(order n: Int, columns k: Int) -> Bool {
    (k == 4 || k == 8) && n.multipliedReportingOverflow(by: n).partialValue >= BLASThreads.largeStreamBytes / 8
      && n < Int(Int32.max) && BLASKernels.vectorLevel >= .avx2
  }

  /// C ← A·B with `threads` threads (rows split in contiguous chunks); A n × n, B n × k, C n × k,
  /// k = 4 or 8, AVX2 + FMA required (checked by the caller through ``applies(order:columns:)``).
  static func multiply(_ a: Matrix, _ b: Matrix, into c: inout Matrix, threads: Int) {
    let n = a.rows, k = b.columns
    precondition(a.isSquare && b.rows == n && (k == 4 || k == 8) && c.rows == n && c.columns == k, "streaming product shape")
    precondition(BLASKernels.vectorLevel >= .avx2, "the streaming product needs AVX2 and FMA")
    let parts = max(1, min(threads, n / 64))
    a.elements.withUnsafeBufferPointer { ap in
      b.elements.withUnsafeBufferPointer { bp in
        c.elements.withUnsafeMutableBufferPointer { cp in
          guard let a0 = ap.baseAddress, let b0 = bp.baseAddress, let c0 = cp.baseAddress else { return }
          let out = UnsafeSendablePointer(c0), left = UnsafeSendableConstPointer(a0), right = UnsafeSendableConstPointer(b0)
          let chunk = (n + parts - 1) / parts
          DispatchQueue.concurrentPerform(iterations: parts) { p in
            let r0 = p * chunk, r1 = min(n, r0 + chunk)
            if r0 < r1 { cgsl_stream_rows(left.pointer, n, right.pointer, k, out.pointer, r0, r1) }
          }
        }
      }
    }
  }
}

/// A pointer handed to the threads of one ``StreamingBlockProduct`` call, each writing its own rows.
private struct UnsafeSendablePointer: @unchecked Sendable {
  let pointer: UnsafeMutablePointer<Double>
  init(_ pointer: UnsafeMutablePointer<Double>) { self.pointer = pointer }
}

/// A read-only pointer shared by the threads of one ``StreamingBlockProduct`` call.
private struct UnsafeSendableConstPointer: @unchecked Sendable {
  let pointer: UnsafePointer<Double>
  init(_ pointer: UnsafePointer<Double>) { self.pointer = pointer }
}
