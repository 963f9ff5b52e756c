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
    // The verdict compares the best of all three families: HVP counting, (1,λ) and CMA-ES.
    let verdict = try #require(r.standardOutput.split(separator: "\n").last { $0.hasPrefix("verdict: ") })
    #expect(verdict.hasPrefix("verdict: HVP counting: lanczos ("), "\(verdict)")
    #expect(verdict.contains("; (1,λ): covariance (") && verdict.contains("; CMA: cma ("), "\(verdict)")
    #expect(verdict.contains("best of each: HVP counting (lanczos) is cheapest; (1,λ) "), "\(verdict)")
    #expect(verdict.contains("×, CMA ") && verdict.hasSuffix("× as much"), "\(verdict)")
    // The quick tour's lower confidence is stated, and the sweep says it leaves cma out.
    #expect(r.standardOutput.contains("(quick: c = 0.8 with 8 seeds per budget instead of 0.95 with 59)"))
    #expect(r.standardOutput.contains("cma is left out of this sweep"))
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
