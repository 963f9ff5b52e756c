import Foundation

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

/// Counts calls from concurrent tasks.
final class CallCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var calls = 0
  func add() { lock.withLock { calls += 1 } }
  var count: Int { lock.withLock { calls } }
}

/// f(x) = Σ qᵢ xᵢ², not a ``QuadraticLandscape`` and without a closed-form Hessian
/// (``KnownAnswers/hessian`` is nil); counts its Hessian-vector products.
struct UnknownHessianLandscape: Landscape {
  let quadratic: [Double]
  let hessianVectorProducts = CallCounter()
  var name: String { "unknown-hessian" }
  var dimension: Int { quadratic.count }
  var minimum: [Double] { [Double](repeating: 0, count: dimension) }
  var precision: Precision { .float64 }
  var knownAnswers: KnownAnswers {
    KnownAnswers(
      rank: .unknown("test"), learningCoefficient: .unknown("test"), multiplicity: .unknown("test"), hessian: nil)
  }
  func loss(at w: [Double]) -> Double { w.indices.reduce(0) { $0 + quadratic[$1] * w[$1] * w[$1] } }
  func gradient(at w: [Double], into g: inout [Double]) {
    for i in w.indices { g[i] = 2 * quadratic[i] * w[i] }
  }
  func hessianVectorProduct(at w: [Double], _ v: [Double], into out: inout [Double]) {
    hessianVectorProducts.add()
    for i in w.indices { out[i] = 2 * quadratic[i] * v[i] }
  }
}
