/// The one random number generator of HessianLab: xoshiro256** seeded through
/// SplitMix64, with derived child streams for parallel work.
///
/// Every random draw in the library takes a generator explicitly
/// (`using rng: inout SeededGenerator`); there is no global or system random
/// state anywhere.
///
/// The stream is stable and documented, so results can be reproduced bit for
/// bit across versions:
/// - the 256-bit state is filled with four successive outputs of SplitMix64
///   started at `seed` (Steele, Lea & Flood 2014; Vigna's reference `splitmix64.c`);
/// - outputs follow Blackman & Vigna's reference `xoshiro256starstar.c`
///   ("Scrambled linear pseudorandom number generators", ACM TOMS 47(4), 2021);
/// - uniform doubles are `Double(x >> 11) * 2⁻⁵³` ∈ [0, 1), not the standard
///   library's `Double.random(in:using:)`, whose algorithm is not promised;
/// - normal draws follow the generator's ``NormalStream``: the 256-layer
///   ziggurat (``NormalStream/zigguratV2``, the default, ``Ziggurat``) or, to
///   reproduce results of stream version 1, the Box–Muller transform on two
///   uniforms, cosine variate first, sine variate cached for the next call
///   (``NormalStream/boxMullerV1``).
///
/// Child streams: ``child(_:)`` seeds a new generator from a SplitMix64 hash of
/// (root seed, index). It depends only on the root seed and the index, never on
/// how many draws the parent has made, so work split across any number of
/// threads draws the same numbers. A child uses its parent's normal stream.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  /// The seed this generator (or its root) was created with.
  public let seed: UInt64
  /// How uniforms become normal draws (``nextNormal()``).
  public let normalStream: NormalStream
  @usableFromInline var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64
  @usableFromInline var cachedNormal: Double?

  /// A generator whose stream is determined by `seed` (and, for normal draws, `normalStream`).
  public init(seed: UInt64, normalStream: NormalStream = .current) {
    self.seed = seed
    self.normalStream = normalStream
    var sm = SplitMix64(state: seed)
    s0 = sm.next()
    s1 = sm.next()
    s2 = sm.next()
    s3 = sm.next()
    cachedNormal = nil
  }

  /// A generator with an explicit xoshiro256** state (for known-answer tests).
  init(state: (UInt64, UInt64, UInt64, UInt64), normalStream: NormalStream = .current) {
    seed = 0
    self.normalStream = normalStream
    (s0, s1, s2, s3) = state
    cachedNormal = nil
  }

  /// The next 64 random bits (xoshiro256**).
  @inlinable @inline(__always)
  public mutating func next() -> UInt64 {
    let result = rotl(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotl(s3, 45)
    return result
  }

  /// A uniform double in [0, 1) with 53 random bits.
  @inlinable @inline(__always)
  public mutating func nextUniform() -> Double {
    Double(next() >> 11) * 0x1p-53
  }

  /// A standard normal draw, by the generator's ``normalStream``.
  @inlinable
  public mutating func nextNormal() -> Double {
    switch normalStream {
    case .zigguratV2: Ziggurat.draw(&self, tables: Ziggurat.tables)
    case .boxMullerV1: nextBoxMuller()
    }
  }

  /// A Box–Muller draw (``NormalStream/boxMullerV1``).
  @inlinable
  mutating func nextBoxMuller() -> Double {
    if let z = cachedNormal {
      cachedNormal = nil
      return z
    }
    let u1 = 1 - nextUniform()  // (0, 1]: log is finite
    let u2 = nextUniform()
    let r = (-2 * _log(u1)).squareRoot()
    let angle = 2 * Double.pi * u2
    cachedNormal = r * _sin(angle)
    return r * _cos(angle)
  }

  /// Fills `buffer` with standard normal draws: the same numbers as `buffer.count`
  /// calls of ``nextNormal()``, without allocating (the ziggurat's vectorised fill).
  public mutating func fillNormals(into buffer: UnsafeMutableBufferPointer<Double>) {
    switch normalStream {
    case .zigguratV2: Ziggurat.fill(buffer, using: &self)
    case .boxMullerV1: for i in buffer.indices { buffer[i] = nextBoxMuller() }
    }
  }

  /// Fills `buffer` with standard normal draws.
  public mutating func fillNormal(_ buffer: inout [Double]) {
    buffer.withUnsafeMutableBufferPointer { fillNormals(into: $0) }
  }

  /// `count` standard normal draws (written once, straight into uninitialised storage).
  public mutating func normals(_ count: Int) -> [Double] {
    let n = max(count, 0)
    return [Double](unsafeUninitializedCapacity: n) { buffer, initialized in
      fillNormals(into: UnsafeMutableBufferPointer(rebasing: buffer[..<n]))  // the capacity may exceed n
      initialized = n
    }
  }

  /// An independent stream derived from this generator's ``seed`` and `index`.
  public func child(_ index: UInt64) -> SeededGenerator {
    SeededGenerator(seed: Self.childSeed(root: seed, index: index), normalStream: normalStream)
  }

  /// The seed of child stream `index` of `root`: two rounds of the SplitMix64
  /// finaliser over the root and the index.
  public static func childSeed(root: UInt64, index: UInt64) -> UInt64 {
    var a = SplitMix64(state: root)
    let h = a.next()
    var b = SplitMix64(state: h ^ (index &* 0xD1B5_4A32_D192_ED03))
    return b.next()
  }
}

@usableFromInline @inline(__always)
func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

/// SplitMix64 (Steele, Lea & Flood, OOPSLA 2014), used to seed xoshiro256**.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64
  /// A generator whose first output is a function of `state` (any value, zero included).
  public init(state: UInt64) { self.state = state }
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
