import Foundation
import TestSupport

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

/// `dln-5-3-5` (``DeepLinearNetworkLandscape`` with widths 5-3-5, true rank 1),
/// K = ‖W₂W₁ − E₁₁‖²_F, with the loss and gradient written as plain loops over
/// the 30 weights instead of BLAS calls on ``Matrix`` values: the same function
/// (``agreesWithZoo()`` checks it at random points) at about a third of the cost
/// in a debug build, so the splitting tests on it fit the test budget.
/// Weights: W₁ (3×5) in w[0..<15], W₂ (5×3) in w[15..<30], row-major.
struct DeepLinearNetwork535: Landscape {
  let name = "dln-5-3-5 (test loops)"
  let dimension = 30
  var precision: Precision { zoo.precision }
  let zoo: DeepLinearNetworkLandscape
  var minimum: [Double] { zoo.minimum }
  var knownAnswers: KnownAnswers { zoo.knownAnswers }

  init() throws { zoo = try DeepLinearNetworkLandscape(spec: "dln:5-3-5:rank=1") }

  /// R = W₂W₁ − E₁₁ into r (25 entries, row-major).
  private func residual(_ w: UnsafeBufferPointer<Double>, _ r: UnsafeMutableBufferPointer<Double>) {
    for i in 0..<5 {
      for j in 0..<5 {
        var s = 0.0
        for k in 0..<3 { s += w[15 + i * 3 + k] * w[k * 5 + j] }
        r[i * 5 + j] = s - (i == 0 && j == 0 ? 1 : 0)
      }
    }
  }

  func loss(at w: [Double]) -> Double {
    var r = [Double](repeating: 0, count: 25)
    return w.withUnsafeBufferPointer { wp in
      r.withUnsafeMutableBufferPointer { rp in
        residual(wp, rp)
        var s = 0.0
        for k in 0..<25 { s += rp[k] * rp[k] }
        return s
      }
    }
  }

  /// ∂K/∂W₁ = 2W₂ᵀR, ∂K/∂W₂ = 2RW₁ᵀ.
  func gradient(at w: [Double], into g: inout [Double]) {
    var r = [Double](repeating: 0, count: 25)
    w.withUnsafeBufferPointer { wp in
      r.withUnsafeMutableBufferPointer { rp in
        residual(wp, rp)
        g.withUnsafeMutableBufferPointer { gp in
          for k in 0..<3 {
            for j in 0..<5 {
              var s = 0.0
              for i in 0..<5 { s += wp[15 + i * 3 + k] * rp[i * 5 + j] }
              gp[k * 5 + j] = 2 * s
            }
          }
          for i in 0..<5 {
            for k in 0..<3 {
              var s = 0.0
              for j in 0..<5 { s += rp[i * 5 + j] * wp[k * 5 + j] }
              gp[15 + i * 3 + k] = 2 * s
            }
          }
        }
      }
    }
  }

  func hessianVectorProduct(at w: [Double], _ v: [Double], into out: inout [Double]) {
    zoo.hessianVectorProduct(at: w, v, into: &out)
  }

  /// Loss and gradient equal the zoo landscape's at 20 random points, to the rounding
  /// of two summation orders: Tolerance.dense(n: 30, scale: 1 + |value|) (a 30-term
  /// sum of products; a wrong index is off by O(1)).
  func agreesWithZoo() -> Bool {
    var rng = SeededGenerator(seed: 535)
    for _ in 0..<20 {
      let w = zip(minimum, rng.normals(dimension)).map { $0 + $1 }
      let a = loss(at: w), b = zoo.loss(at: w)
      guard abs(a - b) <= Tolerance.dense(n: 30, scale: 1 + abs(b)) else { return false }
      let ga = gradient(at: w), gb = zoo.gradient(at: w)
      let scale = 1 + gb.map(abs).max()!
      guard zip(ga, gb).allSatisfy({ abs($0 - $1) <= Tolerance.dense(n: 30, scale: scale) }) else { return false }
    }
    return true
  }
}
