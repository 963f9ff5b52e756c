import Foundation

extension RankComputation {
  /// Runs a rank method on the scale-normalised operator H' = 2ˢ·H
  /// (``PowerOfTwoScaledOperator``) and reports the result in the units of H.
  ///
  /// The rank decision is invariant under a power-of-two scale (a relative,
  /// precision-relative or largest-gap threshold scales with max|λ|), so the rank of 10³⁰⁶·I or of a subnormal spectrum is the rank of
  /// the same spectrum near 1, with no overflow of τ = max|λ|·d·ε and no Krylov
  /// iteration on subnormal numbers. Eigenvalues, τ and the bounds are multiplied
  /// back by 2⁻ˢ; the HVP count is the source's (retries of the scale probe included).
  /// For an operator of moderate size (s = 0), and for an absolute threshold (which
  /// is in the units of H), the result is that of `body(op, policy)`.
  ///
  /// The operator's warnings about its products (``SymmetricOperator/productWarnings``: a
  /// finite-difference product less accurate than its model) are appended to the result's.
  ///
  /// Cost: that of `body`, plus at most five products when H is extreme and has no known matrix.
  public static func scaleNormalised(
    _ op: HessianOperator, policy: ThresholdPolicy,
    _ body: (HessianOperator, ThresholdPolicy) throws -> RankResult
  ) throws -> RankResult {
    if case .absolute = policy { return try body(op, policy) }
    let before = op.applicationCount
    let scaled = PowerOfTwoScaledOperator(op)
    let view = HessianOperator(scaled, name: op.name)
    var result = try body(view, policy)
    let s = scaled.exponent
    result.hessianVectorProducts = op.applicationCount - before
    result.warnings += op.productWarnings
    guard s != 0 else { return result }
    let back = { (x: Double) in PowerOfTwoScaledOperator.scale(x, by: -s) }
    result.eigenvalues = result.eigenvalues.map(back)
    result.threshold = back(result.threshold)
    result.smallestCounted = result.smallestCounted.map(back)
    result.largestUncounted = result.largestUncounted.map(back)
    result.uncountedBound = result.uncountedBound.map(back)
    result.thresholdPolicy = policy.oneLineSummary
    return result
  }
}
