import Foundation

/// Lesson 1: the Hessian at a minimum, its eigenvalues and its rank.
///
/// Builds H of `quad-rank-deficient` (d = 20, rank 5 in a random basis) from d
/// exact HVPs, shows that every entry is nonzero while only 5 eigenvalues are,
/// that the "zero" eigenvalues are rounding noise that a threshold must
/// separate, and that x² + y⁴ has Hessian rank 1 although both directions curve.
public struct Lesson01HessianRank: LessonProgram {
  /// The lesson's position in the course, 1 (folder `01-hessian-rank`).
  public let number = 1
  /// The topic id `hessian-rank`, matching the manifest entry and the folder `01-hessian-rank`.
  public let id = "hessian-rank"
  /// The rank-deficient landscape (its known rank is the claim's reference).
  public var landscape = "quad-rank-deficient"
  /// The landscape with a quartic direction.
  public var quarticLandscape = "newton-edge"
  /// How eigenvalues are judged zero (a test injects a wrong one).
  public var policy: ThresholdPolicy = .precisionRelative

  /// The lesson with its default parameters, as ``LessonCatalog`` runs it.
  public init() {}

  /// Builds H of ``landscape`` from d exact HVPs, decides its rank with ``policy``, does the same for
  /// ``quarticLandscape``, and records the steps, the `rank` and `quartic` predictions and the three checks.
  /// `seed` is unused: every computation of this lesson is deterministic.
  ///
  /// - Throws: ``InputError`` when an injected parameter is invalid (e.g. a landscape spec that
  ///   does not resolve); otherwise the errors of the numerical routines it calls.
  public func run(seed: UInt64) async throws -> LessonRun {
    var r = LessonRun()
    let land = try LessonSupport.landscape(landscape)
    let d = land.dimension
    let h = try land.denseHessian(at: land.minimum)
    var asymmetry = 0.0, nonzeroEntries = 0
    for i in 0..<d {
      for j in 0..<d {
        asymmetry = max(asymmetry, abs(h[i, j] - h[j, i]))
        if abs(h[i, j]) > 1e-12 { nonzeroEntries += 1 }
      }
    }
    let corner = (0..<4).map { i in (0..<4).map { j in String(format: "%+.3f", h[i, j]) }.joined(separator: " ") }
    r.show("matrix", [
      "\(land.name): d = \(d), H built column by column from \(d) Hessian-vector products",
      "top-left 4×4 corner of H:",
    ] + corner.map { "  " + $0 } + [
      "nonzero entries: \(nonzeroEntries) of \(d * d); max |H − Hᵀ| = \(LessonFormat.short(asymmetry))",
    ])

    let eig = try SymmetricEigen.values(of: h)
    let decision = NumericalRank.decide(eigenvalues: eig, dimension: d, precision: land.precision, policy: policy)
    let knownRank = land.knownAnswers.rank.value
    r.predict(
      "rank", question: "Every entry of this 20×20 H is nonzero. How many of its 20 eigenvalues are nonzero?",
      choices: ["20: a dense matrix has full rank", "5", "1"],
      answer: decision.rank == d ? 0 : decision.rank == 1 ? 2 : 1,
      reveal: "The rank is a property of the spectrum, not of the entries: a random rotation fills every entry while keeping \(decision.rank) nonzero eigenvalues.")
    let bars = eig.sorted { abs($0) > abs($1) }.enumerated().map { (label: "h\($0.offset + 1)", value: abs($0.element)) }
    r.show("spectrum", ["|eigenvalues| of H, log scale from 1e-17 (┆ marks the threshold τ):"]
      + LessonFormat.logBars(bars, floor: 1e-17, marker: decision.threshold))
    let uncounted = eig.map(abs).filter { $0 <= decision.threshold }
    r.show("threshold", [
      "τ = max|λ|·d·ε = \(LessonFormat.short(decision.threshold))",
      "counted (|λ| > τ): \(decision.rank); smallest counted \(LessonFormat.short(decision.smallestCounted ?? .nan))",
      "not counted: \(uncounted.count), the largest \(LessonFormat.short(decision.largestUncounted ?? 0)) — rounding, not curvature",
      "gap ratio at τ: \(decision.gapRatio.map(LessonFormat.short) ?? "—")",
    ])

    let quartic = try LessonSupport.landscape(quarticLandscape)
    let qh = try quartic.denseHessian(at: quartic.minimum)
    let qeig = try SymmetricEigen.values(of: qh)
    let qdecision = NumericalRank.decide(
      eigenvalues: qeig, dimension: quartic.dimension, precision: quartic.precision, policy: policy)
    r.predict(
      "quartic", question: "L(x, y) = x² + y⁴ rises in both directions away from 0. What is the rank of its Hessian at 0?",
      choices: ["2", "1", "0"], answer: qdecision.rank == 2 ? 0 : qdecision.rank == 1 ? 1 : 2,
      reveal: "∂²L/∂y² = 12y² vanishes at 0: the Hessian sees only second-order curvature.")
    r.show("quartic", [
      "\(quartic.name): H at 0 = [[\(LessonFormat.number(qh[0, 0])), \(LessonFormat.number(qh[0, 1]))], [\(LessonFormat.number(qh[1, 0])), \(LessonFormat.number(qh[1, 1]))]]",
      "eigenvalues \(qeig.map(LessonFormat.number).joined(separator: ", ")) → rank \(qdecision.rank) of d = \(quartic.dimension)",
      "along y: L(0, 0.1) = \(LessonFormat.short(quartic.loss(at: [0, 0.1]))), L(0.1, 0) = \(LessonFormat.short(quartic.loss(at: [0.1, 0])))",
    ])

    r.check(
      "rank-matches-construction", decision.rank == knownRank,
      "computed rank \(decision.rank), rank by construction \(knownRank.map(String.init) ?? "unknown")")
    let gapOK = (decision.gapRatio ?? 0) >= 1e6
    r.check(
      "zeros-are-rounding", gapOK && uncounted.allSatisfy { $0 <= 1e3 * Double(d) * Double.ulpOfOne * (eig.map(abs).max() ?? 1) },
      "\(uncounted.count) uncounted |λ| ≤ \(LessonFormat.short(uncounted.max() ?? 0)), gap ratio \(decision.gapRatio.map(LessonFormat.short) ?? "—") ≥ 1e6")
    r.check(
      "quartic-invisible", qdecision.rank == quartic.knownAnswers.rank.value && qdecision.rank < quartic.dimension,
      "x² + y⁴: Hessian rank \(qdecision.rank) of d = \(quartic.dimension)")
    return r
  }
}
