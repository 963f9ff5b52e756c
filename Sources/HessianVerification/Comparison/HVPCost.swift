/// The one stated conversion of Hessian-vector products into loss evaluations, the common unit
/// in which HessianLab compares the HVP routes with the loss-only covariance route.
///
/// ```
/// 1 HVP ≈ 2 gradients ≈ 2 × 5 loss evaluations = 10 loss evaluations
/// ```
///
/// Why 10: by reverse-mode differentiation a gradient costs at most about 5 loss evaluations,
/// whatever the number of parameters (the "cheap gradient principle": Baur & Strassen 1983;
/// Griewank & Walther, *Evaluating Derivatives*, 2nd ed., SIAM 2008, §4.6), and an HVP by
/// forward-over-reverse costs about 2 gradients (Pearlmutter, "Fast exact multiplication by the
/// Hessian", Neural Computation 6(1), 1994). So on a model whose derivatives come from automatic
/// differentiation an HVP costs a constant number of loss evaluations, about 10, independent of d.
/// Used by `compare` (``MethodComparison/theoreticalHVPCost``) and lesson 12.
public enum HVPCost {
  /// Loss evaluations charged per HVP: 10.
  public static let lossEvaluationsPerHVP = 10
}
