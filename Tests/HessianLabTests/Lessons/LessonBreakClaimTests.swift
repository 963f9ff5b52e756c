import Foundation
import HessianLab
import Testing

@testable import HessianLessons

/// The break-the-claim exercises (lessons 3, 8, 9, 12): an answer that makes the claim fail for
/// the lesson's reason passes; one that makes it fail for another reason is rejected on the
/// reason line (the claim line itself passes, so the rejection is the reason check's doing).
/// Known answers: the constructions below, each with its spectrum known by construction.
@Suite("Break-the-claim exercises check the reason")
struct LessonBreakClaimTests {
  static func land(_ spec: String) throws -> any Landscape { try LandscapeSpec.resolve(spec) }

  @Test("Lesson 3: Lanczos under-counts by repeated eigenvalues (passes), by eigenvalues below its resolution (rejected)")
  func lesson3() throws {
    let repeated = try Lesson03LanczosMultiplicity.verdict(Self.land("quad:1*4,3*6:d=30:seed=1"), d: 30, rank: 10, lanczos: 2, seed: 5)
    #expect(repeated.passed, "\(repeated.lines)")
    // Seven distinct eigenvalues 1e-13…7e-13: counted by the dense τ = 3·30·ε ≈ 2e-14, below
    // Lanczos's resolution 10⁻¹²·‖T‖; none repeated, so multiplicity is not why Lanczos says 4.
    let tiny = try Lesson03LanczosMultiplicity.verdict(
      Self.land("quad:1,2,3,1e-13,2e-13,3e-13,4e-13,5e-13,6e-13,7e-13:d=30:seed=1"), d: 30, rank: 10, lanczos: 4, seed: 5)
    #expect(tiny.lines[1].hasPrefix("✓"), "Lanczos must report 4 here for the case to test the reason: \(tiny.lines)")
    #expect(!tiny.passed && tiny.lines[2].hasPrefix("✗"), "\(tiny.lines)")
  }

  @Test("Lesson 8: the read-out misses a weak curvature (passes), or misses because a quartic term steers selection (rejected)")
  func lesson8() async throws {
    let weak = try await Lesson08DegenerateReadout.verdict(
      Self.land("quad:2,2,0.002:d=16:seed=3"), d: 16, rank: 3, kept: 64, population: 100, seed: 8)
    #expect(weak.passed, "\(weak.lines)")
    // x2's 10⁶·x2⁴ decides almost every ranking, so x0 and x1 (curvature 2, like x2) keep variance
    // ≈ σ² and are missed; their quadratic model (three equal curvatures) is read correctly.
    let steered = try await Lesson08DegenerateReadout.verdict(
      Self.land("poly:x0^2+x1^2+x2^2+1000000*x2^4:d=16"), d: 16, rank: 3, kept: 64, population: 100, seed: 8)
    #expect(steered.lines[1].hasPrefix("✓"), "the read-out must miss here for the case to test the reason: \(steered.lines)")
    #expect(!steered.passed && steered.lines[2].hasPrefix("✗"), "\(steered.lines)")
  }

  @Test("Lesson 9: the read-out exceeds r by higher-order curvature (passes), by sampling noise (rejected)")
  func lesson9() async throws {
    let quartic = try await Lesson09NonQuadraticSelection.verdict(
      Self.land("poly:x0^2+x1^4+x2^4+x3^4"), rank: 1, population: 10, kept: 400, seed: 9)
    #expect(quartic.passed, "\(quartic.lines)")
    // A quadratic of rank 1 in d = 20 whose null block's smallest eigenvalue dips below
    // τ = (1 − √(d/n))² with this seed: an over-count by noise, which its model repeats.
    let noisy = try await Lesson09NonQuadraticSelection.verdict(
      Self.land("quad:1:d=20"), rank: 1, population: 10, kept: 400, seed: Self.lesson9NoiseSeed)
    #expect(noisy.lines[1].hasPrefix("✓"), "the read-out must over-count here for the case to test the reason: \(noisy.lines)")
    #expect(!noisy.passed && noisy.lines[2].hasPrefix("✗"), "\(noisy.lines)")
  }

  /// A selection seed with which the read-out of `quad:1:d=20` (λ_ES = 10, n = 400) over-counts.
  static let lesson9NoiseSeed: UInt64 = 23

  @Test("Lesson 12: the read-out is expensive by a weak curvature (passes), or because a quartic term steers selection (rejected)")
  func lesson12() async throws {
    let weak = try await Lesson12WhichRoute.verdict(Self.land("quad:1,1,1,1e-8:d=12:seed=2"), d: 12, rank: 4, population: 100, seed: 12)
    #expect(weak.passed, "\(weak.lines)")
    let steered = try await Lesson12WhichRoute.verdict(
      Self.land("poly:x0^2+x1^2+x2^2+x3^2+1000000000000*x0^4:d=12"), d: 12, rank: 4, population: 100, seed: 12)
    #expect(steered.lines[3].hasPrefix("✓"), "the cost must exceed 10⁶ here for the case to test the reason: \(steered.lines)")
    #expect(!steered.passed && steered.lines[4].hasPrefix("✗"), "\(steered.lines)")
  }

  @Test("Lesson 12: the planned cost is bounded in words, never an absurd or non-finite n")
  func lesson12Cost() {
    #expect(Lesson12WhichRoute.plannedEvaluations(dimension: 12, cmax: 1.2, population: 100) == nil)
    #expect(Lesson12WhichRoute.plannedEvaluations(dimension: 12, cmax: .nan, population: 100) == nil)
    #expect(Lesson12WhichRoute.costText(nil, population: 100).hasPrefix("not reachable"))
    let huge = Lesson12WhichRoute.plannedEvaluations(dimension: 12, cmax: 1 - 1e-15, population: 100)
    #expect(Lesson12WhichRoute.costText(huge, population: 100).hasPrefix("more than 10¹²"))
    // c_max = 0.25 (exact in binary): n = 2.5·12/(1 − 0.5)² = 120 kept points, 12,000 loss evaluations.
    let e = Lesson12WhichRoute.plannedEvaluations(dimension: 12, cmax: 0.25, population: 100)
    #expect(e == 12_000)
    #expect(Lesson12WhichRoute.costText(e, population: 100) == "120 kept points = 12000 loss evaluations")
  }
}
