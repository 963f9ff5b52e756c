import Testing

@testable import hessian_lab

@Suite("verify --external --landscapes: splitting the list")
struct ExternalVerifyOptionsTests {
  @Test("A comma before a digit, sign, '*' or '.digit' stays inside a spec")
  func split() {
    #expect(ExternalVerifyOptions.splitLandscapes("nc-x2,newton-edge") == ["nc-x2", "newton-edge"])
    #expect(ExternalVerifyOptions.splitLandscapes("quad:1,2:d=4,nc-x2") == ["quad:1,2:d=4", "nc-x2"])
    #expect(ExternalVerifyOptions.splitLandscapes("quad:1e-3,-2,.5,*3:d=9, dln-3-2-3") == ["quad:1e-3,-2,.5,*3:d=9", "dln-3-2-3"])
    #expect(ExternalVerifyOptions.splitLandscapes("a,,b") == ["a", "", "b"])
    #expect(ExternalVerifyOptions.splitLandscapes("sum:quad:1,2:d=3|nc-x2") == ["sum:quad:1,2:d=3|nc-x2"])
  }
}
