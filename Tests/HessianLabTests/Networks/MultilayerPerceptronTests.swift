import Testing
import HessianLab
@testable import HessianCore
@testable import HessianZoo

/// Gradients (backpropagation) and Hessian-vector products (R-operator) of every activation against central
/// differences (tolerance: ``CentralDifference``), at random points away from the minimum so the residual
/// term of the Hessian is exercised; and the symmetry of the products.
@Suite("MultilayerPerceptron")
struct MultilayerPerceptronTests {
  static func landscape(_ a: Activation) throws -> MultilayerPerceptronLandscape {
    try MultilayerPerceptronLandscape(spec: "mlp:3-4-3-2:act=\(a.rawValue):data=7:seed=11")
  }

  /// w* + 0.5·g and a unit direction, from a fixed seed.
  static func point(_ l: MultilayerPerceptronLandscape, seed: UInt64) -> (w: [Double], v: [Double], u: [Double]) {
    var rng = SeededGenerator(seed: seed)
    let w = zip(l.minimum, rng.normals(l.dimension)).map { $0 + 0.5 * $1 }
    let v = rng.normals(l.dimension), u = rng.normals(l.dimension)
    let nv = CentralDifference.norm(v), nu = CentralDifference.norm(u)
    return (w, v.map { $0 / nv }, u.map { $0 / nu })
  }

  @Test("the gradient matches central differences of the loss", arguments: Activation.allCases)
  func gradient(_ a: Activation) throws {
    let l = try Self.landscape(a)
    for seed: UInt64 in 1...3 {
      let (w, v, _) = Self.point(l, seed: seed)
      let exact = [BLAS.dot(l.gradient(at: w), v)]
      let c = CentralDifference.check({ [l.loss(at: $0)] }, exact: exact, at: w, along: v)
      #expect(c.error <= c.tolerance, "\(a) seed \(seed): \(c)")
      let wrong = CentralDifference.check({ [l.loss(at: $0)] }, exact: [exact[0] * (1 + 1e-5) + 1e-9], at: w, along: v)
      #expect(wrong.error > wrong.tolerance, "\(a): the check cannot see a 1e-5 relative error")
    }
  }

  @Test("Hessian-vector products match central differences of the gradient", arguments: Activation.allCases)
  func hessianVectorProduct(_ a: Activation) throws {
    let l = try Self.landscape(a)
    for seed: UInt64 in 1...3 {
      let (w, v, _) = Self.point(l, seed: seed)
      let hv = l.hessianVectorProduct(at: w, v)
      let c = CentralDifference.check({ l.gradient(at: $0) }, exact: hv, at: w, along: v)
      #expect(c.error <= c.tolerance, "\(a) seed \(seed): \(c)")
      var broken = hv
      broken[0] += 1e-5 * max(1, CentralDifference.norm(hv))
      let wrong = CentralDifference.check({ l.gradient(at: $0) }, exact: broken, at: w, along: v)
      #expect(wrong.error > wrong.tolerance, "\(a): the check cannot see a broken product")
    }
  }

  @Test("⟨u, Hv⟩ = ⟨Hu, v⟩ to rounding, and a block product equals the column-wise products", arguments: Activation.allCases)
  func symmetric(_ a: Activation) throws {
    let l = try Self.landscape(a)
    let (w, v, u) = Self.point(l, seed: 9)
    let hv = l.hessianVectorProduct(at: w, v), hu = l.hessianVectorProduct(at: w, u)
    let scale = max(CentralDifference.norm(hv), CentralDifference.norm(hu), 1e-300)
    // Each inner product is a sum of d products of values known to a few ulps: 100·d·ε relative.
    #expect(abs(BLAS.dot(u, hv) - BLAS.dot(hu, v)) <= 100 * Double(l.dimension) * Double.ulpOfOne * scale)
    var block = Matrix(rows: l.dimension, columns: 2)
    for i in 0..<l.dimension { block[i, 0] = v[i]; block[i, 1] = u[i] }
    let product = l.hessianProduct(at: w, block: block)
    #expect(product.column(0) == hv && product.column(1) == hu)
  }

  @Test("at w* the loss and the gradient are 0 (the teacher is embedded exactly)", arguments: Activation.allCases)
  func minimum(_ a: Activation) throws {
    let l = try Self.landscape(a)
    #expect(l.loss(at: l.minimum) == 0)
    #expect(l.gradient(at: l.minimum).allSatisfy { $0 == 0 })
    #expect(l.loss(at: Self.point(l, seed: 1).w) > 0)
  }
}
