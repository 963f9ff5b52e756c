/// A landscape's known value of a quantity, with its provenance: the reference against which an
/// external estimate is judged (`hessian-lab check`) or an external estimator calibrated.
///
/// Sources of truth, never an estimator under test:
/// - `llc`, `rank`: the landscape's ``KnownAnswers`` as `describe` reports them (``LandscapeReport``):
///   λ with its provenance (theorem, construction, computed), and when λ is unknown the rank bounds
///   r/2 ≤ λ ≤ r/2 + (d − r)/4 (theory §5.2);
/// - `top-eigenvalues`: the spectrum of the known Hessian (``KnownSpectrum``: by construction, or
///   one dense eigendecomposition within the memory and flop ceilings);
/// - `covariance-scale`: c = σ²·E[fitted scale] for centred (1,λ) selection
///   (``FiniteLambdaScale``, else the asymptote σ²κ(λ, r) of ``KappaConstant``; notes §1.3, §2.1).
///
/// Each lookup throws ``InputError`` naming the landscape when the quantity is not known there.
public enum KnownQuantityLookup {
  /// The known value of `quantity` on `landscape`. `count` is k for `top-eigenvalues` (ignored
  /// otherwise); `selection` is required for `covariance-scale` (ignored otherwise).
  ///
  /// Cost: free for `llc` and `rank`; see ``topEigenvalues(_:of:)`` and
  /// ``covarianceScale(of:selection:)`` for the others.
  ///
  /// - Throws: ``InputError`` naming the landscape (nothing known) or the parameter that is missing.
  public static func value(
    of quantity: EstimatedQuantity, for landscape: any Landscape, count: Int = 1, selection: CovarianceSelection? = nil
  ) throws(InputError) -> KnownQuantity {
    switch quantity {
    case .llc: return try llc(of: landscape)
    case .rank: return try rank(of: landscape)
    case .topEigenvalues: return try topEigenvalues(count, of: landscape)
    case .covarianceScale:
      guard let selection else {
        throw .parameter(.population, value: "", problem: "\(quantity.phrase) depends on the selection: give the \(.population) and the \(.sigma) the estimate was made with")
      }
      return try covarianceScale(of: landscape, selection: selection)
    }
  }

  /// λ_LLC at w*: its value, exact fraction and provenance when known (with the rank bounds beside
  /// it when the rank is known), otherwise the rank bounds alone. Free.
  ///
  /// - Throws: ``InputError/spec(_:problem:)`` when neither λ nor the rank is known, or when w* is
  ///   a saddle point (λ and its bounds do not apply there).
  public static func llc(of landscape: any Landscape) throws(InputError) -> KnownQuantity {
    let k = landscape.knownAnswers
    if let saddle = k.negativeCurvature { throw .spec(landscape.name, problem: "\(saddle.warning)") }
    let bounds = k.rank.value.map { KnownBounds(rank: $0, dimension: landscape.dimension) }
    let caveat = k.scope.phrase.map { "λ is \($0)" }
    if let lambda = k.learningCoefficient.value {
      return KnownQuantity(
        quantity: .llc, values: [lambda.doubleValue], exact: lambda.description, bounds: bounds,
        provenance: k.learningCoefficient.provenance, source: k.learningCoefficient.source, caveat: caveat)
    }
    guard let bounds, let r = k.rank.value else {
      throw .spec(
        landscape.name,
        problem: "neither its learning coefficient (\(k.learningCoefficient.source)) nor its Hessian rank (\(k.rank.source)) is known, so there is no λ to check an estimate against")
    }
    return KnownQuantity(
      quantity: .llc, values: [], bounds: bounds, provenance: .theorem,
      source: "λ itself is unknown (\(k.learningCoefficient.source)); the rank bounds r/2 ≤ λ ≤ r/2 + (d − r)/4 (theory §5.2) with r = \(r) (\(k.rank.provenance.rawValue): \(k.rank.source)) and d = \(landscape.dimension)",
      caveat: caveat)
  }

  /// rank ∇²L(w*) with its provenance. Free.
  ///
  /// - Throws: ``InputError/spec(_:problem:)`` when the rank is not known.
  public static func rank(of landscape: any Landscape) throws(InputError) -> KnownQuantity {
    let k = landscape.knownAnswers.rank
    guard let r = k.value else {
      throw .spec(landscape.name, problem: "its Hessian rank is not known (\(k.source)), so there is no rank to check an estimate against")
    }
    return KnownQuantity(quantity: .rank, values: [Double(r)], exact: "\(r)", provenance: k.provenance, source: k.source)
  }
}
