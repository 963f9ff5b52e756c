extension MethodComparison {
  /// A maker of one run's counted Hessian of `landscape` under `model`, or `nil` for the exact
  /// model (every run then shares the products-only operator, as before). Each run gets a fresh
  /// operator, so a finite-difference run's measured accuracy (``FiniteDifferenceHessian``) is its
  /// own. The exact products are the landscape's own, with no known matrix (the dense route pays
  /// its d HVPs), so `float32` is emulated (operands and results rounded), never a float32 copy.
  static func runHessian(_ landscape: any Landscape, model: HVPErrorModel) -> (@Sendable () throws -> HessianOperator)? {
    guard !model.isExact else { return nil }
    return {
      let w = landscape.minimum
      let exact = ClosureOperator(dimension: landscape.dimension, precision: landscape.precision) { x, y in
        landscape.hessianVectorProduct(at: w, x, into: &y)
      }
      let source: any SymmetricOperator = try model.hessian(of: exact, gradients: landscape)
      return HessianOperator(source, name: landscape.name)
    }
  }

  /// A maker of one run's counted Hessian of `oracle` under `model` (finite differences through the
  /// oracle's gradients), or `nil` for the exact model.
  static func runHessian(_ oracle: any ModelOracle, model: HVPErrorModel) -> (@Sendable () throws -> HessianOperator)? {
    guard !model.isExact else { return nil }
    return {
      let source: any SymmetricOperator = try model.hessian(of: oracle, gradients: oracle)
      return HessianOperator(source, name: oracle.name)
    }
  }
}
