import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

/// The one stated HVP-to-loss conversion is used by every place that converts.
@Suite("HVPCost")
struct HVPCostTests {
  @Test("One HVP is charged 2 gradients × 5 loss evaluations = 10, in compare and in lesson 12")
  func oneConstant() {
    #expect(HVPCost.lossEvaluationsPerHVP == 2 * 5)
    #expect(MethodComparison.theoreticalHVPCost == Double(HVPCost.lossEvaluationsPerHVP))
    #expect(Lesson12WhichRoute.evaluationsPerHVP == HVPCost.lossEvaluationsPerHVP)
  }
}
