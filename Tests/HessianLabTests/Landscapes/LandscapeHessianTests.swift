import Foundation
import GSLBridge
import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

/// A landscape's Hessian as an operator: the known matrix offered only at the minimum, and the
/// products-only operator the comparison charges (one landscape HVP per column, no known matrix).
@Suite("Landscape Hessian operator")
struct LandscapeHessianTests {
  /// A landscape whose own HVPs are counted independently of the operator.
  struct CountedQuadratic: Landscape {
    let base: QuadraticLandscape
    let products: Locked<Int>
    var name: String { base.name }
    var dimension: Int { base.dimension }
    var minimum: [Double] { base.minimum }
    var knownAnswers: KnownAnswers { base.knownAnswers }
    var precision: Precision { base.precision }
    func loss(at w: [Double]) -> Double { base.loss(at: w) }
    func gradient(at w: [Double], into g: inout [Double]) { base.gradient(at: w, into: &g) }
    func hessianVectorProduct(at w: [Double], _ v: [Double], into out: inout [Double]) {
      products.withLock { $0 += 1 }
      base.hessianVectorProduct(at: w, v, into: &out)
    }
  }

  static func landscape(_ products: Locked<Int>) throws -> CountedQuadratic {
    CountedQuadratic(
      base: try QuadraticLandscape.withSpectrum(
        name: "q", nonzeroEigenvalues: [1, 4, 9], dimension: 8, basis: .randomOrthonormal(seed: 5)),
      products: products)
  }

  @Test("at the minimum the known matrix is offered (dense costs 0 HVPs); at an explicit point it is not")
  func knownMatrix() throws {
    let land = try Self.landscape(Locked(0))
    let atMinimum = HessianOperator(landscape: land)
    #expect(atMinimum.knownMatrix != nil && atMinimum.name == "q")
    #expect(try DenseRank.rank(of: atMinimum).hessianVectorProducts == 0)
    let elsewhere = HessianOperator(landscape: land, at: land.minimum)
    #expect(elsewhere.knownMatrix == nil)
    #expect(try DenseRank.rank(of: elsewhere).hessianVectorProducts == 8)
  }

  @Test("products only: no known matrix, one landscape HVP per column, counted exactly; same products")
  func productsOnly() throws {
    let products = Locked(0)
    let land = try Self.landscape(products)
    let op = HessianOperator(productsOnlyOf: land)
    #expect(op.knownMatrix == nil && op.name == "q" && op.precision == land.precision)
    let dense = try DenseRank.rank(of: op)
    #expect(dense.rank == 3 && dense.hessianVectorProducts == 8)
    #expect(products.withLock { $0 } == 8 && op.applicationCount == 8)
    var rng = SeededGenerator(seed: 6)
    let x = Matrix(rows: 8, columns: 3, elements: rng.normals(24))
    let expected = ColumnwiseProduct.apply(x, dimension: 8) { v, y in land.base.hessianVectorProduct(at: land.minimum, v, into: &y) }
    #expect(try op.apply(x) == expected)
    #expect(products.withLock { $0 } == 11 && op.applicationCount == 11)
  }
}
