import Foundation
import GSLBridge

@testable import HessianCore

/// L(w) = ½·wᵀAw + ¼·Σ aᵢ·wᵢ⁴ around a centre c, with every derivative in closed form: the known
/// answer for the finite-difference and float32 error models (an independent computation).
///
/// ∇L = Aw + a∘w³, H(w) = A + diag(3a∘w²), ∇³L[v,v]ᵢ = 6aᵢwᵢvᵢ², ∇⁴L[v,v,v]ᵢ = 6aᵢvᵢ³, and every
/// higher derivative is zero, so the truncation of a difference quotient is a finite sum:
/// central (h²/6)·∇⁴L[v,v,v] = h²·a∘v³; forward (h/2)·∇³L[v,v] + (h²/6)·∇⁴L[v,v,v] = 3h·a∘w∘v² + h²·a∘v³.
struct QuarticTestLoss {
  let a: Matrix
  let quartic: [Double]
  let center: [Double]

  var dimension: Int { center.count }

  /// A random symmetric A (entries N(0,1)), aᵢ uniform in [−1, 1] and cᵢ ~ N(0, ½²), from `seed`.
  init(dimension d: Int, seed: UInt64) {
    var rng = SeededGenerator(seed: seed)
    var m = Matrix(rows: d, columns: d)
    for i in 0..<d { for j in 0...i { let x = rng.nextNormal(); m[i, j] = x; m[j, i] = x } }
    a = m
    quartic = (0..<d).map { _ in 2 * rng.nextUniform() - 1 }
    center = (0..<d).map { _ in 0.5 * rng.nextNormal() }
  }

  init(a: Matrix, quartic: [Double], center: [Double]) {
    self.a = a
    self.quartic = quartic
    self.center = center
  }

  func gradient(_ w: [Double]) -> [Double] {
    var g = BLAS.multiply(a, .none, w)
    for i in g.indices { g[i] += quartic[i] * w[i] * w[i] * w[i] }
    return g
  }

  /// H(c)·v, exactly.
  func hessianProduct(_ v: [Double]) -> [Double] {
    var y = BLAS.multiply(a, .none, v)
    for i in y.indices { y[i] += 3 * quartic[i] * center[i] * center[i] * v[i] }
    return y
  }

  /// The size G of the gradient's terms at distance `h` from c: max over i of (|A|·|w|)ᵢ + |aᵢ|·|wᵢ|³
  /// with |wᵢ| ≤ |cᵢ| + h (the rounding term ε·G/h of a difference quotient).
  func gradientTermSize(step h: Double) -> Double {
    let w = center.map { abs($0) + h }
    let aw = BLAS.multiply(Matrix(rows: a.rows, columns: a.columns, elements: a.elements.map(abs)), .none, w)
    return (0..<dimension).map { aw[$0] + abs(quartic[$0]) * pow(w[$0], 3) }.max() ?? 0
  }

  var oracle: ClosureLossOracle {
    let copy = self
    return ClosureLossOracle(
      center: center,
      losses: { p in
        (0..<p.rows).map { r in
          let w = Array(p.elements[(r * p.columns)..<((r + 1) * p.columns)])
          let aw = BLAS.multiply(copy.a, .none, w)
          var total = 0.0
          for i in 0..<w.count {
            let quadratic: Double = 0.5 * w[i] * aw[i]
            let quartic: Double = 0.25 * copy.quartic[i] * pow(w[i], 4)
            total += quadratic + quartic
          }
          return total
        }
      },
      gradients: { p in
        var g = Matrix(rows: p.rows, columns: p.columns)
        for r in 0..<p.rows {
          let row = copy.gradient(Array(p.elements[(r * p.columns)..<((r + 1) * p.columns)]))
          for i in 0..<p.columns { g.elements[r * p.columns + i] = row[i] }
        }
        return g
      })
  }
}
