extension AnalysisSubject {
  /// A fresh counted Hessian at w* whose products follow `model` (``HVPErrorModel``): the exact
  /// operator of ``hessianOperator()`` for `.exact`; its float32 view; or finite differences of
  /// the subject's own gradients (a landscape's exact gradient, an oracle's `gradient` replies).
  ///
  /// - Throws: ``InputError`` naming the subject's ``input`` when a finite-difference model is
  ///   asked of an oracle that offers no gradients (naming `analysis`).
  public func hessianOperator(model: HVPErrorModel, for analysis: AnalysisKind = .rank) throws(InputError) -> HessianOperator {
    if model.isExact { return hessianOperator() }
    switch source {
    case let .landscape(l):
      return try HessianOperator(landscape: l, model: model)
    case let .oracle(o):
      if case .finiteDifference = model { try require([.gradient], for: analysis) }
      return HessianOperator(try model.hessian(of: o, gradients: o), name: o.name)
    }
  }
}
