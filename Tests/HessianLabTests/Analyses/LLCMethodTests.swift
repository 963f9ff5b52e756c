import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("LLC method choice")
struct LLCMethodTests {
  @Test("all runs both estimators; each estimator only itself; bounds and exact run none")
  func runs() {
    #expect(LLCMethod.all.runs(.volume) && LLCMethod.all.runs(.sgld))
    #expect(LLCMethod.volume.runs(.volume) && !LLCMethod.volume.runs(.sgld))
    #expect(LLCMethod.sgld.runs(.sgld) && !LLCMethod.sgld.runs(.volume))
    #expect(!LLCMethod.bounds.runs(.volume) && !LLCMethod.exact.runs(.sgld))
  }
}
