import HessianLab
import Testing

@testable import HessianVerification

@Suite("EstimatedQuantity: the names users type")
struct EstimatedQuantityTests {
  @Test("raw values and list-ness")
  func names() {
    #expect(EstimatedQuantity.allCases.map(\.rawValue) == ["llc", "rank", "top-eigenvalues", "covariance-scale"])
    #expect(EstimatedQuantity.allCases.filter(\.isList) == [.topEigenvalues])
  }
}
