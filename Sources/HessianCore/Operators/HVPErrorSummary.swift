import Foundation

/// What a run's ``HVPErrorModel`` was and how accurate its products were: the `hvpModel` object of
/// the JSON of `rank`, `spectrum`, `compare` and `llc` (present only under a non-exact model, so
/// every default output is unchanged) and one line of their text.
public struct HVPErrorSummary: Sendable, Codable, Equatable {
  /// `finite-difference` or `float32` (``HVPErrorModel/name``).
  public var model: String
  /// The finite-difference scheme (`central`, `forward`); absent for float32.
  public var scheme: FiniteDifferenceScheme?
  /// The finite-difference step h actually used (the default when none was given); absent for float32.
  public var step: Double?
  /// The rounding term ε·s/h of a finite-difference product (the floor of ``accuracy``); absent for float32.
  public var roundingAccuracy: Double?
  /// The Richardson estimate of the products' relative error (finite differences); absent for float32.
  public var measuredAccuracy: Double?
  /// δ of the rank threshold τ = max|λ|·d·δ (``SymmetricOperator/accuracy``).
  public var accuracy: Double
  /// Gradients evaluated by the finite differences (4 per central product, 2 per forward one, +1).
  public var gradientEvaluations: Int?
  /// float32: `true` when the products were `sgemm` on a float32 copy of a known H, `false` when
  /// emulated by rounding the operands and results of a double product.
  public var nativeSinglePrecision: Bool?

  /// The summary of `op` after its products, or `nil` for an exact operator (nothing to report).
  public init?(of op: any SymmetricOperator) {
    if let fd = op as? FiniteDifferenceHessian {
      model = HVPErrorModel.finiteDifference(step: nil, scheme: fd.scheme).name
      scheme = fd.scheme
      step = fd.step
      roundingAccuracy = fd.roundingAccuracy
      measuredAccuracy = fd.measuredAccuracy
      gradientEvaluations = fd.gradientEvaluations
    } else if let f = op as? Float32Hessian {
      model = HVPErrorModel.float32.name
      nativeSinglePrecision = f.isNative
    } else {
      return nil
    }
    accuracy = op.accuracy
  }

  /// One line for the human report.
  public var line: String {
    let f = { (x: Double) in String(format: "%.3g", x) }
    if let scheme, let step {
      return "HVP error model: finite-difference (\(scheme.rawValue), h = \(f(step)), \(gradientEvaluations ?? 0) gradients); "
        + "accuracy δ = \(f(accuracy)) (rounding \(f(roundingAccuracy ?? 0)), measured \(f(measuredAccuracy ?? 0))) in place of ε in τ"
    }
    let how = nativeSinglePrecision == true ? "sgemm on a float32 copy of H" : "emulated: operands and results rounded to float32"
    return "HVP error model: float32 (\(how)); accuracy δ = \(f(accuracy)) in place of ε in τ"
  }
}
