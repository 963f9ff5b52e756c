import Foundation
import HessianLab

/// The result of `llc`, as printed with `--json`.
struct LLCReport: Codable {
  /// One estimate: value, standard error and its cost.
  struct Entry: Codable {
    var value: Double?
    var standardError: Double?
    /// Volume only: the systematic-error estimate from the drift of the local slope.
    var systematicError: Double?
    var lossEvaluations: Int
    var gradientEvaluations: Int
    var details: String

    init(_ v: VolumeScalingEstimate) {
      value = v.value
      standardError = v.standardError
      systematicError = v.systematicError
      lossEvaluations = v.lossEvaluations
      gradientEvaluations = v.gradientEvaluations
      details =
        String(
          format: "m = %d, ε ∈ [%.3g, %.3g], %d runs × %d particles, uncorrected slope ",
          v.multiplicity, v.epsilonMin, v.epsilonMax, v.replicates, v.particles) + fmt4(v.uncorrectedValue)
    }

    init(_ s: SGLDEstimate) {
      value = s.value
      standardError = s.standardError
      lossEvaluations = s.lossEvaluations
      gradientEvaluations = s.gradientEvaluations
      details = String(
        format: "nβ = %.4g, γ = %g, ε = %.3g, %d chains × %d steps (burn-in %d), localiser share %.3g",
        s.nBeta, s.localisation, s.stepSize, s.chains, s.steps, s.burnIn, s.localiserShare)
    }
  }

  struct Estimates: Codable {
    var volume: Entry?
    var sgld: Entry?

    // Encode absent estimates as null so both keys are always present.
    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(volume, forKey: .volume)
      try c.encode(sgld, forKey: .sgld)
    }
  }

  var landscape: String
  var dimension: Int
  var hessianRank: Int
  var rankSource: String
  var lowerBound: Double?
  var upperBound: Double?
  var boundsText: String
  var assumption: String
  var exact: Double?
  var exactText: String?
  var exactProvenance: String
  var exactSource: String
  var multiplicity: Int?
  var estimates: Estimates
  var seed: UInt64
  var warnings: [String]

  private enum VersionKey: String, CodingKey { case schemaVersion }

  /// Every key always present (nil as null), plus `schemaVersion`
  /// (`docs/schema/llc.schema.json`).
  func encode(to encoder: any Encoder) throws {
    var version = encoder.container(keyedBy: VersionKey.self)
    try version.encode(JSONSchemaVersion.current, forKey: .schemaVersion)
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(landscape, forKey: .landscape)
    try c.encode(dimension, forKey: .dimension)
    try c.encode(hessianRank, forKey: .hessianRank)
    try c.encode(rankSource, forKey: .rankSource)
    try c.encode(lowerBound, forKey: .lowerBound)
    try c.encode(upperBound, forKey: .upperBound)
    try c.encode(boundsText, forKey: .boundsText)
    try c.encode(assumption, forKey: .assumption)
    try c.encode(exact, forKey: .exact)
    try c.encode(exactText, forKey: .exactText)
    try c.encode(exactProvenance, forKey: .exactProvenance)
    try c.encode(exactSource, forKey: .exactSource)
    try c.encode(multiplicity, forKey: .multiplicity)
    try c.encode(estimates, forKey: .estimates)
    try c.encode(seed, forKey: .seed)
    try c.encode(warnings, forKey: .warnings)
  }

  func humanText(volume: VolumeScalingEstimate?, sgld: SGLDEstimate?) -> String {
    var lines = [
      "\(landscape): d = \(dimension), Hessian rank r = \(hessianRank) (\(rankSource))",
      "bounds r/2 ≤ λ ≤ r/2 + (d−r)/4: \(boundsText)  (\(assumption))",
      "exact λ = \(exactText ?? "unknown")\(multiplicity.map { ", m = \($0)" } ?? "")  [\(exactProvenance): \(exactSource)]",
    ]
    if let v = volume {
      var interval = ""
      if let r = (try? v.interval(confidence: 0.95)) ?? nil {
        interval = String(format: ", 95%% interval [%.4f, %.4f]", r.lowerBound, r.upperBound)
      }
      lines.append(
        "volume  λ̂ = \(fmt4(v.value)) ± \(fmt4(v.standardError)) (statistical) ± \(fmt4(v.systematicError)) (systematic)\(interval)  (m = \(v.multiplicity); uncorrected slope \(fmt4(v.uncorrectedValue)))")
      lines.append(
        String(
          format: "        fit window ε ∈ [%.3g, %.3g], %d runs × %d particles, %d loss + %d gradient evaluations (plain Monte Carlo would need ~%.2g)",
          v.epsilonMin, v.epsilonMax, v.replicates, v.particles, v.lossEvaluations, v.gradientEvaluations, v.plainMonteCarloEquivalent ?? .nan))
    }
    if let s = sgld {
      lines.append("sgld    λ̂ = \(fmt4(s.value)) ± \(fmt4(s.standardError))  (\(Entry(s).details))")
      lines.append("        \(s.gradientEvaluations) gradient + \(s.lossEvaluations) loss evaluations; nβ(L − L*) per chain:")
      for (c, t) in s.traces.enumerated() {
        lines.append("        " + Sparkline.line(label: String(format: "chain %2d", c), values: t))
      }
    }
    lines += warnings.map { "warning: \($0)" }
    lines.append("seed \(seed)")
    return lines.joined(separator: "\n")
  }
}

func fmt4(_ x: Double?) -> String {
  guard let x else { return "—" }
  return String(format: "%.4f", x)
}
