import Foundation

extension MethodComparison {
  /// The verdict: cheapest HVP method that reached c versus the covariance route.
  static func verdictLine(
    _ outcomes: [MethodOutcome], confidence c: Double, target: ComparisonTarget = .exact
  ) -> (String, Double?, Bool, ComparedMethod.Route?) {
    let pExact = target.probability
    let hvp = outcomes.filter { $0.route == .hessianVectorProducts && $0.reachedConfidence }
      .min { $0.lossEvaluationEquivalents < $1.lossEvaluationEquivalents }
    let cov = outcomes.first { $0.method == .covariance }
    func g(_ x: Double) -> String { String(format: "%.3g", x) }
    switch (hvp, cov) {
    case let (h?, c0?) where c0.reachedConfidence:
      let hc = max(h.lossEvaluationEquivalents, 1e-12), cc = max(c0.lossEvaluationEquivalents, 1e-12)
      if hc <= cc {
        return ("verdict: the HVP route (\(h.method.rawValue), \(g(h.hessianVectorProductsPerRun)) HVPs ≈ \(g(hc)) loss evaluations) is cheaper than the covariance route (\(g(cc)) loss evaluations) by a factor \(g(cc / hc))",
          cc / hc, false, .hessianVectorProducts)
      }
      return ("verdict: the covariance route (\(g(cc)) loss evaluations) is cheaper than the HVP route (\(h.method.rawValue), ≈ \(g(hc)) loss evaluations) by a factor \(g(hc / cc))",
        hc / cc, false, .sampling)
    case let (h?, c0?):
      let hc = max(h.lossEvaluationEquivalents, 1e-12)
      let cc = c0.lossEvaluationEquivalents
      if c0.levels.isEmpty {
        return ("verdict: the HVP route (\(h.method.rawValue), ≈ \(g(hc)) loss evaluations) reached \(pExact) ≥ \(c); the covariance route was not run (\(c0.capNote ?? ""))", nil, false, .hessianVectorProducts)
      }
      return ("verdict: the HVP route (\(h.method.rawValue), \(g(h.hessianVectorProductsPerRun)) HVPs ≈ \(g(hc)) loss evaluations) is cheaper; the covariance route did not reach \(pExact) ≥ \(c) within its cap (\(g(cc)) loss evaluations per run at the cap), so by a factor of at least \(g(cc / hc))",
        cc / hc, true, .hessianVectorProducts)
    case let (h?, nil):
      return ("verdict: cheapest HVP method \(h.method.rawValue) (≈ \(g(h.lossEvaluationEquivalents)) loss evaluations); the covariance route was not compared", nil, false, nil)
    case let (nil, c0?) where c0.reachedConfidence:
      return ("verdict: only the covariance route reached \(pExact) ≥ \(c) (\(g(c0.lossEvaluationEquivalents)) loss evaluations); no HVP method did within its cap", nil, false, .sampling)
    default:
      return ("verdict: no method reached \(pExact) ≥ \(c) within its budget cap", nil, false, nil)
    }
  }
}
