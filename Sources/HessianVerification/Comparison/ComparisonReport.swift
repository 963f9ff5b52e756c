import Foundation

extension LandscapeComparison {
  /// The verdict with the timed conversion, printed beside the headline verdict: the timed
  /// number of loss evaluations per HVP is stated, and that the line varies between runs.
  public var timingVerdictLine: String {
    let body = timingVerdict.hasPrefix("verdict: ") ? String(timingVerdict.dropFirst("verdict: ".count)) : timingVerdict
    return String(
      format: "timed verdict (1 HVP took as long as %.3g loss evaluations on this landscape, this run; varies between runs): ",
      timingLossEvaluationsPerHVP) + body
  }

  /// The human report: header, one table row per method, the budget history
  /// (how often each method was wrong at lower budgets), notes and the verdict.
  /// The last two lines are the headline verdict (with ``lossEvaluationsPerHVP``) and the same
  /// verdict with the timed conversion (``timingVerdictLine``).
  public var reportLines: [String] {
    func g(_ x: Double) -> String { String(format: "%.3g", x) }
    func pad(_ s: String, _ n: Int) -> String { s.padding(toLength: max(n, s.count), withPad: " ", startingAt: 0) }
    let (rankName, target) = oracle == nil ? ("exact rank", "P(exact rank)") : ("reference rank", "P(agree with the reference rank)")
    var lines = (oracle?.lines ?? []) + [
      "\(landscape): d = \(dimension), \(rankName) \(exactRank) [\(rankSource)]",
      "target: \(target) ≥ \(confidence); \(seedsPerLevel) seeds per budget, at most \(max(allowedFailures, 0)) wrong; seeds: \(seedSource)",
      "common unit: loss evaluations; \(conversionNote)",
    ] + (errorModels.map { [$0.line] } ?? []) + [
      pad("method", 12) + pad("reached", 9) + pad("budget", 10) + pad("HVPs/run", 11) + pad("losses/run", 12)
        + pad("loss-equiv", 12) + "s/run",
    ]
    for m in methods {
      let budget = m.reachedBudget.map(String.init) ?? (m.levels.isEmpty ? "—" : ">\(m.budgetCap)")
      lines.append(
        pad(m.method.rawValue, 12) + pad(m.levels.isEmpty ? "skipped" : (m.reachedConfidence ? "yes" : "NO"), 9)
          + pad(budget, 10) + pad(g(m.hessianVectorProductsPerRun), 11) + pad(g(m.lossEvaluationsPerRun), 12)
          + pad(g(m.lossEvaluationEquivalents), 12) + String(format: "%.2g", m.secondsPerRun))
    }
    lines.append("budget history (budget: wrong/seeds run; ranks seen):")
    for m in methods where !m.levels.isEmpty {
      let h = m.levels.map { "\($0.budget): \($0.wrong)/\($0.seedsRun) [\($0.ranksSeen)]" }.joined(separator: ", ")
      lines.append("  \(m.method.rawValue) (\(m.budgetName)): \(h)")
    }
    for m in methods {
      if let note = m.capNote { lines.append("  \(m.method.rawValue): \(note)") }
    }
    lines.append("confidence: \(confidenceNote)")
    lines.append(verdict)
    lines.append(timingVerdictLine)
    return lines
  }
}
