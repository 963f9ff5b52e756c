/// The dot product of two rows of doubles in a fixed summation order, four SIMD lanes wide.
///
/// ```
/// a_k = Σ_{i < ⌊n/16⌋} x[16i + 4k …+3] ⊙ y[16i + 4k …+3]   for k = 0…3 (four SIMD4 accumulators)
/// v = (a₀ + a₁) + (a₂ + a₃);  x·y = (v₀ + v₁) + (v₂ + v₃), then the tail j ≥ 16⌊n/16⌋ added in order
/// ```
///
/// Why not one running sum: `s += x_j y_j` is a chain of dependent additions, so a row of n
/// costs n addition latencies (≈ 4 cycles each) whatever the vector width; sixteen independent
/// partial sums let the CPU overlap them, ≈ 10× faster at n = 500 (the batched quadratic loss
/// ½ xᵢᵀ(Hxᵢ) of every candidate spends its time here after the `gemm`). Why not BLAS `ddot`: its
/// order, and for long rows its threads, depend on the library build; this order is fixed, so
/// the result is the same number on every machine and for any thread count.
///
/// - Complexity: n multiply–adds, no allocation. Rounding: |error| ≤ γ_{n/16 + 4} Σ|x_j y_j|
///   (Higham, *Accuracy and Stability of Numerical Algorithms*, 2nd ed., §3.1), never worse than
///   the running sum's γ_n.
public enum RowDot {
  /// x·y over `count` elements starting at `x` and `y`.
  @inlinable
  public static func dot(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, count n: Int) -> Double {
    var a0 = SIMD4<Double>(), a1 = SIMD4<Double>(), a2 = SIMD4<Double>(), a3 = SIMD4<Double>()
    let rx = UnsafeRawPointer(x), ry = UnsafeRawPointer(y)
    let stride = MemoryLayout<Double>.stride
    var j = 0
    while j + 16 <= n {
      let o = j * stride
      a0 += rx.loadUnaligned(fromByteOffset: o, as: SIMD4<Double>.self) * ry.loadUnaligned(fromByteOffset: o, as: SIMD4<Double>.self)
      a1 += rx.loadUnaligned(fromByteOffset: o + 4 * stride, as: SIMD4<Double>.self)
        * ry.loadUnaligned(fromByteOffset: o + 4 * stride, as: SIMD4<Double>.self)
      a2 += rx.loadUnaligned(fromByteOffset: o + 8 * stride, as: SIMD4<Double>.self)
        * ry.loadUnaligned(fromByteOffset: o + 8 * stride, as: SIMD4<Double>.self)
      a3 += rx.loadUnaligned(fromByteOffset: o + 12 * stride, as: SIMD4<Double>.self)
        * ry.loadUnaligned(fromByteOffset: o + 12 * stride, as: SIMD4<Double>.self)
      j += 16
    }
    let v = (a0 + a1) + (a2 + a3)
    var s = (v[0] + v[1]) + (v[2] + v[3])
    while j < n {
      s += x[j] * y[j]
      j += 1
    }
    return s
  }

  /// x·y of two equally long arrays.
  ///
  /// - Precondition: `x.count == y.count`.
  public static func dot(_ x: [Double], _ y: [Double]) -> Double {
    precondition(x.count == y.count, "dot of \(x.count) and \(y.count) elements")
    return x.withUnsafeBufferPointer { xp in
      y.withUnsafeBufferPointer { yp in
        guard let a = xp.baseAddress, let b = yp.baseAddress else { return 0 }
        return dot(a, b, count: xp.count)
      }
    }
  }
}
