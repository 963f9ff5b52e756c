import Foundation

/// A thread-safe tally of the work done on a landscape.
public final class WorkCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var losses = 0
  private var products = 0

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
  public let base: any Landscape
  public let counter: WorkCounter

  public init(_ base: any Landscape, counter: WorkCounter = WorkCounter()) {
    self.base = base
    self.counter = counter
  }

  public var name: String { base.name }
  public var dimension: Int { base.dimension }
  public var minimum: [Double] { base.minimum }
  public var knownAnswers: KnownAnswers {
    var k = base.knownAnswers
    k.hessian = nil
    return k
  }

  public func loss(at w: [Double]) -> Double {
    counter.addLosses(1)
    return base.loss(at: w)
  }

  public func gradient(at w: [Double], into g: inout [Double]) { base.gradient(at: w, into: &g) }

  public func hessianVectorProduct(at w: [Double], _ v: [Double], into out: inout [Double]) {
    counter.addProducts(1)
    base.hessianVectorProduct(at: w, v, into: &out)
  }

  public func losses(at points: Matrix) -> [Double] {
    counter.addLosses(points.rows)
    return base.losses(at: points)
  }
}
