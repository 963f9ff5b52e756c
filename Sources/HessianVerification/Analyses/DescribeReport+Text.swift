import Foundation

extension DescribeReport {
  /// The human report of `hessian-lab describe`: one `key  value  [provenance: source]`
  /// line per answer, the scope of λ and m when restricted, how a trained reference point was reached (steps,
  /// gradient norm against its tolerance, loss), and the rank bounds.
  public var text: String {
    var lines: [String] = []
    func line(_ key: String, _ value: String, _ origin: LandscapeReport.Origin?) {
      let tail = origin.map { "  [\($0.provenance.rawValue): \($0.source)]" } ?? ""
      lines.append("\(key.padding(toLength: 26, withPad: " ", startingAt: 0))\(value)\(tail)")
    }
    let a = answers
    line("landscape", a.name, nil)
    if let expanded { line("expanded", expanded, nil) }
    line("dimension d", String(a.dimension), nil)
    line("rank H(w*)", a.rank.map(String.init) ?? "unknown", a.origins["rank"])
    line("learning coefficient", a.learningCoefficientExact ?? "unknown", a.origins["learningCoefficient"])
    line("multiplicity m", a.multiplicity.map(String.init) ?? "unknown", a.origins["multiplicity"])
    if let phrase = a.scope.phrase { line("λ and m are", phrase, nil) }
    if let t = a.training {
      let verdict = t.converged ? "≤" : "> (NOT converged: not a minimum)"
      line("reference point", "trained: L-BFGS \(t.iterations) of \(t.steps) steps, \(t.gradientEvaluations) gradients (start: child stream \(t.initialisationStream) of the seed)", nil)
      line("gradient norm ‖∇L‖", "\(String(format: "%.3g", t.gradientNorm)) \(verdict) tolerance \(String(format: "%.3g", t.gradientTolerance))", nil)
      line("loss reached", "\(String(format: "%.3g", t.loss)) (from \(String(format: "%.3g", t.initialLoss)))", nil)
    }
    if let lo = a.lowerBoundExact, let hi = a.upperBoundExact {
      line("bounds r/2 … r/2+(d−r)/4", "[\(lo), \(hi)]", nil)
    }
    return lines.joined(separator: "\n")
  }
}
