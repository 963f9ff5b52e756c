import Foundation

extension MethodComparison {
  /// The cheapest method of each family among `outcomes`, in the order HVP counting, (1,λ), CMA
  /// (families with no compared method are left out), and each family's cost over that of the
  /// cheapest family that reached the confidence.
  ///
  /// A family whose methods all missed c is represented by its lowest cost at a cap: every method
  /// needs more than its cost at its cap, so that minimum is a lower bound on the family's cost,
  /// and so is its ratio.
  public static func familyCosts(_ outcomes: [MethodOutcome]) -> [FamilyCost] {
    var families: [FamilyCost] = []
    for family in ComparedMethod.Route.allCases {
      let members = outcomes.filter { $0.route == family }
      guard !members.isEmpty else { continue }
      let run = members.filter { !$0.levels.isEmpty }
      let reached = run.filter(\.reachedConfidence)
      let best = (reached.isEmpty ? run : reached).min { $0.lossEvaluationEquivalents < $1.lossEvaluationEquivalents }
      families.append(
        FamilyCost(
          family: family, method: best?.method ?? members.first?.method, reachedConfidence: !reached.isEmpty,
          lossEvaluationEquivalents: best?.lossEvaluationEquivalents, hessianVectorProductsPerRun: best?.hessianVectorProductsPerRun,
          costIsLowerBound: best != nil && reached.isEmpty, ratioToCheapest: nil))
    }
    let cheapest = families.filter(\.reachedConfidence).compactMap(\.lossEvaluationEquivalents).min()
    if let c = cheapest {
      for i in families.indices {
        families[i].ratioToCheapest = families[i].lossEvaluationEquivalents.map { $0 / max(c, 1e-12) }
      }
    }
    return families
  }

  /// The verdict over families: each family's cheapest method and its cost, then the best of each
  /// against the cheapest, e.g. "verdict: HVP counting: lanczos (7 HVPs ≈ 70 loss evaluations);
  /// (1,λ): covariance (1.6e+04 loss evaluations); CMA: cma (3.1e+04 loss evaluations); best of
  /// each: HVP counting is cheapest; (1,λ) costs 229×, CMA 443× as much".
  static func familyVerdict(
    _ families: [FamilyCost], outcomes: [MethodOutcome], confidence c: Double, target: ComparisonTarget
  ) -> String {
    func g(_ x: Double) -> String { String(format: "%.3g", x) }
    let parts = families.map { f -> String in
      let name = f.family.familyName
      guard let m = f.method, let cost = f.lossEvaluationEquivalents else {
        let note = f.method.flatMap { m in outcomes.first { $0.method == m }?.capNote } ?? "no method was run"
        let why = note.hasPrefix("skipped: ") ? String(note.dropFirst("skipped: ".count)) : note
        return "\(name): not run (\(why))"
      }
      let price = f.family == .hessianVectorProducts
        ? "\(g(f.hessianVectorProductsPerRun ?? 0)) HVPs ≈ \(g(cost)) loss evaluations" : "\(g(cost)) loss evaluations"
      return f.reachedConfidence
        ? "\(name): \(m.rawValue) (\(price))"
        : "\(name): \(m.rawValue) did not reach \(target.probability) ≥ \(c) within its cap (\(price) per run at the cap)"
    }
    let cost = { (f: FamilyCost) in f.lossEvaluationEquivalents ?? .infinity }
    guard let best = families.filter(\.reachedConfidence).min(by: { cost($0) < cost($1) }) else {
      return "verdict: " + parts.joined(separator: "; ") + "; no family reached \(target.probability) ≥ \(c) within its budget cap"
    }
    let others = families.filter { $0.family != best.family && $0.ratioToCheapest != nil }.map { f in
      "\(f.family.familyName) \(f.costIsLowerBound ? "at least " : "")\(g(f.ratioToCheapest ?? 0))×"
    }
    let tail = others.isEmpty ? "" : "; " + others.joined(separator: ", ") + " as much"
    return "verdict: " + parts.joined(separator: "; ") + "; best of each: \(best.family.familyName) (\(best.method?.rawValue ?? "")) is cheapest" + tail
  }
}
