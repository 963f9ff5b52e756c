import Foundation

/// The hidden-layer activation σ of a ``MultilayerPerceptron`` (the output layer is linear).
///
/// Every activation has σ(0) = 0, so a hidden unit whose incoming weights are all zero outputs 0
/// and contributes nothing: this is what lets a narrower teacher be embedded in a wider student
/// (``TeacherEmbedding``). Derivatives are the exact closed forms below (no finite differences):
///
/// | case | σ(z) | σ′(z) | σ″(z) |
/// |---|---|---|---|
/// | tanh | tanh z | 1 − tanh²z | −2 tanh z (1 − tanh²z) |
/// | relu | max(z, 0) | 1 if z > 0, else 0 | 0 (z ≠ 0) |
/// | linear | z | 1 | 0 |
/// | gelu | z Φ(z) | Φ(z) + z φ(z) | φ(z)(2 − z²) |
///
/// with Φ the standard normal CDF (Φ(z) = ½ erfc(−z/√2)) and φ its density. ReLU's kink at 0
/// is met with probability 0 on Gaussian data; there σ′(0) = 0 is used (the subgradient convention
/// of most frameworks).
public enum Activation: String, Sendable, CaseIterable, Codable {
  /// Hyperbolic tangent.
  case tanh
  /// Rectified linear unit, positively homogeneous: σ(αz) = ασ(z) for α > 0.
  case relu
  /// The identity: the network is a deep linear network.
  case linear
  /// The exact Gaussian error linear unit z·Φ(z) (Hendrycks & Gimpel 2016), not the tanh approximation.
  case gelu

  /// σ(z).
  public func value(_ z: Double) -> Double {
    switch self {
    case .tanh: hyperbolicTangent(z)
    case .relu: z > 0 ? z : 0
    case .linear: z
    case .gelu: z * Self.normalCDF(z)
    }
  }

  /// σ′(z).
  public func derivative(_ z: Double) -> Double {
    switch self {
    case .tanh:
      let t = hyperbolicTangent(z)
      return 1 - t * t
    case .relu: return z > 0 ? 1 : 0
    case .linear: return 1
    case .gelu: return Self.normalCDF(z) + z * Self.normalDensity(z)
    }
  }

  /// σ″(z).
  public func secondDerivative(_ z: Double) -> Double {
    switch self {
    case .tanh:
      let t = hyperbolicTangent(z)
      return -2 * t * (1 - t * t)
    case .relu, .linear: return 0
    case .gelu: return Self.normalDensity(z) * (2 - z * z)
    }
  }

  /// Whether σ(αz) = ασ(z) for every α > 0 (ReLU and linear): then scaling a hidden unit's
  /// incoming weights by α and its outgoing weights by 1/α leaves the network unchanged.
  public var isPositivelyHomogeneous: Bool { self == .relu || self == .linear }

  /// Φ(z) = ½ erfc(−z/√2), accurate in both tails.
  static func normalCDF(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }

  /// φ(z) = exp(−z²/2)/√(2π).
  static func normalDensity(_ z: Double) -> Double { exp(-0.5 * z * z) / (2 * Double.pi).squareRoot() }
}

/// tanh from the C library (inside ``Activation`` the name `tanh` is the enum case).
private func hyperbolicTangent(_ x: Double) -> Double { tanh(x) }
