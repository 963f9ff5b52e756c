import Foundation

/// Lesson 4: numerical rank — thresholds, precision and gaps.
///
/// A rank-5 Hessian (d = 20) rounded to float32 has 15 "zero" eigenvalues of
/// size up to ~2·10⁻⁷ (at most ‖E‖₂ ≤ 2⁻²⁴‖H‖_F by Weyl's inequality, E the
/// rounding error): judged with float64's ε, as after an upcast, every one of them counts; judged with
/// the precision the matrix is known to, the rank is 5 again, with a visible
/// gap (theory §2.2). On `quad-tiny-axis` (1, 0.5, 10⁻¹²) two reasonable
/// thresholds disagree, which is why the gap ratio is always reported.
public struct Lesson04NumericalRank: LessonProgram {
  /// The lesson's position in the course, 4 (folder `04-numerical-rank`).
  public let number = 4
  /// The topic id `numerical-rank`, matching the manifest entry and the folder `04-numerical-rank`.
  public let id = "numerical-rank"
  /// The rank-deficient landscape that is rounded to float32.
  public var landscape = "quad-rank-deficient"
  /// The precision the rounded matrix is judged with in the "right" step (a
  /// test injects float64 to falsify the claim).
  public var roundedPrecision: Precision = .float32
  /// The landscape with a tiny eigenvalue.
  public var tinyLandscape = "quad-tiny-axis"

  /// The lesson with its default parameters, as ``LessonCatalog`` runs it.
  public init() {}

  /// Rounds H of ``landscape`` to float32 and ranks it with float64's ε and with ``roundedPrecision``, then
  /// ranks ``tinyLandscape`` with three threshold policies. `seed` is unused: every computation of this
  /// lesson is deterministic.
  ///
  /// - Throws: ``InputError`` when an injected parameter is invalid (e.g. a landscape spec that
  ///   does not resolve); otherwise the errors of the numerical routines it calls.
  public func run(seed: UInt64) async throws -> LessonRun {
    var r = LessonRun()
    let land = try LessonSupport.landscape(landscape)
    let d = land.dimension
    let known = land.knownAnswers.rank.value ?? -1
    let h = try land.denseHessian(at: land.minimum)
    var h32 = h
    for k in h32.elements.indices { h32.elements[k] = Double(Float(h32.elements[k])) }
    let eig32 = try SymmetricEigen.values(of: h32)
    // The rounding error E = fl32(H) − H: |E_ij| ≤ 2⁻²⁴|H_ij| (round to nearest), so by Weyl's
    // inequality every eigenvalue moves by at most ‖E‖₂ ≤ ‖E‖_F ≤ 2⁻²⁴‖H‖_F.
    var e = h32
    for k in e.elements.indices { e.elements[k] = h32.elements[k] - h.elements[k] }
    let roundingNorm = try SymmetricEigen.values(of: e).map(abs).max() ?? 0
    let roundingBound = 0x1p-24 * h.elements.reduce(0) { $0 + $1 * $1 }.squareRoot()
    let largestNull = eig32.map(abs).sorted().prefix(d - max(known, 0)).max() ?? 0
    let as64 = NumericalRank.decide(eigenvalues: eig32, dimension: d, precision: .float64)
    let as32 = NumericalRank.decide(eigenvalues: eig32, dimension: d, precision: roundedPrecision)

    r.show("rounded", [
      "\(land.name) (d = \(d), rank \(known) by construction), every entry of H rounded to float32",
    ])
    r.predict(
      "float64-judge",
      question: "Judged with float64's ε (τ = max|λ|·d·2⁻⁵² ≈ \(LessonFormat.short(as64.threshold))), what rank does this float32 matrix get?",
      choices: ["5, the true rank", "more than 5: rounding noise is counted", "fewer than 5"],
      answer: as64.rank == known ? 0 : as64.rank > known ? 1 : 2,
      reveal: "float32 rounding moves each entry by at most 2⁻²⁴ of itself (float32's unit roundoff), so by Weyl's inequality each eigenvalue moves by at most ‖E‖₂ ≤ 2⁻²⁴‖H‖_F = \(LessonFormat.short(roundingBound)); here ‖E‖₂ = \(LessonFormat.short(roundingNorm)) and the \(d - max(known, 0)) \"zero\" eigenvalues reach \(LessonFormat.short(largestNull)): far above the float64 threshold \(LessonFormat.short(as64.threshold)).")
    let bars = eig32.sorted { abs($0) > abs($1) }.enumerated().map { (label: "h\($0.offset + 1)", value: abs($0.element)) }
    r.show("two-thresholds", [
      "the \(d - max(known, 0)) smallest |λ| now lie in \(LessonLibraryText.range(eig32.map(abs).sorted().prefix(d - max(known, 0))))",
      "|eigenvalues| of the float32 matrix (┆ = τ with float32's ε):",
    ] + LessonFormat.logBars(bars, floor: 1e-16, marker: as32.threshold) + [""] + LessonFormat.table(
      ["judged with", "τ", "rank", "gap ratio at τ"],
      [
        ["float64 ε", LessonFormat.short(as64.threshold), "\(as64.rank)", as64.gapRatio.map(LessonFormat.short) ?? "—"],
        ["\(roundedPrecision.rawValue) ε", LessonFormat.short(as32.threshold), "\(as32.rank)", as32.gapRatio.map(LessonFormat.short) ?? "—"],
      ]))

    let tiny = try LessonSupport.landscape(tinyLandscape)
    let tinyEig = try LessonSupport.hessianSpectrum(tiny)
    let policies: [(String, ThresholdPolicy)] = [
      ("default: max|λ|·d·ε", .precisionRelative), ("rel:1e-6", .relative(1e-6)), ("largest gap", .largestGap),
    ]
    let decisions = policies.map {
      ($0.0, NumericalRank.decide(eigenvalues: tinyEig, dimension: tiny.dimension, precision: tiny.precision, policy: $0.1))
    }
    let defaultRank = decisions[0].1.rank, relRank = decisions[1].1.rank
    r.predict(
      "tiny", question: "\(tiny.name) has eigenvalues 1, 0.5, 1e-12 and \(tiny.dimension - 3) zeros. Ranks with the default threshold and with rel:1e-6?",
      choices: ["3 and 3", "3 and 2", "2 and 2"],
      answer: defaultRank == 3 && relRank == 3 ? 0 : defaultRank == 3 && relRank == 2 ? 1 : 2,
      reveal: "1e-12 is above d·ε·max|λ| ≈ 2e-15 but below 1e-6·max|λ|: the threshold, not the matrix, decides.")
    r.show("policies", LessonFormat.table(
      ["policy", "τ", "rank", "min counted", "max uncounted", "gap ratio"],
      decisions.map { name, dd in
        [name, LessonFormat.short(dd.threshold), "\(dd.rank)", dd.smallestCounted.map(LessonFormat.short) ?? "—",
         dd.largestUncounted.map(LessonFormat.short) ?? "—", dd.gapRatio.map(LessonFormat.short) ?? "∞"]
      }))

    r.check("float64-overcounts", as64.rank > known, "float64 ε: rank \(as64.rank) > \(known)")
    r.check(
      "own-precision-recovers", as32.rank == known,
      "judged with \(roundedPrecision.rawValue) ε: rank \(as32.rank), known \(known)")
    r.check(
      "gap-is-evidence", (as32.gapRatio ?? 0) >= 1e3 && (as64.gapRatio ?? 0) < 10,
      "gap ratio \(as32.gapRatio.map(LessonFormat.short) ?? "—") at the right τ; at the float64 τ \(as64.gapRatio.map(LessonFormat.short) ?? "none (nothing left uncounted)")")
    r.check(
      "threshold-decides", defaultRank != relRank,
      "\(tiny.name): default rank \(defaultRank), rel:1e-6 rank \(relRank)")
    return r
  }
}

/// Text helpers for lesson output.
enum LessonLibraryText {
  /// "[min, max]" of a collection.
  static func range<C: Collection>(_ values: C) -> String where C.Element == Double {
    guard let lo = values.min(), let hi = values.max() else { return "[]" }
    return LessonSupport.interval(lo, hi)
  }
}
