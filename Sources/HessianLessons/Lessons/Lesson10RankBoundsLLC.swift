import Foundation

/// Lesson 10: the Hessian rank bounds the learning coefficient,
///
///     r/2 ≤ λ_LLC ≤ r/2 + (d − r)/4,
///
/// checked on every zoo landscape whose λ_LLC is known (by construction, the
/// Newton polyhedron or Aoyagi's formula), with r computed live from HVPs.
/// x² + y⁴ attains the upper bound, the deep linear network 8-3-8 the lower;
/// a rank that over-counts (the covariance read-out of x⁴ in lesson 9) breaks
/// the lower bound (theory §5).
public struct Lesson10RankBoundsLLC: LessonProgram {
  /// The lesson's position in the course, 10 (folder `10-rank-bounds-llc`).
  public let number = 10
  /// The topic id `rank-bounds-llc`, matching the manifest entry and the folder `10-rank-bounds-llc`.
  public let id = "rank-bounds-llc"
  /// The rank estimator (a test injects one that over-counts).
  public var rankEstimator: @Sendable (any Landscape, UInt64) throws -> Int = { land, seed in
    try LessonSupport.hessianRank(land, seed: seed).rank
  }

  /// The lesson with its default parameters, as ``LessonCatalog`` runs it.
  public init() {}

  struct Row {
    let id: String
    let d: Int
    let rank: Int
    let lambda: Rational
    let bounds: LearningCoefficientBounds
    var position: String {
      let lower = lambda == bounds.lower, upper = lambda == bounds.upper
      if lower && upper { return "both" }
      if lower { return "lower" }
      if upper { return "upper" }
      return bounds.contains(lambda) ? "inside" : "OUTSIDE"
    }
  }

  func rows(seed: UInt64) throws -> [Row] {
    var out: [Row] = []
    for (k, e) in Zoo.all.enumerated() {
      let land = try e.make()
      guard let lambda = land.knownAnswers.learningCoefficient.value else { continue }
      let rank = try rankEstimator(land, SeededGenerator.childSeed(root: seed, index: UInt64(k)))
      let d = land.dimension
      let r = min(max(rank, 0), d)
      out.append(Row(id: e.id, d: d, rank: rank, lambda: lambda, bounds: LearningCoefficientBounds(rank: r, dimension: d, source: .hessian)))
    }
    return out
  }

  /// Computes r with ``rankEstimator`` for every zoo landscape whose learning coefficient is known (seeds
  /// are children of `seed`), places λ_LLC in [r/2, r/2 + (d − r)/4], and shows that x⁴'s read-out rank 1
  /// breaks the lower bound.
  ///
  /// - Throws: ``InputError`` when an injected parameter is invalid (e.g. a landscape spec that
  ///   does not resolve); otherwise the errors of the numerical routines it calls.
  public func run(seed: UInt64) async throws -> LessonRun {
    var r = LessonRun()
    let all = try rows(seed: seed)
    func bar(_ row: Row) -> String {
      let width = 11
      let lo = row.bounds.lower.doubleValue, hi = row.bounds.upper.doubleValue, x = row.lambda.doubleValue
      guard hi > lo else { return "[" + String(repeating: "=", count: width) + "]" }
      var cells = Array(String(repeating: "─", count: width))
      let k = Int(nearest: (x - lo) / (hi - lo) * Double(width - 1), clampedTo: -1...width)
      if k >= 0 && k < width { cells[k] = "●" }
      return "[" + String(cells) + "]" + (k < 0 || k >= width ? " ●!" : "")
    }
    r.show("table", LessonFormat.table(
      ["landscape", "d", "r", "λ_LLC", "lower", "upper", "where", "lower─upper"],
      all.map { row in
        [row.id, "\(row.d)", "\(row.rank)", row.lambda.description, row.bounds.lower.description, row.bounds.upper.description,
         row.position, bar(row)]
      }))
    let outside = all.filter { !$0.bounds.contains($0.lambda) }
    r.predict(
      "violations", question: "The zoo has \(all.count) landscapes with a known λ_LLC. With r computed from the Hessian, how many fall outside [r/2, r/2 + (d − r)/4]?",
      value: Double(outside.count), tolerance: 0,
      reveal: "The bounds are a theorem (splitting lemma + additivity): \(outside.isEmpty ? "none violates them" : "\(outside.count) violate them — the rank estimator is wrong").")
    let edge = all.first { $0.id == "newton-edge" }
    let dln = all.first { $0.id == "dln-8-3-8" }
    r.predict(
      "edge", question: "x² + y⁴ (d = 2, Hessian rank 1): where does its λ_LLC sit between r/2 and r/2 + (d − r)/4?",
      choices: ["at the lower bound r/2", "strictly inside", "at the upper bound r/2 + (d − r)/4"],
      answer: edge?.position == "upper" ? 2 : edge?.position == "lower" ? 0 : 1,
      reveal: "The quartic direction y⁴ contributes exactly 1/4, the most a direction flat to second order can (g ≤ C|v|⁴).")
    r.predict(
      "dln", question: "The deep linear network 8-3-8 with a rank-3 target has d = 48 and Hessian rank \(dln?.rank ?? 0); its flat directions come from the network's symmetries. Where does its λ_LLC sit?",
      choices: ["at the lower bound r/2", "strictly inside", "at the upper bound"],
      answer: dln?.position == "lower" || dln?.position == "both" ? 0 : dln?.position == "upper" ? 2 : 1,
      reveal: "Its 9 Hessian-flat directions are exactly flat (g ≡ 0): they add nothing to λ_LLC.")
    let x4 = try LessonSupport.landscape("nc-x4")
    let readoutBounds = LearningCoefficientBounds(rank: 1, dimension: 1, source: .covarianceReadout)
    let x4lambda = x4.knownAnswers.learningCoefficient.value ?? Rational(0)
    r.show("misuse", [
      "x⁴ (d = 1): Hessian rank \(try rankEstimator(x4, seed)), λ_LLC = \(x4lambda)",
      "the covariance read-out of lesson 9 reports 1 for x⁴; used as r it gives r/2 = \(readoutBounds.lower) > λ_LLC = \(x4lambda)",
      "warning carried by the bounds: \(readoutBounds.warnings.first?.message ?? "—")",
    ])

    r.check("all-inside", outside.isEmpty && !all.isEmpty,
      "\(all.count - outside.count) of \(all.count) inside" + (outside.isEmpty ? "" : "; outside: \(outside.map(\.id).joined(separator: ", "))"))
    r.check("upper-attained", edge?.position == "upper", "x² + y⁴: λ_LLC = \(edge?.lambda.description ?? "?"), upper bound \(edge?.bounds.upper.description ?? "?")")
    r.check("lower-attained", dln?.position == "lower", "dln-8-3-8: λ_LLC = \(dln?.lambda.description ?? "?"), lower bound \(dln?.bounds.lower.description ?? "?")")
    r.check(
      "overcount-breaks-lower", !readoutBounds.contains(x4lambda) && readoutBounds.warnings.map(\.code).contains(.covarianceRankOverCount),
      "x⁴ with r = 1 (read-out): [\(readoutBounds.lower), \(readoutBounds.upper)] excludes λ_LLC = \(x4lambda)")
    return r
  }

  /// The drawn instance: a dimension D in 5…8 and a Hessian rank r in 1…D − 2, from the instance seed.
  static func instance(_ seed: UInt64) -> (d: Int, rank: Int) {
    var g = SeededGenerator(seed: seed)
    let d = Int.random(in: 5...8, using: &g)
    return (d, Int.random(in: 1...(d - 2), using: &g))
  }

  /// Exercise on a drawn instance: a landscape spec with the learner's d and Hessian rank r (by
  /// ``rankEstimator``) whose known learning coefficient equals r/2 + (d − r)/4; the reference is a
  /// sum of r squares and d − r fourth powers. The judge throws ``InputError`` for a spec that does
  /// not resolve.
  public var exercise: LessonExercise {
    let estimator = rankEstimator
    return LessonExercise(
      task: { seed in
        let (d, r) = Self.instance(seed)
        return "Your instance: d = \(d), Hessian rank r = \(r)."
      },
      hints: { _ in
        [
          "The upper bound holds with equality when every Hessian-flat direction adds exactly 1/4 to λ_LLC, and λ_LLC adds over separated variables.",
          "`hessian-lab llc SPEC --method bounds` prints d, the Hessian rank r, both bounds and the exact λ_LLC when theory gives it; `poly:` takes a polynomial in x0, x1, ….",
          "Let r variables be curved at second order and make each of the other d − r rise only at higher order, each on its own; quartic flat directions are one way, not the only one.",
        ]
      },
      referenceAnswer: { seed in
        let (d, r) = Self.instance(seed)
        return "poly:" + (0..<d).map { "x\($0)^\($0 < r ? 2 : 4)" }.joined(separator: "+")
      },
      judge: { answer, seed in
        let (d, r) = Self.instance(seed)
        let land = try LessonSupport.landscape(answer.trimmingCharacters(in: .whitespaces))
        let rank = try estimator(land, seed)
        let b = LearningCoefficientBounds(rank: rank, dimension: land.dimension, source: .hessian)
        let known = land.knownAnswers.learningCoefficient.value
        let okD = land.dimension == d, okRank = rank == r, okUpper = known == b.upper
        return ExerciseVerdict(passed: okD && okRank && okUpper, lines: [
          "\(LessonFormat.mark(okD)) d = \(land.dimension) (want \(d))",
          "\(LessonFormat.mark(okRank)) Hessian rank \(rank) (want \(r))",
          "\(LessonFormat.mark(okUpper)) λ_LLC = \(known?.description ?? "unknown") " + (okUpper ? "equals" : "is not") + " the upper bound r/2 + (d − r)/4 = \(b.upper)",
        ])
      })
  }
}
