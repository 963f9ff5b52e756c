import Testing
import HessianLab
@testable import HessianZoo

@Suite("Activation")
struct ActivationTests {
  static let points: [Double] = [-3, -1.2, -0.3, 0.2, 0.7, 1.5, 2.8]

  @Test("σ′ and σ″ match central differences of σ and σ′ within the formula's bound", arguments: Activation.allCases)
  func derivatives(_ a: Activation) {
    for z in Self.points {
      let d1 = CentralDifference.check({ [a.value($0[0])] }, exact: [a.derivative(z)], at: [z], along: [1])
      #expect(d1.error <= d1.tolerance, "\(a) σ′(\(z)): \(d1)")
      let d2 = CentralDifference.check({ [a.derivative($0[0])] }, exact: [a.secondDerivative(z)], at: [z], along: [1])
      #expect(d2.error <= d2.tolerance, "\(a) σ″(\(z)): \(d2)")
      // The check refuses a derivative off by 1e-6 (so it can fail).
      let wrong = CentralDifference.check({ [a.value($0[0])] }, exact: [a.derivative(z) + 1e-6], at: [z], along: [1])
      #expect(wrong.error > wrong.tolerance, "\(a) at \(z): the check cannot see a 1e-6 error")
    }
  }

  @Test("σ(0) = 0 for every activation (the teacher embedding needs it)", arguments: Activation.allCases)
  func zeroAtZero(_ a: Activation) { #expect(a.value(0) == 0) }

  @Test("gelu is z·Φ(z): known values")
  func geluValues() {
    #expect(abs(Activation.gelu.value(1) - 0.8413447460685429) < 1e-15)
    #expect(abs(Activation.gelu.value(-1) + 0.15865525393145707) < 1e-15)
  }
}
