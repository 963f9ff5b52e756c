import Foundation

/// Sample autocovariances at every lag by the fast Fourier transform
/// (Wiener–Khinchin), for ``ChainConvergence``'s effective sample size.
///
///     γ̂_t = (1/N) Σ_{i=0}^{N−1−t} (x_i − x̄)(x_{i+t} − x̄),   t = 0 … N − 1,
///
/// computed as the inverse transform of |X|², X the discrete Fourier
/// transform of x − x̄ zero-padded to a power of two L ≥ 2N (so the circular
/// correlation equals the linear one), divided by N. This is how Stan and ArviZ
/// compute it; the direct sum costs O(N·T) for T lags, which for slowly mixing
/// chains (T ~ N) dominated long SGLD runs.
///
/// The transform is an iterative radix-2 Cooley–Tukey FFT with a table of
/// twiddle factors e^{−2πik/L} (each from `cos`/`sin`, not a recurrence, so the
/// rounding error stays O(ε log L) relative to ‖x‖²).
///
/// Cost: two complex FFTs of length L, O(L log L) flops and O(L) memory.
/// Reference: J. W. Cooley and J. W. Tukey, "An algorithm for the machine
/// calculation of complex Fourier series", Math. Comp. 19(90):297–301 (1965).
enum Autocovariance {
  /// γ̂_0 … γ̂_{N−1} of `x` (divisor N); empty for empty `x`.
  static func allLags(_ x: [Double]) -> [Double] {
    let n = x.count
    guard n > 0 else { return [] }
    let mean = x.reduce(0, +) / Double(n)
    var length = 1
    while length < 2 * n { length <<= 1 }
    var re = [Double](repeating: 0, count: length)
    var im = [Double](repeating: 0, count: length)
    for i in 0..<n { re[i] = x[i] - mean }
    let table = twiddles(length)
    transform(&re, &im, twiddles: table, inverse: false)
    for k in 0..<length {
      re[k] = re[k] * re[k] + im[k] * im[k]
      im[k] = 0
    }
    transform(&re, &im, twiddles: table, inverse: true)
    let scale = 1 / (Double(length) * Double(n))
    return (0..<n).map { re[$0] * scale }
  }

  /// e^{−2πik/L} for k = 0 … L/2 − 1, as (cos, sin) pairs.
  static func twiddles(_ length: Int) -> (cos: [Double], sin: [Double]) {
    let half = length / 2
    let angles = (0..<half).map { -2 * Double.pi * Double($0) / Double(length) }
    return (angles.map { cos($0) }, angles.map { sin($0) })
  }

  /// In-place unnormalised DFT of (re, im), length a power of two: forward
  /// X_k = Σ x_j e^{−2πijk/L}, inverse with e^{+2πijk/L}.
  static func transform(
    _ re: inout [Double], _ im: inout [Double], twiddles table: (cos: [Double], sin: [Double]), inverse: Bool
  ) {
    let n = re.count
    guard n > 1 else { return }
    precondition(n & (n - 1) == 0 && im.count == n, "FFT length must be a power of two")
    // Bit-reversal permutation.
    var j = 0
    for i in 1..<n {
      var bit = n >> 1
      while j & bit != 0 {
        j ^= bit
        bit >>= 1
      }
      j |= bit
      if i < j {
        re.swapAt(i, j)
        im.swapAt(i, j)
      }
    }
    let sign: Double = inverse ? -1 : 1
    var size = 2
    while size <= n {
      let half = size / 2, stride = n / size
      var start = 0
      while start < n {
        for k in 0..<half {
          let c = table.cos[k * stride], s = sign * table.sin[k * stride]
          let a = start + k, b = a + half
          let vr = re[b] * c - im[b] * s
          let vi = re[b] * s + im[b] * c
          re[b] = re[a] - vr
          im[b] = im[a] - vi
          re[a] += vr
          im[a] += vi
        }
        start += size
      }
      size <<= 1
    }
  }
}
