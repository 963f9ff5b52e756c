/// The known value of a quantity on a landscape, as a calibration judges an external estimator
/// against it: only answers known independently of any estimator qualify.
///
/// - λ: provenance ``Provenance/theorem`` or ``Provenance/computed`` (a closed form, or an exact
///   computation from the given data), at a minimum. A `.npy` Hessian's quadratic qualifies: the
///   estimator is served that quadratic, and λ = r/2 is its own.
/// - rank: any known rank (construction, theorem, or a dense eigendecomposition of given data).
///
/// The value comes from the shared lookup of `check` (``KnownQuantityLookup``); the rules above
/// are what a calibration adds to it (a known λ, not bounds alone, and not by construction).
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
    let known = try KnownQuantityLookup.value(of: quantity.estimated, for: landscape)
    guard let value = known.value else {
      throw .spec(
        landscape.name,
        problem: "its learning coefficient λ is not known (only its rank bounds are; see describe); calibrate on a landscape whose λ is a theorem")
    }
    if quantity == .llc, !(known.provenance == .theorem || known.provenance == .computed) {
      throw .spec(
        landscape.name,
        problem: "its λ = \(known.exact ?? "\(value)") has provenance '\(known.provenance.rawValue)', not a theorem or an exact computation; calibrate on a landscape whose λ is a theorem")
    }
    return CalibrationTruth(value: value, exact: known.exact ?? "\(value)", provenance: known.provenance, source: known.source)
  }
}
