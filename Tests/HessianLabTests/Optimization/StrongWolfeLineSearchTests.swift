import Testing
import HessianLab
@testable import HessianCore

/// The line search's accepted step satisfies both strong Wolfe conditions, checked from the definitions.
@Suite("StrongWolfeLineSearch")
struct StrongWolfeLineSearchTests {
  /// φ(α) along p = −∇f from x for f(x) = x⁴ − 3x² + x (1-D, nonconvex).
  static func f(_ x: [Double]) -> (loss: Double, gradient: [Double]) {
    let v = x[0]
    return (v * v * v * v - 3 * v * v + v, [4 * v * v * v - 6 * v + 1])
  }

  @Test("the accepted step meets sufficient decrease and the strong curvature condition", arguments: [-2.0, -0.3, 0.5, 2.5])
  func wolfe(start: Double) throws {
    let (f0, g0) = Self.f([start])
    let p = [-g0[0]]
    let outcome = StrongWolfeLineSearch.search(
      evaluate: Self.f, point: [start], loss: f0, gradient: g0, direction: p, initialStep: 1)
    let t = try #require(outcome.accepted)
    let slope0 = g0[0] * p[0]
    #expect(t.loss <= f0 + StrongWolfeLineSearch.sufficientDecrease * t.step * slope0)
    #expect(abs(t.gradient[0] * p[0]) <= StrongWolfeLineSearch.curvature * abs(slope0))
    #expect(t.step > 0 && outcome.evaluations >= 1 && outcome.evaluations <= StrongWolfeLineSearch.maximumEvaluations)
  }

  @Test("an ascent direction is refused without evaluating")
  func ascent() {
    let (f0, g0) = Self.f([2])
    let outcome = StrongWolfeLineSearch.search(
      evaluate: Self.f, point: [2], loss: f0, gradient: g0, direction: g0, initialStep: 1)
    #expect(outcome.accepted == nil && outcome.evaluations == 0)
  }
}
