import Foundation

/// Lesson 16: reading a paper's claim. The three claims of the thread that started the project,
/// each tested live on a small landscape and graded true, false or true with conditions — a
/// grading the learner predicts before the evidence: (1) the (1,λ) kept-point covariance
/// converges to H⁻¹ (true with conditions: only in shape, C ≈ σ²κH⁻¹ with κ → 0, at large λ_ES,
/// H ≻ 0; theory §4.2, §4.3); (2) its rank bounds λ_LLC (true with conditions: read as the
/// eigenvalues clearly below σ², on a quadratic minimum; an over-counting read-out breaks the
/// lower bound, x⁴; theory §4.4, §4.6, §5.2); (3) about d/2 samples suffice (false: n > d is
/// needed even in principle; theory §4.5).
public struct Lesson16ReadingAClaim: LessonProgram {
  /// The lesson's position in the course, 16 (folder `16-reading-a-claim`).
  public let number = 16
  /// The topic id `reading-a-claim`, matching the manifest entry and the folder.
  public let id = "reading-a-claim"

  /// Claim 1's positive-definite quadratic (d = 2, condition 10).
  public var fullRank = "quad:1,10:d=2"
  /// Claim 1's population sizes λ_ES.
  public var populations = [10, 100, 1000]
  /// Claim 1's kept points per λ_ES.
  public var kept = 600
  /// Claim 1's selection (a test injects (μ,λ) truncation, which does not follow κ).
  public var scheme = SelectionScheme.best
  /// Claims 2 and 3: a rank-deficient quadratic (d = 20, rank 5).
  public var quadratic = "quad-rank-deficient"
  /// Claims 2 and 3: λ_ES of the read-out on ``quadratic``.
  public var population = 100
  /// Claims 2 and 3: the kept points of the read-out that works (n > d).
  public var enough = 400
  /// Claim 2: a minimum whose Hessian is 0 but which selection sees as curved (x⁴).
  public var quartic = "nc-x4"
  /// Claim 3: the kept points the claim offers (`nil`: d/2).
  public var fewKept: Int? = nil

  /// The lesson with its default parameters, as ``LessonCatalog`` runs it.
  public init() {}

  /// The three gradings, in the order the predictions offer them.
  static let gradings = ["true", "false", "true with conditions"]

  /// Runs the three claims' experiments; seeds derive from `seed`.
  ///
  /// - Throws: ``InputError`` when an injected parameter is invalid; otherwise the errors of the
  ///   numerical routines it calls.
  public func run(seed: UInt64) async throws -> LessonRun {
    var r = LessonRun()
    try await claim1(&r, seed: SeededGenerator.childSeed(root: seed, index: 1))
    let quad = try await claim2(&r, seed: SeededGenerator.childSeed(root: seed, index: 2))
    try await claim3(&r, quad: quad, seed: SeededGenerator.childSeed(root: seed, index: 3))
    return r
  }

  /// (vᵢᵀCvᵢ)·hᵢ along H's eigenvectors, largest hᵢ first: all 1 if C = H⁻¹, all κ if C = κH⁻¹.
  static func scaledVariances(_ c: Matrix, _ eig: SymmetricEigendecomposition) -> [Double] {
    let d = c.rows
    return (0..<d).reversed().map { k in
      var v = 0.0
      for i in 0..<d { for j in 0..<d { v += eig.vectors[i, k] * c[i, j] * eig.vectors[j, k] } }
      return v * eig.values[k]
    }
  }

  /// Claim 1 on ``fullRank``: C·H along H's eigenvectors against 1 (C = H⁻¹) and κ(λ_ES, d).
  /// Cost: ``kept``·Σ λ_ES loss evaluations.
  func claim1(_ r: inout LessonRun, seed: UInt64) async throws {
    let land = try LessonSupport.landscape(fullRank)
    let eig = try SymmetricEigen.decomposition(of: try land.denseHessian(at: land.minimum))
    r.show("claim1-setup", [
      "\(land.name): d = \(land.dimension), H ≻ 0 with eigenvalues " + eig.values.map(LessonFormat.number).joined(separator: ", ")
        + "; σ = 1, \(kept) kept points per λ_ES",
      "if C → H⁻¹, then vᵀCv·h = 1 along each eigenvector v (eigenvalue h) of H",
    ])
    var rows: [[String]] = []
    var measured: [(kappa: Double, values: [Double])] = []
    for (k, lambda) in populations.enumerated() {
      let s = try await LessonSupport.selection(
        land, population: lambda, sigma: 1, kept: kept, seed: SeededGenerator.childSeed(root: seed, index: UInt64(k)), scheme: scheme)
      let v = Self.scaledVariances(s.covariance, eig)
      let kappa = KappaConstant.asymptotic(lambda: Double(lambda), dimension: land.dimension,
        geometricMeanEigenvalue: exp(eig.values.map(log).reduce(0, +) / Double(land.dimension)))
      measured.append((kappa, v))
      rows.append(["\(lambda)"] + v.map(LessonFormat.short) + [LessonFormat.short(kappa), LessonFormat.short((v.max() ?? 0) / (v.min() ?? 1))])
    }
    // Proportional within 15%: the relative standard error of a variance from n = 600 points is
    // √(2/n) = 5.8%, so ±15% is 2.6 SE (two-sided false-failure probability ≈ 1% per entry).
    let near = { (x: Double, y: Double) in abs(x / y - 1) <= 0.15 }
    let inverse = measured.allSatisfy { m in m.values.allSatisfy { near($0, 1) } }
    let large = measured.dropFirst()
    let shape = !large.isEmpty && large.allSatisfy { m in m.values.allSatisfy { near($0, m.kappa) } && m.kappa < 0.5 }
    r.predict(
      "claim1", question: "Claim 1: \"keep the best of each batch of Gaussian samples around the minimum; their covariance converges to the inverse Hessian.\" Grade it.",
      choices: Self.gradings, answer: inverse ? 0 : (shape ? 2 : 1),
      reveal: "C converges to σ²κ(λ_ES, d)·H⁻¹: the shape of H⁻¹, scaled by κ → 0 like λ_ES^(−2/d). The conditions: only proportionally, only for large λ_ES (the directions disagree at λ_ES = 10), and only for H ≻ 0 (theory §4.2, §4.3).")
    r.show("claim1", LessonFormat.table(["λ_ES", "vᵀCv·h (h max)", "vᵀCv·h (h min)", "κ(λ_ES, d)", "max/min"], rows)
      + ["C = H⁻¹ would put 1 in both columns; C ∝ H⁻¹ puts the same number in both"])
    r.check(
      "claim1-shape-not-inverse", shape && !inverse && (measured.first.map { ($0.values.max() ?? 0) / ($0.values.min() ?? 1) > 1.15 } ?? false),
      rows.map { "λ_ES = \($0[0]): \($0[1]), \($0[2]) (κ = \($0[3]))" }.joined(separator: "; "))
  }
}
