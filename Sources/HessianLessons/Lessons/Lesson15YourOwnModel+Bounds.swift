import Foundation

extension Lesson15YourOwnModel {
  /// The LLC bounds from the oracle's rank (`llc --method bounds`), and the loss along each
  /// Hessian-flat eigenvector at distance t = 1: a valley of minima (loss stays 0) attains the
  /// lower bound r/2 (theory §5.3). Cost: d HVPs for the eigenvectors, the bounds' rank (d HVPs
  /// and the trust checks), and d − r + 1 losses.
  func boundsPart(_ r: inout LessonRun, net: TeacherNetwork, subject: AnalysisSubject, rank: RankResult, seed: UInt64) async throws {
    var lenient = subject
    lenient.trustPolicy = .warn
    var options = LLCAnalysis.Options(seed: seed)
    options.method = .bounds
    guard case let .oracle(report) = try LLCAnalysis.run(lenient, options: options), let b = report.bounds else {
      throw InputError.spec(subject.input, problem: "the llc bounds did not run")
    }
    let d = net.dimension
    r.predict(
      "upper", question: "With the rank you have just seen, what is the largest λ_LLC the bounds r/2 ≤ λ_LLC ≤ r/2 + (d − r)/4 allow here?",
      value: b.upper.doubleValue, tolerance: 1e-9,
      reveal: "Each of the d − r flat directions adds between 0 and 1/4: 0 when the loss stays at its minimum along it, 1/4 when it rises at fourth order.")
    let oracle = try oracle(subject)
    let op = subject.hessianOperator()
    var identity = Matrix(rows: d, columns: d)
    for i in 0..<d { identity[i, i] = 1 }
    let eig = try SymmetricEigen.decomposition(of: try op.apply(identity))
    let scale = eig.values.map(abs).max() ?? 0
    let flat = (0..<d).filter { abs(eig.values[$0]) <= rank.threshold }
    let weakest = (0..<d).filter { abs(eig.values[$0]) > rank.threshold }.min { abs(eig.values[$0]) < abs(eig.values[$1]) }
    var points = Matrix(rows: flat.count + 1, columns: d)
    for (row, k) in (flat + [weakest ?? 0]).enumerated() { for i in 0..<d { points[row, i] = oracle.center[i] + eig.vectors[i, k] } }
    let losses = try oracle.losses(at: points)
    let flatLoss = losses.dropLast().max() ?? 0, weakLoss = losses.last ?? 0
    // A valley: every flat direction's loss at t = 1 is below 10⁻⁶ of the weakest curved direction's
    // (½·λ_min ≈ 4.5·10⁻⁶ here); rounding of the residuals leaves ~10⁻³⁰, a quartic rise c·t⁴ ≫ 10⁻¹².
    let valley = !flat.isEmpty && flatLoss <= 1e-6 * weakLoss
    r.predict(
      "valley", question: "Step a distance 1 from w* along each of the \(flat.count) flat eigenvectors. What does the loss do?",
      choices: ["rises like t⁴: each flat direction adds 1/4, λ_LLC at the upper bound",
        "stays at its minimum: a valley of minima, λ_LLC at the lower bound r/2",
        "rises like t²: the rank was wrong"],
      answer: valley ? 1 : (flatLoss > 0.01 * weakLoss ? 2 : 0),
      reveal: "With a = 0 the dead unit's incoming weights do not change the outputs at all: every such point is an exact minimum. Morse–Bott valleys attain the lower bound (theory §5.3).")
    r.show("llc", [
      "llc --method bounds on the oracle: rank r = \(b.rank) of d = \(b.dimension): "
        + "\(b.lower) ≤ λ_LLC ≤ \(b.upper)  (\(LessonFormat.number(b.lower.doubleValue)) to \(LessonFormat.number(b.upper.doubleValue)))",
      "loss at w* + v, v a flat eigenvector: at most \(LessonFormat.short(flatLoss)) (all \(flat.count)); "
        + "along the weakest curved one: \(LessonFormat.short(weakLoss))",
      "‖H‖ = \(LessonFormat.short(scale)); the oracle carries no known λ_LLC: the bounds are what the rank gives",
    ])
    let exact = b.rank == rank.rank && b.lower.doubleValue == Double(rank.rank) / 2
      && b.upper.doubleValue == Double(rank.rank) / 2 + Double(d - rank.rank) / 4
    r.check(
      "bounds-valley", exact && valley && flat.count == d - rank.rank,
      "bounds [\(b.lower), \(b.upper)] from rank \(b.rank); flat-direction loss \(LessonFormat.short(flatLoss)) against \(LessonFormat.short(weakLoss)) "
        + "on the weakest curved direction")
  }
}
