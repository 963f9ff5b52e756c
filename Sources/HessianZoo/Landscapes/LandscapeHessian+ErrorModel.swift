extension HessianOperator {
  /// The counted Hessian of `landscape` at its minimum with products under `model`
  /// (``HVPErrorModel``): exact (as ``init(landscape:at:)``), float32 (a known H is rounded to a
  /// float32 copy and multiplied by `sgemm`; otherwise operands and results are rounded), or
  /// finite differences of the landscape's exact gradient at its minimum.
  ///
  /// - Complexity: a block of k columns costs k HVPs (counted); finite differences add 4k
  ///   (central) or 2k + 1 (forward) gradients, counted by the ``FiniteDifferenceHessian``.
  public convenience init(landscape: some Landscape, model: HVPErrorModel) throws(InputError) {
    self.init(try model.hessian(of: LandscapeHessian(landscape), gradients: landscape), name: landscape.name)
  }
}
