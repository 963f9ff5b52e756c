import Foundation

extension RobustnessReproductionReport {
  /// The human report: per landscape a table of scenarios × routes, then the answer.
  public func humanText() -> String {
    let r = result
    var lines = [
      "reproduce robustness: the budget each route needs for the exact rank with P ≥ \(r.confidence) under each error model",
      "(\(r.seedsPerLevel) seeds per budget, the same seeds in every scenario; HVP route = the cheaper of lanczos and block;",
      " covariance route = (1,λ) selection, λ = 100, σ = 1, kept points up to \(r.keptCapFactor)d; cost in loss evaluations, 1 HVP = 10)",
      "scenarios:",
    ]
    for s in r.scenarios { lines.append("  \(s.rawValue.padding(toLength: 24, withPad: " ", startingAt: 0))\(s.summary)") }
    for facts in r.landscapes {
      lines.append("")
      lines.append("\(facts.landscape): d = \(facts.dimension), exact rank \(facts.exactRank) [\(facts.rankSource)]")
      lines.append(row("scenario", "HVP route", "covariance route"))
      for cell in r.cells where cell.landscape == facts.landscape {
        lines.append(row(cell.scenario.rawValue, Self.describe(cell.hvpRoute), Self.describe(cell.covarianceRoute)))
      }
    }
    lines.append("")
    lines.append("answer: " + summary.answer)
    lines += svgFiles.map { "wrote \($0)" }
    lines.append("seed \(r.seed.map(String.init) ?? "SeedTable (committed)"), \(String(format: "%.1f", seconds)) s")
    return lines.joined(separator: "\n")
  }

  private func row(_ a: String, _ b: String, _ c: String) -> String {
    "  " + a.padding(toLength: 24, withPad: " ", startingAt: 0) + b.padding(toLength: 40, withPad: " ", startingAt: 0) + c
  }

  /// One route's cell: `block 2 → 211` (method, budget, loss-evaluation equivalents), `NOT > 1280 → 1.3e+05`, or unaffected.
  static func describe(_ route: RobustnessReproduction.RouteResult) -> String {
    let cost = String(format: "%.3g", route.lossEvaluationEquivalents)
    switch route.status {
    case .reached: return "\(route.method.rawValue) \(route.budget.map(String.init) ?? "?") → \(cost)"
    case .notReached: return "NOT REACHED (\(route.method.rawValue), cap → \(cost))"
    case .unaffected: return "unaffected (= exact)"
    }
  }
}
