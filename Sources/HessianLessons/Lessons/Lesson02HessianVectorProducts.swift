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

  /// Answer: the number of HVPs the block range finder spends on ``largeLandscape``; passes within ±5 of
  /// its count with the lesson's seed or with seeds 2, 1 or 3. Reference `16`; the judge throws ``InputError``
  /// for an answer that is not a number.
  public var exercise: LessonExercise {
    let spec = largeLandscape
    return LessonExercise(referenceAnswer: "16") { answer, seed in
      let n = try LessonSupport.number(answer, expecting: "a number of HVPs")
      let large = try LessonSupport.landscape(spec)
      var counts: [Int] = []
      for s in [seed, 2, 1, 3] {
        var rng = SeededGenerator(seed: s)
        counts.append(try BlockKrylovRank.rank(of: HessianOperator(landscape: large), using: &rng).hessianVectorProducts)
      }
      let ok = counts.contains { abs(Double($0) - n) <= 5 }
      return ExerciseVerdict(passed: ok, lines: [
        "block range finder on \(large.name), seeds \(seed), 2, 1, 3: \(counts.map(String.init).joined(separator: ", ")) HVPs",
        "\(LessonFormat.mark(ok)) your count \(LessonFormat.number(n)) (±5)",
      ])
    }
  }
}
