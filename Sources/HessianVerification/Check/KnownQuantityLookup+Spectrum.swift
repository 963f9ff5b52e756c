import Foundation

extension KnownQuantityLookup {
  /// The k largest eigenvalues of ∇²L(w*), descending, from ``KnownSpectrum``.
  ///
  /// Cost: free for a factored known Hessian; otherwise one dense eigendecomposition (9·d³
  /// flops, 3·d² doubles), plus d HVPs when the landscape stores no Hessian.
  ///
  /// - Throws: ``InputError/parameter(_:value:problem:)`` on ``InputError/Parameter/estimate`` when
  ///   k is not in 1…d; ``InputError/spec(_:problem:)`` as ``KnownSpectrum/init(of:)``.
  public static func topEigenvalues(_ k: Int, of landscape: any Landscape) throws(InputError) -> KnownQuantity {
    let d = landscape.dimension
    guard k >= 1, k <= d else {
      throw .parameter(.estimate, value: "\(k) values", problem: "k = \(k) eigenvalue estimates but \(landscape.name) has dimension d = \(d)")
    }
    let spectrum = try KnownSpectrum(of: landscape)
    return KnownQuantity(
      quantity: .topEigenvalues, values: Array(spectrum.descending.prefix(k)), provenance: spectrum.provenance,
      source: spectrum.source)
  }

  /// The covariance scale c in C ≈ c·H⁻¹ (H⁺ on the range, r = the number of positive
  /// eigenvalues) for best-of-λ selection at σ centred at w*: c = σ²·s with s the exact
  /// finite-λ expectation of the fitted scale (``FiniteLambdaScale``, provenance computed), or,
  /// when that series cannot be summed, the λ → ∞ asymptote s = κ(λ, r) =
  /// (2/r) Γ(1 + 2/r) Γ(r/2 + 1)^{2/r} pdet(H)^{1/r} λ^{−2/r} (``KappaConstant``, provenance
  /// theorem, theory §4.2 and §4.4 item 4), with its expected relative error as the caveat.
  ///
  /// Cost: ``KnownSpectrum`` and the series (about 0.3 s in a debug build at d = 20).
  ///
  /// - Throws: ``InputError`` naming the population or σ (invalid), or the landscape (its spectrum
  ///   is refused, or H has no positive eigenvalue).
  public static func covarianceScale(of landscape: any Landscape, selection: CovarianceSelection) throws(InputError) -> KnownQuantity {
    try selection.validate()
    let spectrum = try KnownSpectrum(of: landscape)
    let d = landscape.dimension
    let tolerance = CovarianceHessianRelation.rangeTolerance(dimension: d, precision: landscape.precision)
    let lambda = selection.population, sigma2 = selection.sigma * selection.sigma
    guard
      let prediction = CovarianceHessianRelation.predictScale(
        population: lambda, hessianEigenvalues: spectrum.descending, centerDistance: 0, sigma: selection.sigma,
        rangeTolerance: tolerance)
    else {
      throw .spec(landscape.name, problem: "its Hessian at w* has no positive eigenvalue, so selection leaves C = σ²I and there is no covariance–Hessian scale")
    }
    let hmax = spectrum.descending.map(abs).max() ?? 0
    let r = spectrum.descending.filter { $0 > tolerance * hmax }.count
    let kappa = r == d ? "κ(λ, d) with det H (H has full rank d = \(d))" : "κ(λ, r) with pdet H, the product of the r = \(r) nonzero eigenvalues (H is singular: C ≈ c·H⁺ + σ²P_null)"
    let asymptote = String(format: "%.6g", sigma2 * prediction.asymptotic)
    let nonQuadratic = landscape is QuadraticLandscape
      ? nil : "exact for a quadratic loss; on this landscape C tends to the quadratic's as σ → 0 only (theory §4.6)"
    let eigenSource = "H's eigenvalues from \(spectrum.source)"
    if let finite = prediction.finite {
      return KnownQuantity(
        quantity: .covarianceScale, values: [sigma2 * finite], provenance: .computed,
        source: "c = σ²·E[least-squares scale of C ≈ c·H⁻¹] at λ = \(lambda), exact for centred (1,λ) selection on the quadratic (Ruben's χ² series, FiniteLambdaScale), \(eigenSource); the λ → ∞ asymptote σ²·\(kappa) is \(asymptote) (theory §4.2)",
        caveat: nonQuadratic)
    }
    let error = String(format: "%.2g", prediction.asymptoticErrorScale)
    let why = prediction.finiteUnavailable ?? "the finite-λ value is unavailable"
    return KnownQuantity(
      quantity: .covarianceScale, values: [sigma2 * prediction.asymptotic], provenance: .theorem,
      source: "c = σ²·\(kappa), the λ → ∞ asymptote (theory §4.2, §4.4 item 4), \(eigenSource); \(why)",
      caveat: ["the asymptote's own relative error at λ = \(lambda) is about \(error) (2κ/h_min + 3/λ)", nonQuadratic].compactMap { $0 }.joined(separator: "; "))
  }
}
