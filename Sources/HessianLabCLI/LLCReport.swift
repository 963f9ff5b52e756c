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
    // SGLD only (volume: 0, null, null).
    var hessianVectorProducts = 0
    var mixing: Mixing? = nil
    var multiplicityShortfall: Double? = nil

    /// SGLD's chain diagnostics (``ChainConvergence``) of the kept draws of nβ(L − L*).
    struct Mixing: Codable {
      var rHat: Double?
      var effectiveSampleSize: Double
      var draws: Int
      var drift: Double
      var driftStandardError: Double?
      var converged: Bool

      init(_ c: ChainConvergence) {
        rHat = c.rHat.isFinite ? c.rHat : nil
        effectiveSampleSize = c.effectiveSampleSize
        draws = c.draws
        drift = c.drift
        driftStandardError = c.driftStandardError
        converged = c.converged
      }

      // Every key present (nil as null).
      func encode(to encoder: any Encoder) throws {
        var k = encoder.container(keyedBy: CodingKeys.self)
        try k.encode(rHat, forKey: .rHat)
        try k.encode(effectiveSampleSize, forKey: .effectiveSampleSize)
        try k.encode(draws, forKey: .draws)
        try k.encode(drift, forKey: .drift)
        try k.encode(driftStandardError, forKey: .driftStandardError)
        try k.encode(converged, forKey: .converged)
      }
    }

    // Every key present (nil as null).
    func encode(to encoder: any Encoder) throws {
      var k = encoder.container(keyedBy: CodingKeys.self)
      try k.encode(value, forKey: .value)
      try k.encode(standardError, forKey: .standardError)
      try k.encode(lossEvaluations, forKey: .lossEvaluations)
      try k.encode(gradientEvaluations, forKey: .gradientEvaluations)
      try k.encode(details, forKey: .details)
      try k.encode(systematicError, forKey: .systematicError)
      try k.encode(hessianVectorProducts, forKey: .hessianVectorProducts)
      try k.encode(mixing, forKey: .mixing)
      try k.encode(multiplicityShortfall, forKey: .multiplicityShortfall)
    }

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
      hessianVectorProducts = s.hessianVectorProducts
      mixing = s.convergence.map(Mixing.init)
      multiplicityShortfall = s.expectedMultiplicityShortfall
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
  /// Whom `exact` and `multiplicity` describe (``AnswerScope``): `landscape`, or `hessianQuadratic`
  /// for a `.npy` Hessian (the quadratic ½wᵀHw, not the model H came from).
  var exactScope: AnswerScope
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
    try c.encode(exactScope, forKey: .exactScope)
    try c.encode(multiplicity, forKey: .multiplicity)
    try c.encode(estimates, forKey: .estimates)
    try c.encode(seed, forKey: .seed)
    try c.encode(warnings, forKey: .warnings)
  }

  func humanText(volume: VolumeScalingEstimate?, sgld: SGLDEstimate?) -> String {
    var lines = [
      "\(landscape): d = \(dimension), Hessian rank r = \(hessianRank) (\(rankSource))",
      "bounds r/2 ≤ λ ≤ r/2 + (d−r)/4: \(boundsText)  (\(assumption))",
      "exact λ = \(exactText ?? "unknown")\(multiplicity.map { ", m = \($0)" } ?? "")\(exactScope.phrase.map { " " + $0 } ?? "")  [\(exactProvenance): \(exactSource)]",
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
          format: "        fit window ε ∈ [%.3g, %.3g], %d runs × %d particles, %d loss + %d gradient evaluations",
          v.epsilonMin, v.epsilonMax, v.replicates, v.particles, v.lossEvaluations, v.gradientEvaluations)
          + " (\(v.plainMonteCarloPhrase))")
    }
    if let s = sgld {
      lines.append("sgld    λ̂ = \(fmt4(s.value)) ± \(fmt4(s.standardError))  (\(Entry(s).details))")
      if let c = s.convergence {
        let rHat = c.rHat.isFinite ? String(format: "%.3f", c.rHat) : "∞"
        let se = c.driftStandardError.map { String(format: "%.4f", $0) } ?? "—"
        let counts = String(
          format: " (≤ %.2f wanted), bulk ESS %.0f of %d kept draws, drift between halves %+.4f ± ",
          ChainConvergence.rHatThreshold, c.effectiveSampleSize, c.draws, c.drift)
        lines.append("        chains: R̂ = \(rHat)\(counts)\(se): \(c.converged ? "converged" : "NOT converged (see warnings)")")
      }
      if let m = s.multiplicity, m > 1, let f = s.expectedMultiplicityShortfall {
        lines.append(
          String(format: "        multiplicity m = %d: expected shortfall (m − 1)/log(nβ) = %.4f", m, f)
            + (exact.map { String(format: ", so λ̂ ≈ λ − %.4f = %.4f to leading order (docs/theory.md §6.3)", f, $0 - f) } ?? " (docs/theory.md §6.3)"))
      }
      lines.append(
        "        \(s.gradientEvaluations) gradient + \(s.lossEvaluations) loss evaluations + \(s.hessianVectorProducts) \(s.hessianVectorProducts == 1 ? "HVP" : "HVPs"); nβ(L − L*) per chain:")
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
