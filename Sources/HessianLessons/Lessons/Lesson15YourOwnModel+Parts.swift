import Foundation

extension Lesson15YourOwnModel {
  /// The trust checks of the served model and of the wrapper with the doubled gradient, with
  /// the prediction of which check refuses the latter. Cost: twice the checks' (9 HVPs and 13
  /// gradients each).
  func trustPart(_ r: inout LessonRun, good: AnalysisSubject, broken: AnalysisSubject) throws {
    let kinds = OracleTrustCheck.Kind.allCases
    let mine = try OracleTrustChecks.run(try oracle(good), policy: .warn, input: good.input).checks
    let bad = try OracleTrustChecks.run(try oracle(broken), policy: .warn, input: broken.input).checks
    let caught = kinds.firstIndex { k in bad.contains { $0.kind == k && $0.outcome != .passed && $0.outcome != .skipped } }
    r.predict(
      "defect", question: "The lesson also serves the same model with its gradient doubled (a forgotten ½ or mean: a common slip when wrapping a model). Which trust check refuses it?",
      choices: ["symmetry of the HVPs", "linearity of the HVPs", "gradient consistency (HVPs against differences of the gradient)",
        "critical point (∇L(w*) = 0)", "none: the HVPs are right, so nothing notices"],
      answer: caught ?? 4,
      reveal: "Only the check that ties two capabilities together can see it: central differences of the doubled gradient give 2Hu, the HVPs Hu. ∇L(w*) = 0 doubled is still 0.")
    func cell(_ c: OracleTrustCheck?) -> String {
      guard let c, let m = c.measured else { return "skipped" }
      return "\(c.outcome == .passed ? "passed" : c.outcome.rawValue.uppercased()) \(LessonFormat.short(m))"
    }
    r.show("trust", LessonFormat.table(
      ["check", "your model", "gradient ×2", "tolerance"],
      kinds.map { k in
        let t = mine.first { $0.kind == k }
        return [k.rawValue, cell(t), cell(bad.first { $0.kind == k }), t?.tolerance.map(LessonFormat.short) ?? "—"]
      }) + ["each measured value is a relative discrepancy over 3 seeded probes; above the tolerance a command refuses to run"])
    r.check(
      "trust-checks-pass", mine.count == kinds.count && mine.allSatisfy { $0.outcome == .passed },
      mine.map { "\($0.kind.rawValue) \($0.outcome.rawValue)" }.joined(separator: ", "))
    r.check(
      "doubled-gradient-refused",
      bad.contains { $0.kind == .gradientConsistency && $0.outcome == .failed }
        && bad.filter { $0.kind != .gradientConsistency }.allSatisfy { $0.outcome == .passed },
      bad.map { "\($0.kind.rawValue) \($0.outcome.rawValue)" }.joined(separator: ", "))
  }

  /// The subject's oracle (every served model is one).
  func oracle(_ s: AnalysisSubject) throws -> any ModelOracle {
    guard let o = s.oracle else { throw InputError.spec(s.input, problem: "not an oracle") }
    return o
  }

  /// The rank through the oracle (dense: d HVPs) against JᵀJ/n formed in Swift.
  func rankPart(_ r: inout LessonRun, net: TeacherNetwork, subject: AnalysisSubject, seed: UInt64) throws -> RankResult {
    let d = net.dimension
    r.predict(
      "rank", question: "Only the teacher's live units shape the outputs. How many of the d = \(d) directions does the Hessian at w* curve (its rank)?",
      value: Double(net.constructedRank), tolerance: 0,
      reveal: "A dead unit (a = 0) makes its M + 1 incoming weights invisible to the outputs: their Jacobian columns are exactly zero, so is the Hessian on them. Its outgoing weight a still curves.")
    var lenient = subject  // the lesson ran and reported the checks itself, above
    lenient.trustPolicy = .warn
    let report = try RankAnalysis.run(lenient, options: .init(method: .dense, threshold: threshold, seed: seed))
    let res = report.result
    let reference = NumericalRank.decide(eigenvalues: try SymmetricEigen.values(of: net.denseHessian()), dimension: d, precision: .float64)
    let ascending = res.eigenvalues.sorted()
    r.show("rank", [
      "rank \(res.rank) of d = \(d) (dense, \(res.hessianVectorProducts) HVPs through the oracle)",
      "τ = max|λ|·d·ε = \(LessonFormat.short(res.threshold)); smallest counted |λ| = \(LessonFormat.short(res.smallestCounted ?? 0)); "
        + "largest uncounted |λ| = \(LessonFormat.short(res.largestUncounted ?? 0))",
      "gap ratio \(res.gapRatio.map(LessonFormat.short) ?? "—"): the counted and uncounted eigenvalues are orders of magnitude apart",
      "eigenvalues, ascending: " + ascending.map(LessonFormat.short).joined(separator: " "),
      "reference: JᵀJ/n formed in Swift from the Jacobian has rank \(reference.rank)",
    ])
    r.check(
      "rank-with-gap", res.rank == reference.rank && res.rank == net.constructedRank && (res.gapRatio ?? 0) >= 1e6,
      "rank \(res.rank) through the oracle, \(reference.rank) from JᵀJ/n, \(net.constructedRank) by construction; gap ratio "
        + (res.gapRatio.map(LessonFormat.short) ?? "none"))
    return res
  }
}
