#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The 256-layer ziggurat for standard normal draws (Marsaglia & Tsang, J. Stat.
/// Softw. 5(8), 2000), on 64-bit outputs of ``SeededGenerator``.
///
/// The half density f(x) = exp(−x²/2) on [0, ∞) is covered by 256 layers of equal
/// area v: the base layer (i = 0) is the rectangle [0, r]×[0, f(r)] plus the tail
/// x > r; layer i ≥ 1 is the box [0, xᵢ]×[f(xᵢ), f(xᵢ₋₁)], with x₂₅₅ = r down to
/// x₁ near 0 and x₀ = 0 (f(x₀) = 1). One 64-bit output u gives the layer
/// i = u & 255, the sign (bit 8) and the magnitude m = u >> 11 (53 bits): disjoint
/// bits, so the layer and the uniform are independent (the flaw of the 32-bit
/// original that Doornik 2005 fixed). The candidate is x = m·xᵢ/2⁵³; it is accepted
/// at once when m < kᵢ = 2⁵³·xᵢ₋₁/xᵢ (inside the part of the box under the curve).
/// Otherwise the base layer samples the tail by Marsaglia's method (x = r − ln U₁/r,
/// accepted when −2 ln U₂ > (x − r)²) and a wedge accepts x when
/// f(xᵢ) + U·(f(xᵢ₋₁) − f(xᵢ)) < f(x); a rejection starts over with a new output.
///
/// Cost: 1 output in about 99.3% of draws; the expected outputs per draw is
/// 256·v/√(π/2) ≈ 1.0067 plus the few uniforms of the slow paths.
public enum Ziggurat {
  /// The number of layers.
  public static let layers = 256
  /// r, the right edge of the base rectangle (Marsaglia & Tsang's 256-layer value).
  public static let r = 3.6541528853610088
  /// v, the area of every layer under f(x) = exp(−x²/2).
  public static let v = 4.92867323399e-3

  /// The layer tables, computed once.
  public struct Tables: Sendable {
    /// kᵢ: the acceptance bound on the 53-bit magnitude.
    public var k: [UInt64]
    /// wᵢ = xᵢ/2⁵³: magnitude to abscissa (w₀ = (v/f(r))/2⁵³ for the base).
    public var w: [Double]
    /// fᵢ = f(xᵢ) (f₀ = 1, f₂₅₅ = f(r)).
    public var f: [Double]

    /// The tables for `layers` layers with base edge `r` and layer area `v`.
    ///
    /// Recursion (Marsaglia & Tsang 2000, §4): xᵢ₋₁ = f⁻¹(v/xᵢ + f(xᵢ)), from x₂₅₅ = r.
    public init(r: Double, v: Double, layers n: Int = 256) {
      let scale = 0x1p53
      var x = [Double](repeating: 0, count: n)
      x[n - 1] = r
      for i in stride(from: n - 1, to: 1, by: -1) {
        let arg = v / x[i] + exp(-0.5 * x[i] * x[i])
        x[i - 1] = arg < 1 ? (-2 * log(arg)).squareRoot() : 0
      }
      let q = v / exp(-0.5 * r * r)  // the base rectangle's virtual width, area v
      k = [UInt64](repeating: 0, count: n)
      w = [Double](repeating: 0, count: n)
      f = [Double](repeating: 0, count: n)
      k[0] = UInt64(r / q * scale)
      w[0] = q / scale
      f[0] = 1
      for i in 1..<n {
        k[i] = i == 1 ? 0 : UInt64(x[i - 1] / x[i] * scale)
        w[i] = x[i] / scale
        f[i] = exp(-0.5 * x[i] * x[i])
      }
    }
  }

  /// The tables of the default stream (``NormalStream/zigguratV2``).
  public static let tables = Tables(r: r, v: v)

  /// One standard normal draw from `rng`'s 64-bit stream, with tables `t`.
  @inlinable @inline(__always)
  public static func draw(_ rng: inout SeededGenerator, tables t: borrowing Tables) -> Double {
    while true {
      let u = rng.next()
      let i = Int(truncatingIfNeeded: u & 0xFF)
      let m = u >> 11
      let x = Double(m) * t.w[i]
      let signed = u & 0x100 == 0 ? x : -x
      if m < t.k[i] { return signed }
      if let y = slowPath(&rng, layer: i, x: x, tables: t) { return u & 0x100 == 0 ? y : -y }
    }
  }

  /// The tail (layer 0) or a wedge (layer i ≥ 1) for a magnitude outside the box's
  /// under-the-curve part: |x| of an accepted draw, or nil to start over.
  @usableFromInline
  static func slowPath(_ rng: inout SeededGenerator, layer i: Int, x: Double, tables t: borrowing Tables) -> Double? {
    if i == 0 {
      while true {
        let e = -log(1 - rng.nextUniform()) / r  // U in (0, 1]: log finite
        let y = -log(1 - rng.nextUniform())
        if y + y > e * e { return r + e }
      }
    }
    let accept = t.f[i] + rng.nextUniform() * (t.f[i - 1] - t.f[i]) < exp(-0.5 * x * x)
    return accept ? x : nil
  }

  /// Fills `buffer` with standard normal draws (the same numbers as `buffer.count`
  /// calls of ``draw(_:tables:)``).
  ///
  /// Cost: about 1.007·count 64-bit outputs; no allocation.
  @inlinable
  public static func fill(_ buffer: UnsafeMutableBufferPointer<Double>, using rng: inout SeededGenerator) {
    let t = tables
    t.k.withUnsafeBufferPointer { k in
      t.w.withUnsafeBufferPointer { w in
        for j in buffer.indices {
          let u = rng.next()
          let i = Int(truncatingIfNeeded: u & 0xFF)
          let m = u >> 11
          if m < k[i] {
            let x = Double(m) * w[i]
            buffer[j] = u & 0x100 == 0 ? x : -x
          } else {
            let x = Double(m) * w[i]
            if let y = slowPath(&rng, layer: i, x: x, tables: t) {
              buffer[j] = u & 0x100 == 0 ? y : -y
            } else {
              buffer[j] = draw(&rng, tables: t)
            }
          }
        }
      }
    }
  }
}
