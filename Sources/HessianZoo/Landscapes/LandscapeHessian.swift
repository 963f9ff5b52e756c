/// The Hessian ∇²L(w) of a landscape at a point, as a ``SymmetricOperator``.
///
/// A block costs k HVPs through ``Landscape/hessianProduct(at:block:)`` (one gemm for a
/// quadratic). At the minimum the landscape's known Hessian, if any, is offered as
/// ``knownMatrix`` so that the dense reference costs 0 HVPs; at any other point it is not.
public struct LandscapeHessian: SymmetricOperator {
  /// The landscape.
  public let landscape: any Landscape
  /// The point w at which the Hessian is taken.
  public let point: [Double]
  private let atMinimum: Bool

  /// The Hessian of `landscape` at `point` (default: its minimum).
  public init(_ landscape: any Landscape, at point: [Double]? = nil) {
    self.landscape = landscape
    self.point = point ?? landscape.minimum
    self.atMinimum = point == nil
  }

  /// d of the landscape.
  public var dimension: Int { landscape.dimension }
  /// The landscape's precision (a float32 Hessian file stays float32).
  public var precision: Precision { landscape.precision }
  /// The known Hessian at the minimum (built from its factors on each access), else `nil`.
  /// Also `nil` when the dense d×d matrix would not fit the ``MemoryBudget``: a factored
  /// d = 10⁶ Hessian is then seen through its products only (a method that needs the dense
  /// matrix is refused by its own budget check before it starts).
  public var knownMatrix: Matrix? {
    guard atMinimum, let known = landscape.knownAnswers.hessian else { return nil }
    if case .factored = known, !DenseRank.fitsMemory(dimension: dimension) { return nil }
    return known.dense(dimension: dimension)
  }

  /// True for a dense known Hessian at the minimum; a factored or diagonal one is built on
  /// each access of ``knownMatrix``, so it is not stored.
  public var storesMatrix: Bool {
    guard atMinimum, let known = landscape.knownAnswers.hessian else { return false }
    if case .dense = known { return true }
    return false
  }

  /// ∇²L(w)·X. Cost: X.columns HVPs.
  public func apply(_ block: Matrix) throws -> Matrix {
    landscape.hessianProduct(at: point, block: block)
  }
}

extension HessianOperator {
  /// The counted Hessian of `landscape` at `point` (default: its minimum), with the landscape's
  /// ``Landscape/precision``. At the minimum the known Hessian (if any) is kept, so the dense
  /// reference costs 0 HVPs; at an explicit `point` it is not (d HVPs).
  public convenience init(landscape: some Landscape, at point: [Double]? = nil) {
    self.init(LandscapeHessian(landscape, at: point), name: landscape.name)
  }
}

extension HessianOperator {
  /// The counted Hessian of `landscape` at its minimum, seen only through products: one
  /// ``Landscape/hessianVectorProduct(at:_:into:)`` per column, and no known matrix (``knownMatrix``
  /// is `nil`), so the dense reference pays its d HVPs. The method comparison and the tour use it
  /// to charge every route what it would cost on a model whose Hessian is not stored.
  ///
  /// - Complexity: a block of k columns costs k HVPs of the landscape (counted).
  public convenience init(productsOnlyOf landscape: some Landscape) {
    let w = landscape.minimum
    self.init(
      ClosureOperator(dimension: landscape.dimension, precision: landscape.precision) { x, y in
        landscape.hessianVectorProduct(at: w, x, into: &y)
      }, name: landscape.name)
  }
}
