import Foundation
import HessianLab
@testable import HessianCore
@testable import HessianVerification

/// In-process oracles for the trust-check and subject tests: a quadratic
/// L(w) = ½(w − c)ᵀH(w − c) + gᵀ(w − c) around c, served with chosen defects.
enum OracleFixtures {
  /// What is wrong with the served oracle.
  enum Defect {
    /// Nothing.
    case none
    /// The "HVP" is A·V with A = H + s·(strict upper triangle of ones): not symmetric.
    case asymmetric(Double)
    /// Each column is H·v·‖v‖: symmetric on unit vectors but not linear.
    case nonlinear
    /// The gradient is (1 + s)·∇L: it disagrees with the HVPs.
    case scaledGradient(Double)
  }

  /// A rank-3 Hessian in d = 8 with eigenvalues 4, 2, 0.5 on a seeded orthonormal basis.
  static func rankDeficientHessian(d: Int = 8) -> Matrix {
    var rng = SeededGenerator(seed: 31)
    var basis: [[Double]] = []
    for _ in 0..<3 {
      var v = rng.normals(d)
      for b in basis {
        let p = zip(v, b).reduce(0) { $0 + $1.0 * $1.1 }
        v = zip(v, b).map { $0 - p * $1 }
      }
      let n = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
      basis.append(v.map { $0 / n })
    }
    var h = Matrix(rows: d, columns: d)
    for (value, b) in zip([4.0, 2, 0.5], basis) { for i in 0..<d { for j in 0..<d { h[i, j] += value * b[i] * b[j] } } }
    return h
  }

  /// The quadratic served with `capabilities` and `defect`, at precision `precision` (float32
  /// rounds every reply to Float).
  static func quadratic(
    name: String = "oracle:test", hessian h: Matrix? = nil, center c: [Double]? = nil, gradientAtCenter g: [Double]? = nil,
    precision: Precision = .float64, capabilities: Set<OracleCapability> = Set(OracleCapability.allCases),
    defect: Defect = .none
  ) -> InProcessModelOracle {
    let h = h ?? rankDeficientHessian()
    let d = h.rows
    let c = c ?? (0..<d).map { 0.25 * Double($0 % 3) - 0.25 }
    let g = g ?? [Double](repeating: 0, count: d)
    let single = precision == .float32
    let round: @Sendable (Double) -> Double = { single ? Double(Float($0)) : $0 }
    var a = h
    if case let .asymmetric(s) = defect { for i in 0..<d { for j in (i + 1)..<d { a[i, j] += s } } }
    let op = a
    let nonlinear: Bool = if case .nonlinear = defect { true } else { false }
    let gradientScale: Double = if case let .scaledGradient(s) = defect { 1 + s } else { 1 }
    let hvp: @Sendable (Matrix) throws -> Matrix = { v in
      var out = Matrix(rows: d, columns: v.columns)
      for k in 0..<v.columns {
        let norm = nonlinear ? (0..<d).reduce(0) { $0 + v[$1, k] * v[$1, k] }.squareRoot() : 1
        for i in 0..<d {
          var s = 0.0
          for j in 0..<d { s += op[i, j] * v[j, k] }
          out[i, k] = round(s * norm)
        }
      }
      return out
    }
    let losses: @Sendable (Matrix) throws -> [Double] = { p in
      (0..<p.rows).map { r in
        let x = (0..<d).map { p[r, $0] - c[$0] }
        var q = 0.0
        for i in 0..<d { for j in 0..<d { q += x[i] * h[i, j] * x[j] } }
        return round(0.5 * q + zip(g, x).reduce(0) { $0 + $1.0 * $1.1 })
      }
    }
    let gradients: @Sendable (Matrix) throws -> Matrix = { p in
      var out = Matrix(rows: p.rows, columns: d)
      for r in 0..<p.rows {
        for i in 0..<d {
          var s = g[i]
          for j in 0..<d { s += h[i, j] * (p[r, j] - c[j]) }
          out[r, i] = round(gradientScale * s)
        }
      }
      return out
    }
    return InProcessModelOracle(
      name: name, point: c, precision: precision, hvp: capabilities.contains(.hvp) ? hvp : nil,
      losses: capabilities.contains(.loss) ? losses : nil, gradients: capabilities.contains(.gradient) ? gradients : nil)
  }

  /// A landscape served back through an in-process oracle: its exact HVPs at the minimum, its
  /// batched losses and its gradients (the built-in path and the oracle path see the same numbers).
  static func serving(_ land: some Landscape, name: String = "oracle:served") -> InProcessModelOracle {
    let w = land.minimum
    return InProcessModelOracle(
      name: name, point: w, precision: land.precision,
      hvp: { land.hessianProduct(at: w, block: $0) }, losses: { land.losses(at: $0) }, gradients: { try land.gradients(at: $0) })
  }
}
