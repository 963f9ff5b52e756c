import Foundation

/// Lesson 2: Hessian-vector products — curvature without the matrix, and
/// what it costs.
///
/// Hv is exact (Pearlmutter 1994) and costs about one gradient; the lesson
/// compares it with a central difference of gradients, counts the d products
/// a dense Hessian costs, and finds the rank of a d = 10,000 Hessian (800 MB
/// as a dense matrix) with a handful of products (theory §3.1, §3.4).
public struct Lesson02HessianVectorProducts: LessonProgram {
  /// The lesson's position in the course, 2 (folder `02-hessian-vector-products`).
  public let number = 2
  /// The topic id `hessian-vector-products`, matching the manifest entry and the folder `02-hessian-vector-products`.
  public let id = "hessian-vector-products"
  /// The landscape whose HVP is compared with finite differences.
  public var probeLandscape = "newton-edge"
  /// The matrix-free product under test (a test injects a wrong one).
  public var product: @Sendable (any Landscape, [Double], [Double]) -> [Double] = { land, w, v in
    land.hessianVectorProduct(at: w, v)
  }
  /// The small landscape whose dense Hessian is built from products.
  public var denseLandscape = "dln-5-3-5"
  /// The large low-rank landscape.
  public var largeLandscape = "quad-large-low-rank"

  /// The lesson with its default parameters, as ``LessonCatalog`` runs it.
  public init() {}

  /// Compares ``product`` with central differences of gradients on ``probeLandscape``, counts the HVPs of
  /// the dense Hessian of ``denseLandscape``, and finds the rank of ``largeLandscape`` with the block range
  /// finder (and λ_max by power iteration); the random point, direction and start vectors come from `seed`.
  ///
  /// - Throws: ``InputError`` when an injected parameter is invalid (e.g. a landscape spec that
  ///   does not resolve); otherwise the errors of the numerical routines it calls.
  public func run(seed: UInt64) async throws -> LessonRun {
    var r = LessonRun()
    var rng = SeededGenerator(seed: seed)
    // 1. Exactness against a central difference of gradients.
    let land = try LessonSupport.landscape(probeLandscape)
    let w = rng.normals(land.dimension).map { 0.5 * $0 }
    let v = rng.normals(land.dimension)
    let hv = product(land, w, v)
    var rows: [[String]] = []
    var bestError = Double.infinity
    for h in [1e-1, 1e-3, 1e-5, 1e-7] {
      let plus = land.gradient(at: zip(w, v).map { $0 + h * $1 })
      let minus = land.gradient(at: zip(w, v).map { $0 - h * $1 })
      let fd = zip(plus, minus).map { ($0 - $1) / (2 * h) }
      let err = zip(fd, hv).map { abs($0 - $1) }.max()! / max(hv.map(abs).max()!, 1e-300)
      bestError = min(bestError, err)
      rows.append([LessonFormat.short(h), LessonFormat.short(err)])
    }
    r.show("exact", [
      "\(land.name) at a random point w, random direction v:",
      "Hv (exact) = (\(hv.map(LessonFormat.short).joined(separator: ", ")))",
    ] + LessonFormat.table(["difference step h", "relative error of [∇L(w+hv) − ∇L(w−hv)]/2h"], rows) + [
      "truncation error ∝ h², rounding ∝ ε/h: the best step is near ε^(1/3) ≈ 6e-6, and never exact",
    ])

    // 2. Dense costs d products.
    let small = try LessonSupport.landscape(denseLandscape)
    let op = HessianOperator(landscape: small, at: small.minimum)
    let dense = try DenseRank.rank(of: op, policy: .precisionRelative)
    r.predict(
      "dense-cost", question: "\(small.name) has d = \(small.dimension) parameters. How many HVPs does building its dense Hessian cost?",
      value: Double(dense.hessianVectorProducts), tolerance: 0,
      reveal: "One product per column: H e₁, …, H e_d. Dense costs d HVPs and d² memory, whatever the rank.")
    r.show("dense", [
      "\(small.name): dense Hessian from products: \(dense.hessianVectorProducts) HVPs, rank \(dense.rank) of d = \(small.dimension)",
    ])

    // 3. Rank of a d = 10,000 Hessian from a few products.
    let large = try LessonSupport.landscape(largeLandscape)
    let bigOp = HessianOperator(landscape: large, at: large.minimum)
    var blockRng = rng.child(1)
    let block = try BlockKrylovRank.rank(of: bigOp, using: &blockRng)
    var powerRng = rng.child(2)
    let top = try PowerIteration.eigenpairs(of: bigOp, count: 1, maxIterations: 200, tolerance: 1e-10, using: &powerRng)
    let d = large.dimension
    r.predict(
      "block-cost", question: "\(large.name): d = \(d), rank \(large.knownAnswers.rank.value ?? 0). How many HVPs does the block range finder need for its rank?",
      choices: ["about d = \(d)", "about 1,000", "about 20"],
      answer: block.hessianVectorProducts > d / 2 ? 0 : block.hessianVectorProducts > 200 ? 1 : 2,
      reveal: "The range finder grows its block until the new products add nothing: ≈ 2r + 10 HVPs, independent of d.")
    r.show("large", LessonFormat.table(
      ["method", "result", "HVPs", "memory"],
      [
        ["dense (not run)", "rank", "\(d)", "\(LessonFormat.short(8 * Double(d) * Double(d) / 1e6)) MB for H"],
        ["block range finder", "rank \(block.rank)", "\(block.hessianVectorProducts)", "\(block.rank + 10) vectors of d"],
        ["power iteration", "λ_max \(LessonFormat.short(top.first?.value ?? .nan))", "\(top.first?.iterations ?? 0)", "2 vectors of d"],
      ]))

    r.check("hvp-exact", bestError <= 1e-6, "best central-difference agreement \(LessonFormat.short(bestError)) (≤ 1e-6)")
    r.check(
      "dense-costs-d", dense.hessianVectorProducts == small.dimension,
      "\(dense.hessianVectorProducts) HVPs for d = \(small.dimension)")
    r.check(
      "block-cost-scales-with-rank",
      block.rank == large.knownAnswers.rank.value && block.hessianVectorProducts * 100 < d,
      "rank \(block.rank) with \(block.hessianVectorProducts) HVPs (d = \(d))")
    return r
  }

  /// The drawn instance: a rank-r quadratic `quad:1*r:d=D:seed=B` (r in 25…60, D in 500…1500, a
  /// random basis B) and the `--seed` of the block range finder, all from the instance seed.
  static func instance(_ seed: UInt64) -> (spec: String, rankSeed: UInt64) {
    var g = SeededGenerator(seed: seed)
    let r = Int.random(in: 25...60, using: &g), d = 250 * Int.random(in: 2...6, using: &g)
    let basis = UInt64.random(in: 1...999, using: &g), rankSeed = UInt64.random(in: 1...999, using: &g)
    return ("quad:1*\(r):d=\(d):seed=\(basis)", rankSeed)
  }

  /// The HVPs `hessian-lab rank SPEC --method block --seed S` spends on the instance (the same
  /// library call). Cost: that many HVPs.
  static func blockCount(_ seed: UInt64) throws -> (spec: String, rankSeed: UInt64, report: RankReport) {
    let (spec, rankSeed) = instance(seed)
    let land = try LessonSupport.landscape(spec)
    return (spec, rankSeed, try RankAnalysis.run(land, options: .init(method: .block, seed: rankSeed)))
  }

  /// Exercise on a drawn instance: the exact number of HVPs the block range finder spends on the
  /// learner's landscape with the learner's seed, computed live by the same call as `hessian-lab
  /// rank --method block`. The judge throws ``InputError`` for an answer that is not an integer.
  public var exercise: LessonExercise {
    LessonExercise(
      task: { seed in
        let (spec, rankSeed) = Self.instance(seed)
        return "Your instance: `\(spec)`, block range finder seed \(rankSeed) (`--seed \(rankSeed)`)."
      },
      hints: { seed in
        let (spec, rankSeed) = Self.instance(seed)
        return [
          "The block range finder grows its block of test vectors until new products add nothing: its cost follows the rank, not d.",
          "`hessian-lab rank \(spec) --method block --seed \(rankSeed)` prints the HVPs it spent.",
          "The count is on the first line of that output; predict it from the rank first (the lesson's reveal gives the rule), then compare.",
        ]
      },
      referenceAnswer: { seed in "\(try Self.blockCount(seed).report.result.hessianVectorProducts)" },
      judge: { answer, seed in
        let n = try LessonSupport.integer(answer, expecting: "a number of HVPs")
        let (spec, rankSeed, report) = try Self.blockCount(seed)
        let count = report.result.hessianVectorProducts
        guard n == count else {  // a wrong answer does not reveal the right one
          return ExerciseVerdict(passed: false, lines: ["✗ your count \(n) is not what the block range finder spends on \(spec) with seed \(rankSeed)"])
        }
        return ExerciseVerdict(passed: true, lines: [
          "block range finder on \(spec), seed \(rankSeed): rank \(report.result.rank), \(count) HVPs",
          "✓ your count \(n)",
        ])
      })
  }
}
