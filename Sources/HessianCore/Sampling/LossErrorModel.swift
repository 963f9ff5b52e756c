import Foundation

/// How the losses of the covariance route are computed: exactly, in single precision, or with
/// additive evaluation noise of a stated size. The loss-side counterpart of ``HVPErrorModel``:
/// the (1,λ) selection ranks candidates by their losses, so an error in a loss can change which
/// candidate is kept.
///
/// | model | loss returned | error |
/// |---|---|---|
/// | `exact` | L(w) | rounding of the source |
/// | `float32` | fl₃₂(L(fl₃₂(w))) | point and value rounded: ≤ u·‖∇L‖·‖w‖₁ + u·|L| to first order, u = 2⁻²⁴ |
/// | `noise(σ_L)` | L(w) + σ_L·z(w) | z(w) ~ N(0, 1), independent across distinct points |
///
/// **Float32 is emulated** (``Float32LossOracle``): the point is rounded to float32, the source's
/// double-precision loss is evaluated there and rounded to float32. This models float32 storage of
/// parameters and loss values, not the float32 accumulation inside a real float32 model's loss
/// (which adds up to γₙ·Σ|terms|, Higham, *Accuracy and Stability of Numerical Algorithms*, 2nd ed., §3.1).
///
/// **Noise is a seeded field** (``NoisyLossOracle``): z(w) is drawn from a generator seeded by a
/// hash of the run's noise seed and the bits of w, so it depends on the point only — never on the
/// order of evaluation or the number of workers — and the same seed reproduces every value. Each
/// evaluation is still one loss evaluation.
public enum LossErrorModel: Sendable, Equatable, Hashable {
  /// The source's own losses (the default; every existing output is of this model).
  case exact
  /// Point and loss value rounded to float32 (``Float32LossOracle``).
  case float32
  /// Additive Gaussian noise of standard deviation `sigma` > 0 (``NoisyLossOracle``).
  case noise(sigma: Double)

  /// Whether the model is the source's own losses.
  public var isExact: Bool { self == .exact }

  /// The textual form ``init(parsing:)`` reads: `exact`, `float32` or `noise:SIGMA`.
  public var argument: String {
    switch self {
    case .exact: "exact"
    case .float32: "float32"
    case let .noise(sigma): "noise:\(sigma)"
    }
  }

  /// Parses `exact`, `float32` or `noise:SIGMA` with SIGMA > 0 finite.
  ///
  /// - Throws: ``InputError`` saying what is wrong with the value (not naming an option).
  public init(parsing text: String) throws(InputError) {
    switch text {
    case "exact": self = .exact
    case "float32": self = .float32
    default:
      let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
      guard parts.count == 2, parts[0] == "noise" else {
        throw InputError.value(text, problem: "expected exact, float32 or noise:SIGMA")
      }
      guard let s = Double(parts[1]) else { throw InputError.value(text, problem: "SIGMA = '\(parts[1])' is not a number") }
      guard s.isFinite, s > 0 else {
        throw InputError.value(text, problem: "SIGMA = \(s) must be positive and finite (the noise's standard deviation)")
      }
      self = .noise(sigma: s)
    }
  }

  /// The oracle whose losses follow this model; `seed` seeds the noise field (unused otherwise).
  /// Gradients are passed through unchanged (the model concerns the losses the selection ranks).
  public func oracle(_ base: any LossOracle, seed: UInt64) -> any LossOracle {
    switch self {
    case .exact: base
    case .float32: Float32LossOracle(base)
    case let .noise(sigma): NoisyLossOracle(base, sigma: sigma, seed: seed)
    }
  }

  /// The noise seed of a run with root seed `seed`: its child stream 0x4E4F495345 ("NOISE"), so
  /// the noise is reproducible from the run's seed and independent of its other draws.
  public static func noiseSeed(forRun seed: UInt64) -> UInt64 {
    SeededGenerator.childSeed(root: seed, index: 0x4E4F_4953_45)
  }
}

extension LossErrorModel {
  /// What the model does to a loss, in a few words (for the human report).
  public var summary: String {
    switch self {
    case .exact: "the source's losses"
    case .float32: "point and loss value rounded to float32, emulated"
    case let .noise(sigma): "additive N(0, \(sigma)²) noise, a seeded field of the point"
    }
  }
}
