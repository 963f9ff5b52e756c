import Foundation

/// How close a covariance C is to a multiple of the inverse Hessian, measured
/// against the known H (Shir & Yehudayoff, TCS 801:157–174, 2020; theory
/// §4.2 and §1.5).
///
/// For a singular H every metric is taken on the range of H (C is compressed to
/// PCP, P the projector onto range(H), and H⁻¹ means the pseudo-inverse H⁺): the
/// null block of C is σ²I and carries no Hessian information (notes §2.1).
///
/// - `relativeError` = ‖C/c − H⁺‖_F / ‖H⁺‖_F with the best scale
///   c = ⟨C, H⁺⟩_F / ‖H⁺‖²_F (least squares);
/// - `spread` = cond(H^{1/2} C H^{1/2}) on the range: 1 iff C ∝ H⁺ there;
/// - `measureID` = w_max/w_min − 1 over the nonzero eigenvalues w of HC (S&Y's
///   `evalCH.measureID`; the normalisation by max(HC) cancels). HC is similar
///   to H^{1/2}CH^{1/2}, so measureID = spread − 1 exactly; both are reported
///   because the paper uses one and the notes the other;
/// - `measureCE` = ‖HC/max(HC) − CH/max(CH)‖_F, max over entries (S&Y's
///   `evalCH.measureCE`): 0 iff C and H commute (shared eigenvectors);
/// - `fittedScale` = c/σ², to compare with ``KappaConstant``: C ≈ σ² κ H⁻¹.
///
/// Cost: no loss evaluations; two d×d eigendecompositions and a few d³ products.
public struct CovarianceHessianRelation: Sendable, Equatable, Codable {
  /// ‖C/c − H⁺‖_F / ‖H⁺‖_F with the least-squares c.
  public let relativeError: Double
  /// cond(H^{1/2} C H^{1/2}) on the range of H.
  public let spread: Double
  /// S&Y's measureID: largest over smallest nonzero eigenvalue of HC, minus 1.
  public let measureID: Double
  /// S&Y's measureCE: ‖HC/max(HC) − CH/max(CH)‖_F.
  public let measureCE: Double
  /// The least-squares scale c/σ² in C ≈ σ² c H⁺.
  public let fittedScale: Double
  /// The number of curved directions r the metrics were taken over.
  public let rangeDimension: Int

  /// Measures C against H.
  ///
  /// - Parameters:
  ///   - c: the covariance estimate (d×d, symmetric).
  ///   - h: the Hessian (d×d, symmetric PSD).
  ///   - sigma: the sampling σ (for ``fittedScale``).
  ///   - rangeTolerance: eigenvalues of H ≤ tolerance·max eigenvalue count as
  ///     zero (default 10⁻¹⁰, far above rounding, far below any curvature we prescribe).
  /// - Throws: ``InputError`` if the shapes differ or H has no positive eigenvalue;
  ///   `LinearAlgebraError` from the eigensolver on non-finite input.
  public static func measure(
    covariance c: Matrix, hessian h: Matrix, sigma: Double, rangeTolerance: Double = 1e-10
  ) throws -> CovarianceHessianRelation {
    let d = h.rows
    guard h.isSquare, c.rows == d, c.columns == d else {
      throw InputError.inconsistent("covariance is \(c.rows)×\(c.columns) but the Hessian is \(h.rows)×\(h.columns)")
    }
    let eig = try SymmetricEigen.decomposition(of: h)
    let hmax = eig.values.map(abs).max() ?? 0
    let keep = eig.values.indices.filter { eig.values[$0] > rangeTolerance * hmax }
    let r = keep.count
    guard r > 0 else { throw InputError.inconsistent("the Hessian has no positive eigenvalue: no covariance–Hessian relation to measure") }
    // V_r (d×r) and the compressions to the range.
    var v = Matrix(rows: d, columns: r)
    for (col, k) in keep.enumerated() { for i in 0..<d { v[i, col] = eig.vectors[i, k] } }
    let hr = keep.map { eig.values[$0] }
    let cr = BLAS.multiply(BLAS.multiply(v, .transpose, c), .none, v)  // r×r = Vᵀ C V
    // Least-squares scale against H⁺ (Frobenius norms are basis invariant on the range).
    var num = 0.0, den = 0.0
    for i in 0..<r {
      num += cr[i, i] / hr[i]
      den += 1 / (hr[i] * hr[i])
    }
    let scale = num / den
    var err = 0.0
    for i in 0..<r {
      for j in 0..<r {
        let target = i == j ? 1 / hr[i] : 0
        let diff = cr[i, j] / scale - target
        err += diff * diff
      }
    }
    let relativeError = err.squareRoot() / den.squareRoot()
    // Spread: H^{1/2} C H^{1/2} on the range.
    var m = cr
    for i in 0..<r { for j in 0..<r { m[i, j] *= (hr[i] * hr[j]).squareRoot() } }
    let w = try SymmetricEigen.values(of: m)
    let wmin = w.first ?? .nan, wmax = w.last ?? .nan
    let spread = wmin > 0 ? wmax / wmin : .infinity
    // measureCE in the original basis, with C compressed to the range: PCP = V Cr Vᵀ.
    let pcp = BLAS.multiply(BLAS.multiply(v, .none, cr), .none, v, .transpose)
    let hc = BLAS.multiply(h, .none, pcp)
    let ch = BLAS.multiply(pcp, .none, h)
    let hcMax = hc.elements.max() ?? 1, chMax = ch.elements.max() ?? 1
    var ce = 0.0
    for i in hc.elements.indices {
      let diff = hc.elements[i] / hcMax - ch.elements[i] / chMax
      ce += diff * diff
    }
    return CovarianceHessianRelation(
      relativeError: relativeError, spread: spread, measureID: spread - 1,
      measureCE: ce.squareRoot(), fittedScale: scale / (sigma * sigma), rangeDimension: r)
  }

  /// What the fitted scale should be at this λ: the exact finite-λ expectation where it can be
  /// computed, and always the λ → ∞ asymptote, labelled as such, with its error.
  public struct ScalePrediction: Sendable, Equatable, Codable {
    /// E[``CovarianceHessianRelation/fittedScale``] at this finite λ (``FiniteLambdaScale``),
    /// exact for a centred best-of-λ run on the quadratic with this Hessian; nil when it cannot be
    /// computed (``finiteUnavailable`` says why).
    public let finite: Double?
    /// Why ``finite`` is nil (off-centre sampling, or too ill-conditioned for the series); nil when it is known.
    public let finiteUnavailable: String?
    /// The λ → ∞ asymptote κ(λ_eff, r) (``KappaConstant/asymptotic(lambda:eigenvalues:)``): not the
    /// value at this λ.
    public let asymptotic: Double
    /// The size of the asymptote's relative error to expect at this λ when ``finite`` is unknown:
    /// ``asymptoticErrorScale(lambda:eigenvalues:)``.
    public let asymptoticErrorScale: Double

    /// asymptotic/finite − 1: how far the asymptote is from the finite-λ value (nil when that is unknown).
    public var asymptoticRelativeError: Double? { finite.map { asymptotic / $0 - 1 } }
  }

  /// The fitted scale to expect for (1,λ) selection (best of λ), from the nonzero eigenvalues of H
  /// (those above `rangeTolerance`·max, as in ``measure(covariance:hessian:sigma:rangeTolerance:)``;
  /// ``rangeTolerance(dimension:precision:)`` gives the value for a Hessian known to a precision).
  ///
  /// The finite-λ value (``FiniteLambdaScale``) needs sampling centred at the minimum
  /// (`centerDistance` = 0); off-centre only the asymptote with λ_eff = λ·exp(−|w* − m|²/(2σ²))
  /// is given (notes §1.3, sim L). `nil` when H has no positive eigenvalue.
  ///
  /// Cost: no loss evaluations; the series and quadrature of ``FiniteLambdaScale`` (0.25–0.35 s in
  /// a debug build at d = 20 and condition number 100).
  public static func predictScale(
    population lambda: Int, hessianEigenvalues h: [Double], centerDistance: Double, sigma: Double,
    rangeTolerance: Double = 1e-10
  ) -> ScalePrediction? {
    let hmax = h.map(abs).max() ?? 0
    let positive = h.filter { $0 > rangeTolerance * hmax }
    guard let asymptote = asymptoticScale(
      population: lambda, hessianEigenvalues: h, centerDistance: centerDistance, sigma: sigma,
      rangeTolerance: rangeTolerance)
    else { return nil }
    let lambdaEff = effectivePopulation(lambda, centerDistance: centerDistance, sigma: sigma)
    let errorScale = asymptoticErrorScale(lambda: lambdaEff, eigenvalues: positive)
    guard errorScale.isFinite else { return nil }  // λ_eff underflowed: no prediction to compare with
    guard centerDistance == 0 else {
      return ScalePrediction(
        finite: nil, finiteUnavailable: "the sampling centre is off the minimum (the finite-λ value assumes centred sampling)",
        asymptotic: asymptote, asymptoticErrorScale: errorScale)
    }
    guard let finite = FiniteLambdaScale.expectedFittedScale(population: lambda, eigenvalues: positive) else {
      let cond = (positive.max() ?? 1) / (positive.min() ?? 1)
      return ScalePrediction(
        finite: nil,
        finiteUnavailable: String(
          format: "the finite-λ series needs more than %d terms at condition number %.3g", FiniteLambdaScale.maximumTerms, cond),
        asymptotic: asymptote, asymptoticErrorScale: errorScale)
    }
    return ScalePrediction(finite: finite, finiteUnavailable: nil, asymptotic: asymptote, asymptoticErrorScale: errorScale)
  }

  /// The λ → ∞ asymptote κ(λ_eff, r) for (1,λ) selection with the nonzero eigenvalues of H
  /// (those above `rangeTolerance`·max) and λ_eff = λ·exp(−|w* − m|²/(2σ²)) (λ_eff = λ when centred).
  /// Not the value at this λ (see ``predictScale(population:hessianEigenvalues:centerDistance:sigma:rangeTolerance:)``).
  /// `nil` when H has no positive eigenvalue.
  public static func asymptoticScale(
    population lambda: Int, hessianEigenvalues h: [Double], centerDistance: Double, sigma: Double,
    rangeTolerance: Double = 1e-10
  ) -> Double? {
    let logLambdaEff = logEffectivePopulation(lambda, centerDistance: centerDistance, sigma: sigma)
    let hmax = h.map(abs).max() ?? 0
    return KappaConstant.asymptotic(logLambda: logLambdaEff, eigenvalues: h.filter { $0 > rangeTolerance * hmax })
  }

  /// ln λ_eff = ln λ − (|w* − m|/σ)²/2, in log space so that a far centre or a tiny σ gives a
  /// very negative (or −∞) value instead of λ_eff underflowing to 0; ln λ when centred
  /// (even for a σ whose square underflows).
  static func logEffectivePopulation(_ lambda: Int, centerDistance: Double, sigma: Double) -> Double {
    let direct = effectivePopulation(lambda, centerDistance: centerDistance, sigma: sigma)
    if direct.isNormal { return log(direct) }
    let ratio = centerDistance / sigma
    return log(Double(lambda)) - ratio * ratio / 2
  }

  /// λ_eff = λ·exp(−|w* − m|²/(2σ²)) (λ when centred); 0 when it underflows.
  static func effectivePopulation(_ lambda: Int, centerDistance: Double, sigma: Double) -> Double {
    guard centerDistance != 0 else { return Double(lambda) }
    let value = Double(lambda) * exp(-centerDistance * centerDistance / (2 * sigma * sigma))
    return value.isNaN ? 0 : value
  }

  /// The range tolerance for a Hessian known to `precision`: max(10⁻¹⁰, d·ε), so
  /// that the rounding noise of a float32 Hessian (|λ| up to about max|λ|·d·ε, the
  /// rank threshold of ``NumericalRank``) is not taken for curvature and inverted.
  public static func rangeTolerance(dimension d: Int, precision: Precision) -> Double {
    max(1e-10, Double(max(d, 1)) * precision.epsilon)
  }

  /// The size of the asymptote's relative error to expect at population λ: 2κ(λ, r)/h_min + 3/λ
  /// (NaN when λ is not positive and finite, or H has no positive eigenvalue).
  ///
  /// κ/h_min is the notes' measure of the finite-λ distortion of the relation (§1.3: relative error
  /// of order κ/h_min); 3/λ is the error of replacing (1 − F)^λ by e^{−λF}, which is all of it for
  /// r = 1 (E[min of λ χ²₁] = κ(1 + 3/λ + …)). Against the exact finite-λ value
  /// (``FiniteLambdaScale``) over r = 1…20, λ = 2…10⁵ and seven spectrum shapes (441 cases,
  /// condition numbers up to 100) |asymptote/exact − 1| stayed below this scale, the largest ratio
  /// being 0.99996 (r = 1); for H ∝ I and r → ∞ the ratio tends to (1 − e⁻¹)/(2e⁻¹) ≈ 0.86.
  /// `FiniteLambdaScaleTests` re-checks a subset.
  public static func asymptoticErrorScale(lambda: Double, eigenvalues h: [Double]) -> Double {
    let positive = h.filter { $0 > 0 }
    guard lambda > 0, lambda.isFinite, let hmin = positive.min(),
      let kappa = KappaConstant.asymptotic(lambda: lambda, eigenvalues: positive)
    else { return .nan }
    return 2 * kappa / hmin + 3 / lambda
  }
}
