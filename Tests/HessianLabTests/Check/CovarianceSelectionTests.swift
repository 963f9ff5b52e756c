import HessianLab
import Testing

@testable import HessianCore
@testable import HessianVerification

@Suite("CovarianceSelection: λ ≥ 2 and a usable σ")
struct CovarianceSelectionTests {
  @Test("valid and invalid selections, each refusal naming its parameter")
  func validation() throws {
    try CovarianceSelection(population: 2, sigma: 0.1).validate()
    #expect(throws: InputError.self) { try CovarianceSelection(population: 1, sigma: 1).validate() }
    for sigma in [0.0, -1, .nan, .infinity, 1e-200] {
      do {
        try CovarianceSelection(population: 10, sigma: sigma).validate()
        Issue.record("σ = \(sigma) accepted")
      } catch {
        #expect(error.parameter == .sigma)
      }
    }
  }
}
