import Foundation
import Testing
import TestSupport

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

/// Statements the lessons once got wrong, each checked against the rendered
/// lesson (narrative + live output, as `lesson start N --non-interactive`
/// prints it) and, where a number is stated, against an independent computation.
@Suite("Lesson statements")
struct LessonStatementTests {
  /// Each lesson these tests read, played once with its seed (the plays are shared by the tests).
  static let played: Task<[Int: String], any Error> = Task {
    var out: [Int: String] = [:]
    // Unwrapped (a very wide terminal), so that each statement is on one line.
    let wide = TerminalStyle(enabled: false, width: 100_000)
    for n in [1, 4, 8, 10, 11, 12] { out[n] = try await LessonCurriculumTests.play(n, style: wide).1 }
    return out
  }

  static func text(_ n: Int) async throws -> String {
    let all = try await played.value
    return try #require(all[n])
  }

  /// The lines of `text` that contain `fragment`.
  static func lines(_ text: String, containing fragment: String) -> [String] {
    text.split(separator: "\n").map(String.init).filter { $0.contains(fragment) }
  }

  @Test("Lesson 1: 2⁻⁵² is float64's machine epsilon; the unit roundoff is 2⁻⁵³")
  func lesson1() async throws {
    let text = try await Self.text(1)
    #expect(!text.contains("is float64's unit roundoff"))
    #expect(text.contains("ε = 2⁻⁵² is float64's machine epsilon"))
    #expect(text.contains("ε/2 = 2⁻⁵³"))
    // The definitions, checked: ε is the gap from 1 to the next double; rounding to nearest
    // errs by at most ε/2 (1 + ε/2 is a tie and rounds to 1, 1 + ε/2 + tiny rounds up).
    #expect((1.0).nextUp - 1.0 == 0x1p-52)
    #expect(1.0 + 0x1p-53 == 1.0)
    #expect(1.0 + (0x1p-53 + 0x1p-105) == (1.0).nextUp)
    // The threshold the lesson prints is max|λ|·d·ε with this ε (λ_max = 16, d = 20).
    #expect(text.contains("τ = max|λ|·d·ε = \(LessonFormat.short(16 * 20 * 0x1p-52))"))
  }

  /// The float32 noise statement, recomputed: E = fl32(H) − H, ‖E‖₂ from its
  /// eigenvalues, the bound 2⁻²⁴‖H‖_F, and the largest of the 15 "zero"
  /// eigenvalues of fl32(H). Weyl: the latter ≤ ‖E‖₂ ≤ 2⁻²⁴‖H‖_F. The old text
  /// claimed "about max|λ|·2⁻²³ ≈ 1.91e-06" beside a table topping out at 2.1e-07.
  @Test("Lesson 4: float32 noise stated with its live bound; the NumPy trap is an upcast")
  func lesson4() async throws {
    let text = try await Self.text(4)
    #expect(!text.contains("max|λ|·2⁻²³ ≈"))
    #expect(text.contains("machine epsilon of the array's own dtype"))
    #expect(text.contains("The trap is an upcast"))
    let land = try LandscapeSpec.resolve("quad-rank-deficient")
    let h = try land.denseHessian(at: land.minimum)
    var h32 = h, e = h
    for k in h.elements.indices {
      h32.elements[k] = Double(Float(h.elements[k]))
      e.elements[k] = h32.elements[k] - h.elements[k]
    }
    let normE = try SymmetricEigen.values(of: e).map(abs).max() ?? 0
    let bound = 0x1p-24 * h.elements.reduce(0) { $0 + $1 * $1 }.squareRoot()
    let largestNull = try SymmetricEigen.values(of: h32).map(abs).sorted().prefix(15).max() ?? 0
    #expect(largestNull <= normE && normE <= bound, "\(largestNull) ≤ \(normE) ≤ \(bound)")
    #expect(largestNull > 1e3 * 20 * 16 * 0x1p-52, "the noise must be far above the float64 threshold")
    let reveal = try #require(Self.lines(text, containing: "Weyl").first)
    #expect(reveal.contains("2⁻²⁴‖H‖_F = \(LessonFormat.short(bound))"), "\(reveal)")
    #expect(reveal.contains("‖E‖₂ = \(LessonFormat.short(normE))"), "\(reveal)")
    #expect(reveal.contains("reach \(LessonFormat.short(largestNull))"), "\(reveal)")
  }

  /// The null block is (d − r)-dimensional, so its band has (d − r)/n; the read-out's d/n is
  /// the conservative choice. c_max is the variance along H's weakest curved eigenvector,
  /// recomputed here from the lesson's own run (seed: child 3 of the lesson seed 8,
  /// n = 1500) and compared with an independent value: NumPy, 2·10⁶ (1,100)-winners on
  /// h = (1, 2, 4, 8, 16): c_max = 0.3335 ± 0.0003. The SE of a variance of n winners is
  /// √(Var(z²)/n) with Var(z²) = 1.72·c² measured in the same simulation; 2c² bounds it,
  /// so the threshold z·c·√(2/n) (p = 10⁻⁶) is conservative. Power: the second-weakest
  /// direction's variance (0.196) or the read-out threshold τ (0.782) are far outside.
  @Test("Lesson 8: the null band has (d − r)/n, d/n is conservative; c_max is measured along H's eigenvector")
  func lesson8() async throws {
    let text = try await Self.text(8)
    #expect(!text.contains("spreads over the Marchenko–Pastur band σ²(1 ± √(d/n))²"))
    #expect(text.contains("σ²(1 ± √((d − r)/n))²"))
    #expect(text.contains("the conservative"))
    let edges = CovarianceRankReadout.nullBlockEdges(dimension: 15, kept: 1500)
    #expect(text.contains("band σ²(1 ± √((d − r)/n))² = \(LessonSupport.interval(edges.lower, edges.upper))"))

    let land = try LandscapeSpec.resolve("quad-rank-deficient")
    let run = try await LessonSupport.selection(
      land, population: 100, sigma: 1, kept: 1500, seed: SeededGenerator.childSeed(root: 8, index: 3))
    let eig = try SymmetricEigen.decomposition(of: land.denseHessian(at: land.minimum))
    let weakest = try #require((0..<20).filter { eig.values[$0] > 0.5 }.min { eig.values[$0] < eig.values[$1] })
    var cmax = 0.0
    for i in 0..<20 { for j in 0..<20 { cmax += eig.vectors[i, weakest] * run.covariance[i, j] * eig.vectors[j, weakest] } }
    #expect(text.contains("c_max = \(LessonFormat.short(cmax)) (the variance of the 1500 kept points along H's weakest curved eigenvector)"))
    let reference = 0.3335, referenceSE = 0.0003
    let z = try Distributions.twoSidedNormalQuantile(falseFailureProbability: 1e-6)
    let tolerance = z * (2 * reference * reference / 1500 + referenceSE * referenceSE).squareRoot()
    #expect(abs(cmax - reference) <= tolerance, "c_max = \(cmax), reference \(reference) ± \(tolerance)")
    #expect(abs(0.196 - reference) > tolerance && abs(0.782 - reference) > tolerance)
  }

  /// The hint said the upper bound is attained "when every Hessian-flat direction is quartic":
  /// sufficient, not necessary. (xy)² attains it with flat lines: dense Hessian rank 0, d = 2,
  /// λ = 1/2 (normal crossing, theory §5.4) = 0/2 + 2/4.
  @Test("Lesson 10: the upper-bound hint says sufficient, not necessary, and (xy)² attains the bound")
  func lesson10() async throws {
    let library = try LessonCurriculumTests.library()
    let entry = try #require(library.manifest.entry(number: 10))
    let hints = try LessonSession.program(of: entry).exercise.hints(1)
    #expect(!hints.contains { $0.contains("attained when every Hessian-flat direction is quartic") })
    // The hint no longer names (xy)², which would solve the exercise; it says quartic is one way only.
    let hint = try #require(hints.first { $0.contains("quartic") })
    #expect(hint.contains("one way, not the only one") && !hint.contains("(xy)²") && !hint.contains("nc-xy2"))
    let xy = try LandscapeSpec.resolve("nc-xy2")
    let rank = try SymmetricEigen.values(of: xy.denseHessian(at: xy.minimum)).filter { abs($0) > 1e-12 }.count
    #expect(rank == 0 && xy.dimension == 2)
    let upper = LearningCoefficientBounds(rank: rank, dimension: 2, source: .hessian).upper
    #expect(xy.knownAnswers.learningCoefficient.value == Rational(1, 2) && upper == Rational(1, 2))
    // The lesson's own table places nc-xy2 at the upper bound.
    let table = try await Self.text(10)
    let row = try #require(Self.lines(table, containing: "nc-xy2").first)
    #expect(row.contains("upper"), "\(row)")
  }

  /// The sparklines plot nβ(L − L*) (SGLDEstimate.traces), not L(w); every cost comparison
  /// says which method is cheaper. The narrative's "below 10⁻⁶ at ε = 10⁻⁸" for x² + y⁴,
  /// independently: P(K < ε) ≈ φ₂(0)·ε^{3/4}·area{x² + y⁴ < 1} = (1/2π)·10⁻⁶·4∫₀¹√(1 − y⁴)dy
  /// = 10⁻⁶·3.4962/(2π) ≈ 5.6·10⁻⁷, and the lesson's own estimate is below 10⁻⁶ too.
  @Test("Lesson 11: sparklines are labelled nβ(L − L*); plain Monte Carlo is compared honestly")
  func lesson11() async throws {
    let text = try await Self.text(11)
    let sparklines = Self.lines(text, containing: "chain ")
    #expect(sparklines.count == 2)
    #expect(sparklines.allSatisfy { $0.contains("nβ(L − L*)") && !$0.contains("L(w)") }, "\(sparklines)")
    #expect(!text.contains("(10⁻⁸ and below)"))
    var area = 0.0
    for i in 0..<100_000 { let y = (Double(i) + 0.5) / 100_000; area += (1 - y * y * y * y).squareRoot() / 100_000 }
    #expect(abs(4 * area - 3.4962) < 1e-3)
    #expect(4 * area / (2 * Double.pi) * 1e-6 < 1e-6)
    let row = try #require(Self.lines(text, containing: "1.00e-08 ").first)
    let logP = try #require(Double(row.split(separator: " ").last.map(String.init) ?? ""))
    #expect(exp(logP) < 1e-6, "\(row)")
    // Every comparison line: "splitting: N loss evaluations; plain Monte Carlo would need [only] ~M … K× more|fewer".
    let comparisons = Self.lines(text, containing: "plain Monte Carlo would need")
    #expect(comparisons.count == 2, "one for x² + y⁴, one in the exercise's verdict (nc-x2y6)")
    for line in comparisons {
      let nMatch = try #require(line.firstMatch(of: /splitting: (\d+) loss/))
      let mMatch = try #require(line.firstMatch(of: /need (?:only )?~([0-9.e+-]+) samples/))
      let n = try #require(Double(nMatch.1)), m = try #require(Double(mMatch.1))
      if m > n {
        #expect(line.contains("× more") && !line.contains("only"), "\(line)")
      } else {
        #expect(line.contains("only ~") && line.contains("× fewer"), "\(line)")
      }
    }
  }

  /// The "ratio" prediction's reference answer must be the choice whose range holds the
  /// measured ratio (the old choices graded a measured 37× as "about 10×").
  @Test("Lesson 12: the graded choice contains the measured cost ratio")
  func lesson12() async throws {
    let text = try await Self.text(12)
    let ratioLine = try #require(Self.lines(text, containing: "ratio B/A:").first)
    let ratioMatch = try #require(ratioLine.firstMatch(of: /ratio B\/A: ([0-9.e+]+)×/))
    let ratio = try #require(Double(ratioMatch.1))
    let graded = try #require(Self.lines(text, containing: "Right: ").first { $0.contains("×") && !$0.contains("cost grows") })
    // The range a choice claims: "less than a×", "between a× and b×", "more than a×", "about a×" (a factor √10 either side).
    let range: ClosedRange<Double>
    if let m = graded.firstMatch(of: /between ([0-9.]+)× and ([0-9.]+)×/) {
      range = Double(m.1)!...Double(m.2)!
    } else if let m = graded.firstMatch(of: /less than ([0-9.]+)×/) {
      range = 0...Double(m.1)!
    } else if let m = graded.firstMatch(of: /more than ([0-9.]+)×/) {
      range = Double(m.1)!...Double.infinity
    } else if let m = graded.firstMatch(of: /about ([0-9.]+)×/) {
      range = (Double(m.1)! / 10.0.squareRoot())...(Double(m.1)! * 10.0.squareRoot())
    } else {
      Issue.record("unreadable choice: \(graded)")
      return
    }
    #expect(range.contains(ratio), "measured \(ratio)×, graded \(graded)")
    #expect(Lesson12WhichRoute.ratioChoice(2.9) == 0)
    #expect(Lesson12WhichRoute.ratioChoice(3) == 1 && Lesson12WhichRoute.ratioChoice(30) == 1)
    #expect(Lesson12WhichRoute.ratioChoice(37) == 2)
    // Route C: the measured ratios C/A and C/B, and the graded "cma" choice that holds them.
    let cmaLine = try #require(Self.lines(text, containing: "ratios on quad-rank-deficient: C/A").first)
    let m = try #require(cmaLine.firstMatch(of: /C\/A ([0-9.e+]+)×, C\/B ([0-9.e+-]+)×/))
    let (overA, overB) = (try #require(Double(m.1)), try #require(Double(m.2)))
    let gradedCMA = try #require(Self.lines(text, containing: "Right: ").first { $0.contains("route") && $0.contains("within 3×") || $0.contains("between A and B") })
    let choice = Lesson12WhichRoute.cmaChoice(overHVP: overA, overSampling: overB)
    #expect(gradedCMA.contains(["close to route A", "between A and B", "close to route B"][choice]), "\(gradedCMA), C/A \(overA), C/B \(overB)")
    #expect(Lesson12WhichRoute.cmaChoice(overHVP: 3, overSampling: 0.01) == 0)
    #expect(Lesson12WhichRoute.cmaChoice(overHVP: 3.1, overSampling: 0.33) == 1)
    #expect(Lesson12WhichRoute.cmaChoice(overHVP: 70, overSampling: 0.95) == 2)
    #expect(text.contains("5, 5, 5") && text.contains("1, 1, 1"), "route C's ranks on both landscapes")
  }
}
