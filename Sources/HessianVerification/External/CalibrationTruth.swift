/// The known value of a quantity on a landscape, as a calibration judges an external estimator
/// against it: only answers known independently of any estimator qualify.
///
/// - λ: provenance ``Provenance/theorem`` or ``Provenance/computed`` (a closed form, or an exact
///   computation from the given data), at a minimum. A `.npy` Hessian's quadratic qualifies: the
///   estimator is served that quadratic, and λ = r/2 is its own.
/// - rank: any known rank (construction, theorem, or a dense eigendecomposition of given data).
///
/// A small lookup of its own, to be replaced by the shared known-value lookup of `check` when
/// that lands (the rules above stay).
public struct CalibrationTruth: Sendable, Equatable, Codable {
  /// The known value.
  public let value: Double
  /// The value as an exact fraction or integer (`7/2`, `14`).
  public let exact: String
  /// Where it comes from.
  public let provenance: Provenance
  /// The citation or construction behind it.
  public let source: String

  /// The known `quantity` of `landscape`.
  ///
  /// - Throws: ``InputError/spec(_:problem:)`` naming the landscape when the answer is unknown,
  ///   or is not a theorem or an exact computation (λ), or when w* is not a minimum.
  public static func of(_ quantity: CalibrationQuantity, on landscape: any Landscape) throws(InputError) -> CalibrationTruth {
    let known = landscape.knownAnswers
    if known.negativeCurvature != nil {
      throw .spec(landscape.name, problem: "w* is not a minimum (the Hessian has negative eigenvalues), so it has no \(quantity.phrase) to calibrate against")
    }
    switch quantity {
    case .rank:
      guard let r = known.rank.value else {
        throw .spec(landscape.name, problem: "its Hessian rank is not known (\(known.rank.source)); calibrate on a landscape with a known rank")
      }
      return CalibrationTruth(value: Double(r), exact: "\(r)", provenance: known.rank.provenance, source: known.rank.source)
    case .llc:
      let lambda = known.learningCoefficient
      guard let value = lambda.value else {
        throw .spec(landscape.name, problem: "its learning coefficient λ is not known (\(lambda.source)); calibrate on a landscape whose λ is a theorem")
      }
      guard lambda.provenance == .theorem || lambda.provenance == .computed else {
        throw .spec(landscape.name, problem: "its λ = \(value) has provenance '\(lambda.provenance.rawValue)', not a theorem or an exact computation; calibrate on a landscape whose λ is a theorem")
      }
      return CalibrationTruth(value: value.doubleValue, exact: value.description, provenance: lambda.provenance, source: lambda.source)
    }
  }
}
