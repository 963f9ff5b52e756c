import Foundation

extension CheckReport {
  /// The human report: the known value and its provenance, one line per comparison, the findings.
  public var text: String {
    let f: (Double) -> String = { String(format: "%.6g", $0) }
    var out = "\(landscape) (d = \(dimension)): checking \(quantity.phrase)\n"
    if let s = selection { out += "  selection: best of λ = \(s.population) at σ = \(f(s.sigma)), centred at w*\n" }
    if known.isBoundsOnly, let b = known.bounds {
      out += "  known: \(b.lowerExact) ≤ λ ≤ \(b.upperExact) (\(known.provenance.rawValue))\n"
    } else {
      let exact = known.exact.map { $0.contains("/") ? " (= \($0))" : "" } ?? ""
      out += "  known: \(known.values.map(f).joined(separator: ", "))\(exact) (\(known.provenance.rawValue))\n"
      if quantity == .llc, let b = known.bounds { out += "  rank bounds: \(b.lowerExact) ≤ λ ≤ \(b.upperExact)\n" }
    }
    out += "  source: \(known.source)\n"
    if let caveat = known.caveat { out += "  caveat: \(caveat)\n" }
    out += "  test: \(judgement.test.rawValue)"
    if let zc = judgement.criticalZ {
      out += ", false-failure probability α = \(f(judgement.falseFailureProbability)), threshold |z| ≤ \(String(format: "%.4g", zc))"
    }
    if let t = judgement.tolerance { out += ", tolerance \(String(format: "%.3g", t))" }
    out += "\n"
    for (i, c) in judgement.comparisons.enumerated() {
      let label = judgement.comparisons.count > 1 ? "  [\(i + 1)] " : "  "
      var line = "\(label)estimate \(f(c.estimate))"
      line += c.truth.map { " vs \(f($0)): error \(f(c.error))" } ?? ": \(c.error == 0 ? "inside the bounds" : "outside the bounds by \(f(c.error))")"
      if let r = c.relativeError { line += String(format: " (%+.3g%%)", 100 * r) }
      if let se = c.standardError, let z = c.z, let p = c.pValue {
        line += ", SE \(f(se)), z = \(String(format: "%.3g", z)), p = \(String(format: "%.3g", p))"
      }
      if let passed = c.passed { line += passed ? "  ok" : "  FAIL" }
      out += line + "\n"
    }
    for finding in judgement.findings { out += "  \(finding)\n" }
    out += "verdict: \(judgement.verdict.rawValue)"
    return out
  }
}
