import HessianLab
import Testing

@testable import HessianCore
@testable import HessianVerification

@Suite("CheckOptions: α in (0, 0.5], τ ≥ 0")
struct CheckOptionsTests {
  @Test("defaults and refusals")
  func validation() throws {
    #expect(CheckOptions().falseFailureProbability == 0.01)
    try CheckOptions(falseFailureProbability: 0.5, relativeTolerance: 0).validate()
    #expect(throws: InputError.self) { try CheckOptions(falseFailureProbability: 1).validate() }
    #expect(throws: InputError.self) { try CheckOptions(relativeTolerance: -1).validate() }
    #expect(throws: InputError.self) { try CheckOptions(relativeTolerance: .infinity).validate() }
  }
}
