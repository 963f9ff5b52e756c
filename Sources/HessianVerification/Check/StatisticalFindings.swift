import Foundation

/// The sentences of a ``CheckJudgement``: what was tested, at which α and threshold, and what the
/// errors say about the stated standard errors.
enum StatisticalFindings {
  static func f(_ x: Double) -> String { String(format: "%.4g", x) }

  /// The z-test's statement and verdict.
  static func zTest(
    test: CheckTest, known: KnownQuantity, alpha: Double, criticalZ zc: Double, comparisons k: Int, largestAbsoluteZ z: Double,
    passed: Bool
  ) -> [String] {
    var out: [String] = []
    if k > 1 {
      out.append("\(k) comparisons: each is tested at α/k = \(f(alpha / Double(k))) (Bonferroni), so the whole check fails a correct estimator with an honest SE with probability at most α = \(f(alpha))")
    }
    if test == .boundsZTest, let b = known.bounds {
      out.append("λ is known only to lie in [\(b.lowerExact), \(b.upperExact)]: z is the distance outside that interval over the SE (0 inside), a conservative test")
    }
    let level = k > 1 ? "z_{1−α/(2k)}" : "z_{1−α/2}"
    out.append(
      passed
        ? "pass: max |z| = \(f(z)) ≤ \(level) = \(f(zc)) at false-failure probability α = \(f(alpha))"
        : "fail: max |z| = \(f(z)) > \(level) = \(f(zc)) at false-failure probability α = \(f(alpha)); a correct estimate with an honest SE fails this way with probability at most α")
    return out
  }

  /// The sentence on the SE's plausibility.
  static func standardError(
    _ assessment: StandardErrorAssessment, known: KnownQuantity, standardErrors: [Double], largestAbsoluteZ z: Double, criticalZ zc: Double
  ) -> [String] {
    switch assessment {
    case .plausible: return ["the stated SE is plausible: the largest error is \(f(z)) SEs, within the threshold \(f(zc))"]
    case .strained:
      return ["the error is \(f(z))× the stated SE, beyond the threshold \(f(zc)): a real bias, or an SE somewhat under-reported"]
    case .implausible:
      return ["the error is \(f(z))× the stated SE: the estimator is biased, or the SE is under-reported"]
    case .uninformative:
      let se = f(standardErrors.max() ?? 0)
      if let b = known.bounds, known.isBoundsOnly {
        return ["uninformative: the stated SE \(se) is at least the width \(f(b.width)) of the whole bound interval [\(b.lowerExact), \(b.upperExact)], so the check cannot tell a good estimate from a bad one"]
      }
      return ["uninformative: the stated SE \(se) is at least the true value itself, so the check cannot tell a good estimate from a bad one"]
    }
  }

  /// The statement of a check made without a standard error.
  static func withoutStandardError(
    test: CheckTest, known: KnownQuantity, estimate: Double?, tolerance: Double?, relativeTolerance tau: Double,
    defaultTolerance: Bool, precision: Precision, verdict: CheckVerdict
  ) -> [String] {
    let outcome = verdict == .pass ? "pass" : "fail"
    switch test {
    case .exactMatch:
      return ["\(outcome): a rank is a whole number, judged by exact match (no statistics, no standard error needed)"]
    case .boundsContainment:
      let b = known.bounds.map { "[\($0.lowerExact), \($0.upperExact)]" } ?? "its bounds"
      return ["\(outcome): λ is known only to lie in \(b); without a standard error the estimate is taken as exact: inside passes, outside fails (give a standard error for a statistical verdict)"]
    case .tolerance:
      let origin = defaultTolerance ? "√ε of the landscape's \(precision.rawValue) precision" : "as given"
      return ["\(outcome): no standard error, so each eigenvalue must be within τ·max|h| = \(f(tolerance ?? 0)) of the known one (τ = \(f(tau)), \(origin))"]
    case .none:
      var out = ["no statistical verdict is possible without a standard error: the error is reported, not judged (give the estimate's standard error)"]
      if let b = known.bounds, let x = estimate {
        let inside = b.distance(to: x) == 0
        out.append("the estimate lies \(inside ? "inside" : "outside") the rank bounds [\(b.lowerExact), \(b.upperExact)], which every λ satisfies")
      }
      return out
    case .zTest, .boundsZTest:
      return []
    }
  }
}
