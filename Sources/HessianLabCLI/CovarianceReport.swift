import Foundation
import HessianLab

/// JSON encoding shared by `covariance` and `reproduce covariance-hessian`.
enum CovarianceJSON {
  static func encode<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    // Non-finite metrics (a spread of ∞) are written as strings rather than failing.
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }
}

/// The result of `covariance`, as printed with `--json`. Every key is always
/// present; unknown values are `null`.
struct CovarianceReport: Encodable {
  var landscape: String
  var dimension: Int
  var selection: String
  var population: Int
  var kept: Int
  var sigma: Double
  var estimate: String
  var rank: Int
  var threshold: Double
  var largestCounted: Double?
  var smallestUncounted: Double?
  var gapRatio: Double?
  var eigenvalues: [Double]
  var lossEvaluations: Int
  var samplingLossEvaluations: Int
  var relation: CovarianceHessianRelation?
  var prediction: CovarianceHessianRelation.ScalePrediction?
  var knownRank: Int?
  var sigmaScaling: SigmaScalingDiagnostic?
  var warnings: [String]
  var seed: UInt64
  var seconds: Double

  enum Keys: String, CodingKey {
    case schemaVersion
    case landscape, dimension, selection, population, kept, sigma, estimate, rank, threshold
    case largestCounted, smallestUncounted, gapRatio, eigenvalues, lossEvaluations, samplingLossEvaluations
    case relativeError, spread, measureID, measureCE, fittedScale, predictedScale, knownRank
    case asymptoticScale, asymptoticScaleRelativeError, asymptoticScaleErrorScale
    case sigmaScalingSlope, sigmaScalingSlopeStandardError, sigmaScalingSigmas, sigmaScalingMeanLosses
    case warnings, seed, seconds
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Keys.self)
    try c.encode(JSONSchemaVersion.current, forKey: .schemaVersion)
    try c.encode(landscape, forKey: .landscape)
    try c.encode(dimension, forKey: .dimension)
    try c.encode(selection, forKey: .selection)
    try c.encode(population, forKey: .population)
    try c.encode(kept, forKey: .kept)
    try c.encode(sigma, forKey: .sigma)
    try c.encode(estimate, forKey: .estimate)
    try c.encode(rank, forKey: .rank)
    try c.encode(threshold, forKey: .threshold)
    try c.encode(largestCounted, forKey: .largestCounted)
    try c.encode(smallestUncounted, forKey: .smallestUncounted)
    try c.encode(gapRatio, forKey: .gapRatio)
    try c.encode(eigenvalues, forKey: .eigenvalues)
    try c.encode(lossEvaluations, forKey: .lossEvaluations)
    try c.encode(samplingLossEvaluations, forKey: .samplingLossEvaluations)
    try c.encode(relation?.relativeError, forKey: .relativeError)
    try c.encode(relation?.spread, forKey: .spread)
    try c.encode(relation?.measureID, forKey: .measureID)
    try c.encode(relation?.measureCE, forKey: .measureCE)
    try c.encode(relation?.fittedScale, forKey: .fittedScale)
    try c.encode(prediction?.finite, forKey: .predictedScale)
    try c.encode(prediction?.asymptotic, forKey: .asymptoticScale)
    try c.encode(prediction?.asymptoticRelativeError, forKey: .asymptoticScaleRelativeError)
    try c.encode(prediction?.asymptoticErrorScale, forKey: .asymptoticScaleErrorScale)
    try c.encode(knownRank, forKey: .knownRank)
    try c.encode(sigmaScaling?.slope, forKey: .sigmaScalingSlope)
    try c.encode(sigmaScaling?.slopeStandardError, forKey: .sigmaScalingSlopeStandardError)
    try c.encode(sigmaScaling?.sigmas, forKey: .sigmaScalingSigmas)
    try c.encode(sigmaScaling?.meanExcessLosses, forKey: .sigmaScalingMeanLosses)
    try c.encode(warnings, forKey: .warnings)
    try c.encode(seed, forKey: .seed)
    try c.encode(seconds, forKey: .seconds)
  }

  /// The prediction beside the fitted scale: the finite-λ value where it is computed, and the
  /// λ → ∞ asymptote labelled as such, with how far it is off (or may be off) at this λ.
  static func predictionText(_ p: CovarianceHessianRelation.ScalePrediction?, population: Int) -> String {
    let g: (Double) -> String = { String(format: "%.4g", $0) }
    guard let p else { return "(no prediction for this selection scheme)" }
    let asymptote = "λ → ∞ asymptote κ = \(g(p.asymptotic))"
    if let finite = p.finite, let err = p.asymptoticRelativeError {
      return "predicted at λ = \(population): \(g(finite)) (exact expectation for the quadratic with this Hessian)   "
        + asymptote + String(format: " (%+.0f%% at this λ)", 100 * err)
    }
    return asymptote + " (not the value at λ = \(population): expected error up to " + errorText(p.asymptoticErrorScale) + ")"
  }

  /// A relative error e as "about 35%" below 1, "a factor of about 1 + e" above.
  static func errorText(_ e: Double) -> String {
    e < 1 ? String(format: "about %.0f%%", 100 * e) : String(format: "a factor of about %.3g", 1 + e)
  }

  func humanText() -> String {
    let g: (Double) -> String = { String(format: "%.4g", $0) }
    let og: (Double?) -> String = { $0.map(g) ?? "—" }
    var lines = [
      "\(landscape) (d = \(dimension)): \(selection), λ = \(population), σ = \(g(sigma)), n = \(kept) kept points, seed \(seed)",
      "loss evaluations: \(lossEvaluations) (sampling \(samplingLossEvaluations), σ-scaling diagnostic \(lossEvaluations - samplingLossEvaluations))",
      "estimate: \(estimate)",
      "rank read-out: \(rank)   (eigenvalues below τ = σ²(1 − √(d/n))² = \(g(threshold)))"
        + (knownRank.map { "   known rank(H) = \($0)" } ?? ""),
      "  largest counted \(og(largestCounted)), smallest uncounted \(og(smallestUncounted)), gap ratio \(og(gapRatio))",
    ]
    let shown = eigenvalues.count <= 20 ? eigenvalues : Array(eigenvalues.prefix(10)) + Array(eigenvalues.suffix(10))
    lines.append(
      (eigenvalues.count <= 20 ? "eigenvalues of C (ascending): " : "smallest and largest 10 eigenvalues of C: ")
        + shown.map(g).joined(separator: " "))
    if let r = relation {
      lines.append(
        "relation to H (on its range, r = \(r.rangeDimension)): relative error \(g(r.relativeError)), "
          + "spread \(g(r.spread)), measureID \(g(r.measureID)), measureCE \(g(r.measureCE))")
      lines.append("fitted scale c/σ² = \(g(r.fittedScale))   " + Self.predictionText(prediction, population: population))
    }
    if let s = sigmaScaling {
      lines.append(
        "σ-scaling: log E[L(winner) − L(w*)] vs log σ over σ = \(s.sigmas.map(g).joined(separator: ", ")): "
          + "slope \(String(format: "%.3f", s.slope)) ± \(String(format: "%.3f", s.slopeStandardError)) (2 for a quadratic)")
    }
    lines += warnings.map { "warning: \($0)" }
    lines.append("seconds: \(String(format: "%.2f", seconds))")
    return lines.joined(separator: "\n")
  }
}

/// The result of `covariance --plan`.
struct PlanReport: Encodable {
  var plan: ReadoutPlan
  var seed: UInt64
  var seconds: Double

  enum Keys: String, CodingKey {
    case schemaVersion
    case pilotKept, pilotLossEvaluations, pilotRank, largestRangeVariance, recommendedKept
    case recommendedLossEvaluations, resolvableVarianceRatio, lossEvaluations, warnings, seed, seconds
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Keys.self)
    try c.encode(JSONSchemaVersion.current, forKey: .schemaVersion)
    try c.encode(plan.pilotKept, forKey: .pilotKept)
    try c.encode(plan.pilotLossEvaluations, forKey: .pilotLossEvaluations)
    try c.encode(plan.pilotLossEvaluations, forKey: .lossEvaluations)
    try c.encode(plan.pilotRank, forKey: .pilotRank)
    try c.encode(plan.largestRangeVariance, forKey: .largestRangeVariance)
    try c.encode(plan.recommendedKept, forKey: .recommendedKept)
    try c.encode(plan.recommendedLossEvaluations, forKey: .recommendedLossEvaluations)
    try c.encode(plan.resolvableVarianceRatio, forKey: .resolvableVarianceRatio)
    try c.encode(plan.warnings, forKey: .warnings)
    try c.encode(seed, forKey: .seed)
    try c.encode(seconds, forKey: .seconds)
  }
}
