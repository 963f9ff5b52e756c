import Testing
import TestSupport

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

/// Shared derivative checks run on every landscape family (gradient against
/// central differences of the loss, HVP against central differences of the
/// gradient and against the dense Hessian, ⟨Hu, v⟩ = ⟨u, Hv⟩, batched = pointwise).
///
/// Tolerances: a central difference with step h has truncation error
/// h²·M₃/6 (M₃ a bound on the third directional derivative of the differenced
/// function near the point) and rounding error ε·|f|/h; `Tolerance.centralDifference`
/// adds both and multiplies by 10. Each caller passes an M₃ it justifies.
enum LandscapeChecks {
  static let step = 1e-4

  /// Points near the minimum: w* + 0.3·(deterministic pattern from the seed).
  static func point(near l: any Landscape, seed: UInt64) -> [Double] {
    var rng = SeededGenerator(seed: seed)
    return l.minimum.map { $0 + 0.3 * (2 * rng.nextUniform() - 1) }
  }

  static func checkGradient(_ l: any Landscape, at w: [Double], thirdDerivativeBound m3: Double) {
    let g = l.gradient(at: w)
    let scale = max(abs(l.loss(at: w)), 1)
    let tol = Tolerance.centralDifference(step: step, thirdDerivativeBound: m3, valueScale: scale)
    for i in 0..<l.dimension {
      var p = w, m = w
      p[i] += step
      m[i] -= step
      let fd = (l.loss(at: p) - l.loss(at: m)) / (2 * step)
      #expect(abs(fd - g[i]) <= tol, "∂L/∂w\(i): exact \(g[i]) vs central difference \(fd) (tol \(tol)) on \(l.name)")
    }
  }

  /// HVP against (∇L(w + hv) − ∇L(w − hv))/2h; M₃ bounds the third derivative of
  /// t ↦ ∇L(w + tv) componentwise (the fourth derivative of L along v).
  static func checkHVP(_ l: any Landscape, at w: [Double], direction v: [Double], fourthDerivativeBound m4: Double) {
    let hv = l.hessianVectorProduct(at: w, v)
    let gp = l.gradient(at: zip(w, v).map { $0 + step * $1 })
    let gm = l.gradient(at: zip(w, v).map { $0 - step * $1 })
    let scale = max(l.gradient(at: w).map(abs).max() ?? 0, 1)
    let tol = Tolerance.centralDifference(step: step, thirdDerivativeBound: m4, valueScale: scale)
    for i in 0..<l.dimension {
      let fd = (gp[i] - gm[i]) / (2 * step)
      #expect(abs(fd - hv[i]) <= tol, "(Hv)_\(i): exact \(hv[i]) vs difference of gradients \(fd) on \(l.name)")
    }
  }

  /// HVP at the minimum equals the dense known Hessian times v (when the
  /// landscape knows its Hessian): both are O(d) sums of products of exact
  /// values, so they agree to c·d·ε·‖H‖·‖v‖.
  static func checkAgainstKnownHessian(_ l: any Landscape, direction v: [Double]) {
    guard let h = l.knownAnswers.hessian?.dense(dimension: l.dimension) else { return }
    let hv = l.hessianVectorProduct(at: l.minimum, v)
    let ref = BLAS.multiply(h, .none, v)
    let scale = (h.elements.map(abs).max() ?? 1) * (v.map(abs).max() ?? 1)
    let tol = Tolerance.dense(n: l.dimension, scale: scale) * 10
    for i in 0..<l.dimension {
      #expect(abs(hv[i] - ref[i]) <= tol, "HVP vs known Hessian, component \(i) on \(l.name)")
    }
  }

  /// ⟨Hu, v⟩ = ⟨u, Hv⟩ up to c·d·ε·‖H‖·‖u‖·‖v‖ (rounding of two inner products).
  static func checkSymmetry(_ l: any Landscape, at w: [Double], _ u: [Double], _ v: [Double], hessianScale: Double) {
    let a = BLAS.dot(l.hessianVectorProduct(at: w, u), v)
    let b = BLAS.dot(u, l.hessianVectorProduct(at: w, v))
    let tol = Tolerance.dense(n: l.dimension, scale: hessianScale * BLAS.norm(u) * BLAS.norm(v)) * 10
    #expect(abs(a - b) <= tol, "⟨Hu,v⟩ = \(a) but ⟨u,Hv⟩ = \(b) on \(l.name)")
  }

  /// Batched losses equal pointwise losses to c·d·ε·max|L| (different summation order).
  static func checkBatched(_ l: any Landscape, seed: UInt64, count: Int = 5) {
    var pts = Matrix(rows: count, columns: l.dimension)
    var values: [Double] = []
    for i in 0..<count {
      let p = point(near: l, seed: seed &+ UInt64(i))
      for j in 0..<l.dimension { pts[i, j] = p[j] }
      values.append(l.loss(at: p))
    }
    let batched = l.losses(at: pts)
    let tol = Tolerance.dense(n: l.dimension, scale: max(values.map(abs).max() ?? 1, 1e-300)) * 10
    for i in 0..<count {
      #expect(abs(batched[i] - values[i]) <= tol, "batched \(batched[i]) vs pointwise \(values[i]) on \(l.name)")
    }
  }

  /// Every check at two points and a couple of directions.
  static func checkAll(_ l: any Landscape, thirdDerivativeBound m3: Double, fourthDerivativeBound m4: Double, hessianScale: Double) {
    for seed: UInt64 in [11, 12] {
      let w = point(near: l, seed: seed)
      var rng = SeededGenerator(seed: seed &* 7)
      let u = rng.normals(l.dimension), v = rng.normals(l.dimension)
      let unit = v.map { $0 / max(BLAS.norm(v), 1e-300) }
      checkGradient(l, at: w, thirdDerivativeBound: m3)
      checkHVP(l, at: w, direction: unit, fourthDerivativeBound: m4)
      checkSymmetry(l, at: w, u, v, hessianScale: hessianScale)
      checkAgainstKnownHessian(l, direction: u)
    }
    checkBatched(l, seed: 99)
  }
}
