/// When a covariance analysis compares its estimate with the Hessian at the
/// minimum (the verification step, ``CovarianceHessianComparison``).
///
/// The estimate and the rank read-out need only losses; the comparison needs H.
/// It costs a dense d×d Hessian and two d×d eigendecompositions (of H for the
/// range and for the predicted scale), and with ``knownOrExactProducts`` and no
/// closed-form H also d Hessian-vector products.
public enum HessianComparisonPolicy: String, Sendable, Codable, CaseIterable {
  /// No comparison: the report's relation and prediction are nil.
  case never
  /// Compare only when the landscape knows its Hessian in closed form
  /// (``KnownAnswers/hessian``); otherwise no H is built.
  case knownHessian
  /// Compare with the closed-form Hessian when known, otherwise with the Hessian
  /// built from d exact Hessian-vector products at w*
  /// (``Landscape/denseHessianAtMinimum()``). What `hessian-lab covariance` does.
  case knownOrExactProducts
}
