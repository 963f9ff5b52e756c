import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("selectionHonestyWarnings: typed, in order")
struct SelectionHonestyWarningsTests {
  static func diagnostic(slope: Double) -> SigmaScalingDiagnostic {
    SigmaScalingDiagnostic(
      sigmas: [0.25, 0.5, 1], meanExcessLosses: [1, 2, 3], slope: slope, slopeStandardError: 0.01, lossEvaluations: 3)
  }

  @Test("each cause gives its code; none for a quadratic with a right read-out")
  func codes() {
    let all = selectionHonestyWarnings(
      isKnownQuadratic: false, readoutRank: 2, knownRank: 1, diagnostic: Self.diagnostic(slope: 4))
    #expect(all.map(\.code) == [.notKnownQuadratic, .sigmaScalingNotQuadratic, .readoutExceedsKnownRank])
    #expect(all[1].message.hasPrefix("σ-scaling: E[L(winner)] grows like σ^4 "))
    #expect(all[2].message.hasPrefix("the read-out 2 exceeds the known Hessian rank 1"))
    #expect(
      selectionHonestyWarnings(isKnownQuadratic: true, readoutRank: 1, knownRank: 1, diagnostic: Self.diagnostic(slope: 2))
        .isEmpty)
    #expect(selectionHonestyWarnings(isKnownQuadratic: true, readoutRank: 3, knownRank: nil, diagnostic: nil).isEmpty)
    let below = selectionHonestyWarnings(isKnownQuadratic: true, readoutRank: 4, knownRank: 5, diagnostic: nil)
    #expect(below.map(\.code) == [.readoutBelowKnownRank])
    #expect(below[0].message.hasPrefix("the read-out 4 is below the known Hessian rank 5: 1 curved direction(s)"))
  }
}
