import Foundation

/// Lesson 14: are second derivatives too noisy? The HVP route under each ``HVPErrorModel`` (exact,
/// float32, central finite differences at the balanced step and at a too-large step) on a tanh
/// network, each rank judged twice — with the threshold that follows the model's accuracy δ and
/// with float64's ε — and the covariance route under each ``LossErrorModel`` (exact, float32, noise
/// small and as large as the losses' spread) on a quadratic, where its read-out is exact
/// (theory §7.3, §2.3, §4.6).
public struct Lesson14NumericalError: LessonProgram {
  /// The lesson's position in the course, 14 (folder `14-numerical-error`).
  public let number = 14
  /// The topic id `numerical-error`, matching the manifest entry and the folder.
  public let id = "numerical-error"
  /// The network of the HVP routes: a linear 3-2-3 network (smooth, so the finite-difference
  /// truncation is the textbook one; its null directions are the GL symmetry W₁ → GW₁, W₂ → W₂G⁻¹,
  /// which mixes every coordinate, so rounding reaches them).
  public var network = "mlp-linear-3-2-3"
  /// The quadratic of the covariance routes (its read-out is rank(H) exactly, lesson 8).
  public var quadratic = "quad-rank-deficient"
  /// The too-large finite-difference steps.
  public var largeSteps = [0.1, 1.0]
  /// The δ every HVP route is judged with; `nil` follows each model's accuracy (a test injects ε).
  public var accuracyOverride: Double? = nil
  /// The population λ_ES and kept points of the covariance routes (σ = 1).
  public var population = 100
  /// Kept points of each covariance read-out (n = 15·d for d = 20).
  public var kept = 300
  /// The noise sizes σ_L of the loss routes, in units of the standard deviation of the candidates' losses.
  public var noiseFactors: [Double] = [1e-3, 1]

  /// The lesson with its default parameters, as ``LessonCatalog`` runs it.
  public init() {}

  /// One HVP route's measurement.
  struct HVPRoute {
    let name: String
    let delta: Double
    let policy: RankDecision
    let naive: RankDecision
    let warned: Bool
  }

  /// The d×d matrix Qᵀ·(products of Q) for a random orthogonal Q (d products under `model`,
  /// symmetrised), its rank judged with the model's δ and with ε. Probing in a random basis, as the
  /// block method does, mixes every null direction with every other.
  func route(_ land: any Landscape, _ model: HVPErrorModel, name: String, q: Matrix) throws -> HVPRoute {
    let op = try HessianOperator(landscape: land, model: model)
    let m = BLAS.multiply(q, .transpose, try op.apply(q))
    let d = land.dimension
    var s = Matrix(rows: d, columns: d)
    for i in 0..<d { for j in 0..<d { s[i, j] = (m[i, j] + m[j, i]) / 2 } }
    let eig = try SymmetricEigen.values(of: s)
    let delta = accuracyOverride ?? op.accuracy
    return HVPRoute(
      name: name, delta: delta, policy: NumericalRank.decide(eigenvalues: eig, dimension: d, accuracy: delta),
      naive: NumericalRank.decide(eigenvalues: eig, dimension: d, precision: .float64),
      warned: op.productWarnings.contains { $0.code == .finiteDifferenceInaccurate })
  }

  /// A seeded random orthogonal d×d matrix (orthonormalised Gaussian columns).
  static func orthogonal(_ d: Int, seed: UInt64) throws -> Matrix {
    var g = SeededGenerator(seed: seed)
    var a = Matrix(rows: d, columns: d)
    for i in a.elements.indices { a.elements[i] = g.nextNormal() }
    return try Factorizations.orthonormalColumns(of: a)
  }

  /// Runs the four HVP routes on ``network`` and the loss routes on ``quadratic``; seeds derive from `seed`.
  ///
  /// - Throws: ``InputError`` when an injected parameter is invalid; otherwise the errors of the
  ///   numerical routines it calls.
  public func run(seed: UInt64) async throws -> LessonRun {
    var r = LessonRun()
    let net = try LessonSupport.landscape(network)
    let exact = net.knownAnswers.rank.value ?? -1
    let q = try Self.orthogonal(net.dimension, seed: SeededGenerator.childSeed(root: seed, index: 1))
    let routes = [
      try route(net, .exact, name: "exact", q: q),
      try route(net, .float32, name: "float32", q: q),
      try route(net, .finiteDifference(step: nil, scheme: .central), name: "central, balanced h", q: q),
    ] + (try largeSteps.map { h in
      try route(net, .finiteDifference(step: h, scheme: .central), name: "central, h = \(LessonFormat.number(h))", q: q)
    })
    r.show("setup", [
      "HVP routes: \(net.name), d = \(net.dimension), rank H(w*) = \(exact) (Jacobian SVD, lesson 13)",
      "each route applies H to a random orthonormal basis Q (d products) and counts the eigenvalues of QᵀHQ",
      "routes: exact; float32 products; central differences of the gradient at the balanced step h = ε^(1/3) and at h = "
        + largeSteps.map(LessonFormat.number).joined(separator: " and "),
    ])
    r.predict(
      "policy", question: "With τ = max|λ|·d·δ, δ the accuracy of each route's products, how many of the \(routes.count) HVP routes return the exact rank?",
      value: Double(routes.filter { $0.policy.rank == exact }.count), tolerance: 0,
      reveal: "A step too large for the loss's fourth derivative leaves a truncation error of size (h²/6)·∇⁴L; the measured δ is then so large that τ swallows true small eigenvalues, and the run warns instead of counting truncation as curvature.")
    r.predict(
      "naive", question: "Judge the same \(routes.count) spectra with float64's ε instead of each route's δ. How many return the exact rank?",
      value: Double(routes.filter { $0.naive.rank == exact }.count), tolerance: 0,
      reveal: "ε assumes every product is exact to 16 digits: float32 rounding (≈ 10⁻⁷) and the differences' rounding (≈ ε/h) then look like curvature in every null direction.")
    r.show("hvp", LessonFormat.table(
      ["route", "δ", "τ from δ", "rank", "rank with ε", "warns"],
      routes.map { x in
        [x.name, LessonFormat.short(x.delta), LessonFormat.short(x.policy.threshold), "\(x.policy.rank)", "\(x.naive.rank)", x.warned ? "yes" : "—"]
      }) + ["exact rank \(exact); \"rank with ε\" judges the same spectrum with τ = max|λ|·d·2⁻⁵²"])
    let loss = try await lossRoutes(&r, seed: seed)
    let threshold = routes[0].policy.rank == exact && routes[1].policy.rank == exact && routes[2].policy.rank == exact
    r.check(
      "threshold-follows-model",
      threshold && routes[1].naive.rank > exact && routes[2].naive.rank > exact,
      routes.prefix(3).map { "\($0.name): \($0.policy.rank) (δ), \($0.naive.rank) (ε)" }.joined(separator: "; ") + "; exact \(exact)")
    let large = routes.dropFirst(3)
    r.check(
      "large-step-flagged", !large.isEmpty && large.allSatisfy { $0.warned && $0.policy.rank <= exact && $0.naive.rank > exact },
      large.map { "\($0.name): δ = \(LessonFormat.short($0.delta)), rank \($0.policy.rank) (δ), \($0.naive.rank) (ε), warned: \($0.warned)" }
        .joined(separator: "; ") + "; exact \(exact)")
    r.check(
      "losses-float32-survive-noise-breaks",
      loss.ranks[0] == loss.exact && loss.ranks[1] == loss.exact && loss.ranks[2] == loss.exact && loss.ranks[3] != loss.exact,
      "read-outs \(loss.ranks.map(String.init).joined(separator: ", ")) (exact, float32, small noise, large noise); rank(H) = \(loss.exact)")
    return r
  }
}

extension Lesson14NumericalError {
  /// The loss routes' read-outs (exact, float32, then one per ``noiseFactors``) and the exact rank.
  struct LossRoutes {
    let exact: Int
    let ranks: [Int]
  }

  /// The standard deviation of L over `count` candidates w\* + σz (σ = 1), the size of the loss
  /// differences the (1,λ) selection ranks, and the largest change float32 rounding makes to one of
  /// those losses, |fl₃₂(L) − L|. Cost: `count` loss evaluations.
  static func lossSpread(_ land: any Landscape, count: Int, seed: UInt64) -> (spread: Double, rounding: Double) {
    var g = SeededGenerator(seed: seed)
    let d = land.dimension
    var p = Matrix(rows: count, columns: d)
    for i in 0..<count { for j in 0..<d { p[i, j] = land.minimum[j] + g.nextNormal() } }
    let l = land.losses(at: p)
    let mean = l.reduce(0, +) / Double(count)
    let spread = (l.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(count - 1)).squareRoot()
    return (spread, l.map { abs(Double(Float($0)) - $0) }.max() ?? 0)
  }

  /// Runs the covariance read-out on ``quadratic`` under each loss model with the same selection seed.
  func lossRoutes(_ r: inout LessonRun, seed: UInt64) async throws -> LossRoutes {
    let quad = try LessonSupport.landscape(quadratic)
    let exact = quad.knownAnswers.rank.value ?? -1
    let (spread, rounding) = Self.lossSpread(quad, count: 1000, seed: SeededGenerator.childSeed(root: seed, index: 2))
    let models: [(String, LossErrorModel)] = [("exact losses", .exact), ("float32 losses", .float32)]
      + noiseFactors.map { ("noise σ_L = \(LessonFormat.short($0 * spread))", .noise(sigma: $0 * spread)) }
    r.show("losses", [
      "covariance routes: \(quad.name), d = \(quad.dimension), rank(H) = \(exact); (1,λ) selection, λ_ES = \(population), σ = 1, n = \(kept) kept points",
      "the candidates' losses spread with standard deviation \(LessonFormat.short(spread)) (1000 draws); noise sizes σ_L = "
        + noiseFactors.map { "\(LessonFormat.short($0))×" }.joined(separator: " and ") + " that",
    ])
    var ranks: [Int] = []
    var rows: [[String]] = []
    let selectionSeed = SeededGenerator.childSeed(root: seed, index: 3)
    for (name, model) in models {
      let oracle = model.oracle(quad, seed: LossErrorModel.noiseSeed(forRun: seed))
      let sampler = try SelectionSampler(population: population, sigma: 1)
      let s = try await sampler.sample(oracle, kept: kept, seed: selectionSeed)
      let readout = try CovarianceRankReadout.read(eigenvalues: try SymmetricEigen.values(of: s.moments.secondMoment), kept: kept, sigma: 1)
      ranks.append(readout.rank)
      rows.append([name, "\(readout.rank)", "\(s.lossEvaluations)"])
    }
    let survived = ranks.map { $0 == exact }
    let answer = survived.allSatisfy { $0 } ? 2 : survived.prefix(3).allSatisfy { $0 } ? 1 : 0
    r.predict(
      "losses", question: "Which loss errors does the covariance read-out survive (exact rank)?",
      choices: ["float32 or the small noise already breaks it", "float32 and the small noise, not the large one", "all of them: selection only ranks"],
      answer: answer,
      reveal: "Selection compares losses: an error far below their spread changes no winner, while noise as large as the spread makes the winner a random candidate, and the weak directions fade back to σ².")
    r.show("loss-table", LessonFormat.table(["loss model", "read-out rank", "loss evaluations"], rows)
      + ["rank(H) = \(exact); rounding to float32 changed none of the 1000 drawn losses by more than \(LessonFormat.short(rounding)), against their spread \(LessonFormat.short(spread))"])
    return LossRoutes(exact: exact, ranks: ranks)
  }
}
