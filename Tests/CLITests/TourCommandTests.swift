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
    #expect(r.standardOutput.contains("hessian-lab lesson start 1"))
    // The learning-coefficient estimates, with costs and standard errors.
    for needle in ["volume scaling  λ̂ =", "SGLD            λ̂ =", "loss evaluations (", "gradient +"] {
      #expect(r.standardOutput.contains(needle), "missing \(needle)")
    }
    // The multiplicity trap and the read-out's over-count are shown.
    #expect(r.standardOutput.contains("the Lanczos multiplicity trap"))
    #expect(r.standardOutput.contains("MISS it — the read-out is not rank(H)"))
    // Not a terminal: no progress lines on standard error.
    #expect(!r.standardError.contains("tour:"), "\(r.standardError)")
  }
}
