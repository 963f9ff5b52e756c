import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("CovarianceEstimateChoice")
struct CovarianceEstimateChoiceTests {
  @Test("auto is the second moment when centred, mean-centred otherwise; the others are fixed")
  func resolution() {
    #expect(CovarianceEstimateChoice.auto.resolved(isCentred: true) == .secondMoment)
    #expect(CovarianceEstimateChoice.auto.resolved(isCentred: false) == .meanCentred)
    for centred in [true, false] {
      #expect(CovarianceEstimateChoice.secondMoment.resolved(isCentred: centred) == .secondMoment)
      #expect(CovarianceEstimateChoice.meanCentred.resolved(isCentred: centred) == .meanCentred)
    }
  }

  @Test("the raw values are the command line's spellings")
  func spellings() {
    #expect(CovarianceEstimateChoice.allCases.map(\.rawValue) == ["auto", "second-moment", "mean-centred"])
  }
}
