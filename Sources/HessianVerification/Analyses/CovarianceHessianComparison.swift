import Foundation

/// The verification step of a covariance analysis: the estimate Ĉ set beside the
/// Hessian H at the minimum, which the estimate itself never needs.
///
/// It measures the covariance–Hessian relation on the range of H
/// (``CovarianceHessianRelation/measure(covariance:hessian:sigma:rangeTolerance:)``) and, for
/// (1,λ) selection (``SelectionScheme/best`` or `rank(1)`), the fitted scale c/σ² to expect
/// (``CovarianceHessianRelation/predictScale(population:hessianEigenvalues:centerDistance:sigma:rangeTolerance:)``).
/// Range eigenvalues are those above max(10⁻¹⁰, d·ε)·max|λ(H)|
/// (``CovarianceHessianRelation/rangeTolerance(dimension:precision:)``).
///
/// Cost: two d×d eigendecompositions of H and the prediction's series; no loss evaluations.
public struct CovarianceHessianComparison: Sendable, Equatable {
  /// The relation on the range of H; nil when H has no positive eigenvalue.
  public let relation: CovarianceHessianRelation?
  /// The fitted scale to expect; nil for a scheme other than (1,λ) or without a range.
  public let prediction: CovarianceHessianRelation.ScalePrediction?
  /// ``WarningCode/noHessianRange`` when there is no relation to measure;
  /// ``WarningCode/finiteScaleUnavailable`` when only the λ → ∞ asymptote is predicted.
  public let warnings: [Warning]

  /// Compares `covariance` with `hessian` for a run of `sampler`.
  ///
  /// - Parameters:
  ///   - covariance: the estimate Ĉ (d×d).
  ///   - hessian: H at the minimum (d×d, symmetric).
  ///   - sampler: the run's λ, σ, scheme and centre offset.
  ///   - precision: the precision H is known to (sets the range tolerance).
  public static func compare(
    covariance c: Matrix, hessian h: Matrix, sampler: SelectionSampler, precision: Precision
  ) -> CovarianceHessianComparison {
    var warnings: [Warning] = []
    let tolerance = CovarianceHessianRelation.rangeTolerance(dimension: h.rows, precision: precision)
    let relation = try? CovarianceHessianRelation.measure(
      covariance: c, hessian: h, sigma: sampler.sigma, rangeTolerance: tolerance)
    if relation == nil {
      warnings.append(
        Warning(.noHessianRange, "the Hessian at the minimum has no positive eigenvalue: no covariance–Hessian relation to measure"))
    }
    let eigenvalues = (try? SymmetricEigen.values(of: h)) ?? []
    let offsetNorm = (sampler.centerOffset ?? []).reduce(0) { $0 + $1 * $1 }.squareRoot()
    let prediction: CovarianceHessianRelation.ScalePrediction? =
      sampler.scheme == .best || sampler.scheme == .rank(1)
      ? CovarianceHessianRelation.predictScale(
        population: sampler.population, hessianEigenvalues: eigenvalues, centerDistance: offsetNorm,
        sigma: sampler.sigma, rangeTolerance: tolerance)
      : nil
    if relation != nil, let p = prediction, p.finite == nil {
      warnings.append(
        Warning(
          .finiteScaleUnavailable,
          "the fitted scale's value at λ = \(sampler.population) is not computed (\(p.finiteUnavailable ?? "unknown reason")); "
            + "the λ → ∞ asymptote κ = \(String(format: "%.4g", p.asymptotic)) shown instead can be off by "
            + CovarianceReport.errorText(p.asymptoticErrorScale) + " at this λ (2κ/h_min + 3/λ)"))
    }
    return CovarianceHessianComparison(relation: relation, prediction: prediction, warnings: warnings)
  }

  /// The Hessian to compare with under `policy`, or nil when the policy skips the comparison:
  /// the closed-form ``KnownAnswers/hessian`` when the landscape has one, else (for
  /// ``HessianComparisonPolicy/knownOrExactProducts``) d exact Hessian-vector products at w*.
  ///
  /// - Throws: ``InputError`` naming the landscape when the dense d×d Hessian would not fit the
  ///   ``MemoryBudget`` (checked before it is built).
  public static func hessian(of landscape: some Landscape, policy: HessianComparisonPolicy) throws(InputError) -> Matrix? {
    switch policy {
    case .never: return nil
    case .knownHessian:
      guard let known = landscape.knownAnswers.hessian else { return nil }
      try DenseRank.checkMemory(dimension: landscape.dimension, name: landscape.name)
      return known.dense(dimension: landscape.dimension)
    case .knownOrExactProducts: return try landscape.denseHessianAtMinimum()
    }
  }
}
