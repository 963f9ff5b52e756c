import Foundation
import Testing

import HessianLab
@testable import HessianVerification

@Suite("ExactnessTest: a rank estimator's exactness rate with Clopper–Pearson")
struct ExactnessTestTests {
  @Test("All exact passes (U = 1); none exact fails (U = 1 − p^(1/n)); 59 of 59 establish 0.95 at p = 0.05")
  func bounds() {
    let all = ExactnessTest.run(values: [3, 3, 3, 3, 3], truth: 3, confidence: 0.95, falseFailureProbability: 0.01)
    #expect(all.passed && all.upper == 1 && !all.established)
    let none = ExactnessTest.run(values: [4, 4, 4, 4, 4], truth: 3, confidence: 0.95, falseFailureProbability: 0.01)
    #expect(!none.passed)
    #expect(abs(none.upper - (1 - pow(0.01, 0.2))) < 1e-9)
    let many = ExactnessTest.run(values: Array(repeating: 2, count: 59), truth: 2, confidence: 0.95, falseFailureProbability: 0.05)
    #expect(many.established)
    let fewer = ExactnessTest.run(values: Array(repeating: 2, count: 58), truth: 2, confidence: 0.95, falseFailureProbability: 0.05)
    #expect(!fewer.established)
  }

  /// An estimator exact with probability exactly c = 0.95 fails with probability ≤ p: at n = 20,
  /// p = 0.05, it fails when k ≤ 16 exact, P(Binomial(20, 0.95) ≤ 16) = 0.01590 (SciPy).
  @Test("The verdict flips where the one-sided upper bound crosses c")
  func flip() {
    func run(_ k: Int) -> ExactnessTest {
      ExactnessTest.run(values: (0..<20).map { $0 < k ? 1.0 : 0.0 }, truth: 1, confidence: 0.95, falseFailureProbability: 0.05)
    }
    #expect(!run(16).passed && run(17).passed)
  }
}
