import Foundation

/// A thread-safe tally of the work done on a landscape.
public final class WorkCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var losses = 0
  private var products = 0

  /// Creates a counter with both tallies at zero.
  public init() {}

  /// Loss evaluations so far (batched evaluations count one per row).
  public var lossEvaluations: Int { lock.withLock { losses } }
  /// Hessian-vector products so far.
  public var hessianVectorProducts: Int { lock.withLock { products } }

  func addLosses(_ n: Int) { lock.withLock { losses += n } }
  func addProducts(_ n: Int) { lock.withLock { products += n } }
}

/// A landscape that counts every loss evaluation and HVP made through it, so
/// that reported costs are the counted ones (not formulas).
///
/// The known Hessian is hidden (``knownAnswers``'s `hessian` is `nil`), so a
/// dense rank pays its d HVPs instead of reading the matrix for free: the
/// comparison charges every route for what it would cost on a real model.
public struct CountingLandscape: Landscape {
  /// The wrapped landscape; every call is forwarded to it.
  public let base: any Landscape
  /// The tally that every loss evaluation and HVP made through this wrapper is added to; a
  /// reference, so copies of the wrapper count into the same tally and callers can read it between runs.
  public let counter: WorkCounter

  /// Wraps `base`, counting its work into `counter` (by default a fresh counter at zero).
  public init(_ base: any Landscape, counter: WorkCounter = WorkCounter()) {
    self.base = base
    self.counter = counter
  }

  /// The wrapped landscape's name.
  public var name: String { base.name }
  /// The wrapped landscape's number of parameters d.
  public var dimension: Int { base.dimension }
  /// The wrapped landscape's minimum point w*.
  public var minimum: [Double] { base.minimum }
  /// The wrapped landscape's precision (a counted float32 Hessian stays float32).
  public var precision: Precision { base.precision }
  /// The wrapped landscape's known answers with `hessian` set to `nil`, so the Hessian can only be
  /// obtained through counted HVPs.
  public var knownAnswers: KnownAnswers {
    var k = base.knownAnswers
    k.hessian = nil
    return k
  }

  /// The wrapped landscape's loss at `w`; counts one loss evaluation.
  public func loss(at w: [Double]) -> Double {
    counter.addLosses(1)
    return base.loss(at: w)
  }

  /// Writes the wrapped landscape's ∇L(w) into `g`; not counted (no compared route uses gradients).
  public func gradient(at w: [Double], into g: inout [Double]) { base.gradient(at: w, into: &g) }

  /// Writes the wrapped landscape's ∇²L(w)·v into `out`; counts one HVP.
  public func hessianVectorProduct(at w: [Double], _ v: [Double], into out: inout [Double]) {
    counter.addProducts(1)
    base.hessianVectorProduct(at: w, v, into: &out)
  }

  /// The wrapped landscape's loss at each row of `points`; counts `points.rows` loss evaluations.
  public func losses(at points: Matrix) -> [Double] {
    counter.addLosses(points.rows)
    return base.losses(at: points)
  }
}
