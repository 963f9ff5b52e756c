import Foundation
import Testing

@testable import TestSupport

@Suite("hessian-lab tour")
struct TourCommandTests {
  @Test("tour --quick runs end to end and ends with the verdict and the lessons")
  func quickTour() throws {
    let r = try CommandRunner.run(["tour", "--quick"])
    #expect(r.status == 0, "\(r.standardError)")
    for heading in ["1. Known answers", "2. Counting eigenvalues", "3. The covariance read-out", "4. The learning coefficient",
      "5. Head to head", "6. How the cost grows", "Verdict"] {
      #expect(r.standardOutput.contains(heading), "missing \(heading)")
    }
    #expect(r.standardOutput.contains("verdict: the HVP route"))
    #expect(r.standardOutput.contains("hessian-lab lesson list"))
  }
}
