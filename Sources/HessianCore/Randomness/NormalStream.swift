/// Which algorithm turns the seeded uniform stream into standard normal draws: a
/// version of the normal stream, reported beside every seed (`--json` key
/// `normalStream`), so a result can be reproduced bit for bit.
///
/// Both versions read the same xoshiro256** stream (``SeededGenerator``); only the
/// transform differs, so the same seed gives different normals under each.
///
/// - `zigguratV2` (stream version 2, the default): the 256-layer ziggurat of
///   Marsaglia & Tsang, "The ziggurat method for generating random variables",
///   J. Stat. Softw. 5(8), 2000, with the layer index, the sign and the 53-bit
///   magnitude taken from disjoint bits of one 64-bit output, which removes the
///   index–uniform correlation found by Doornik, "An improved ziggurat method to
///   generate normal random samples" (2005). One 64-bit output per draw in about
///   99% of draws (``Ziggurat``).
/// - `boxMullerV1` (stream version 1, the default until issue 23): the Box–Muller transform on
///   two uniforms, cosine variate first, sine variate cached for the next call. Kept, never
///   edited, so results written with `"normalStream": "box-muller-v1"` can be reproduced
///   (the CLI's `--normal-stream box-muller-v1`).
public enum NormalStream: String, Sendable, Hashable, CaseIterable, Codable {
  /// The 256-layer ziggurat (stream version 2, the default; about 4× faster than Box–Muller).
  case zigguratV2 = "ziggurat-v2"
  /// Box–Muller on two uniforms (stream version 1).
  case boxMullerV1 = "box-muller-v1"

  /// The stream a ``SeededGenerator`` uses unless told otherwise: ``zigguratV2``, or the one set
  /// for the whole process by ``setProcessDefault(_:)``.
  public static var current: NormalStream { processDefault.withLock { $0 } }

  /// Sets the stream of every generator created afterwards without an explicit one (the CLI's
  /// `--normal-stream`, set once before any work starts). Generators already made keep theirs,
  /// and a child keeps its parent's. Cost: one lock.
  public static func setProcessDefault(_ stream: NormalStream) {
    processDefault.withLock { $0 = stream }
  }

  private static let processDefault = Locked(NormalStream.zigguratV2)
}
