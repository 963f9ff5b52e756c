import Foundation

/// Lesson 3: Lanczos and the multiplicity trap.
///
/// Single-vector Lanczos sees each distinct eigenvalue once: on
/// `quad-multiplet` (a 12-fold eigenvalue plus 3 others, rank 15) it breaks
/// down after a handful of steps and reports 4. The block range finder sees the
/// multiplicity. Without reorthogonalisation a converged eigenvalue comes back
/// as "ghost" copies (theory §3.2–§3.3; Templates §4.4, node108).
public struct Lesson03LanczosMultiplicity: LessonProgram {
  /// The lesson's position in the course, 3 (folder `03-lanczos-multiplicity`).
  public let number = 3
  /// The topic id `lanczos-multiplicity`, matching the manifest entry and the folder `03-lanczos-multiplicity`.
  public let id = "lanczos-multiplicity"
  /// The landscape with a repeated eigenvalue (a test injects distinct ones).
  public var landscape = "quad-multiplet"
  /// Steps of the ghost demonstration.
  public var ghostSteps = 150

  /// The lesson with its default parameters, as ``LessonCatalog`` runs it.
  public init() {}

  /// Compares single-vector Lanczos and the block range finder with the dense rank on ``landscape``, then
  /// runs ``ghostSteps`` Lanczos steps on a d = 200 diagonal H with and without full reorthogonalization
  /// to count ghost copies; the start vectors come from child streams of `seed`.
  ///
  /// - Throws: ``InputError`` when an injected parameter is invalid (e.g. a landscape spec that
  ///   does not resolve); otherwise the errors of the numerical routines it calls.
  public func run(seed: UInt64) async throws -> LessonRun {
    var r = LessonRun()
    let land = try LessonSupport.landscape(landscape)
    let d = land.dimension
    let trueRank = try DenseRank.rank(of: HessianOperator(landscape: land)).rank
    let eig = try LessonSupport.hessianSpectrum(land)
    let scale = eig.map(abs).max() ?? 1
    var distinct: [Double] = []
    for x in eig.sorted(by: >) where x > 1e-9 * scale {
      if distinct.last.map({ abs($0 - x) > 1e-8 * scale }) ?? true { distinct.append(x) }
    }
    let rng = SeededGenerator(seed: seed)
    var lanczosRng = rng.child(1)
    let lanczos = try LanczosRank.rank(of: HessianOperator(landscape: land), using: &lanczosRng)
    var blockRng = rng.child(2)
    let block = try BlockKrylovRank.rank(of: HessianOperator(landscape: land), using: &blockRng)

    r.show("spectrum", [
      "\(land.name): d = \(d), rank \(trueRank); nonzero eigenvalues (distinct values with multiplicity):",
      "  " + distinct.map { x in "\(LessonFormat.short(x)) ×\(eig.filter { abs($0 - x) <= 1e-8 * scale }.count)" }.joined(separator: ", "),
    ])
    r.predict(
      "lanczos-rank", question: "Lanczos from one random vector, run until its Krylov space is exhausted. How many nonzero Ritz values does it find?",
      choices: ["\(trueRank), the rank", "\(distinct.count), the number of distinct nonzero eigenvalues", "\(d), one per dimension"],
      answer: lanczos.rank == trueRank ? 0 : lanczos.rank == distinct.count ? 1 : 2,
      reveal: "K_k(H, v) has one dimension per distinct eigenvalue that v touches: a 12-fold eigenvalue contributes a single vector.")
    r.show("methods", LessonFormat.table(
      ["method", "rank", "HVPs", "Ritz values above τ"],
      [
        ["single-vector Lanczos", "\(lanczos.rank)", "\(lanczos.hessianVectorProducts)",
         lanczos.eigenvalues.filter { abs($0) > lanczos.threshold }.map(LessonFormat.short).joined(separator: " ")],
        ["block range finder", "\(block.rank)", "\(block.hessianVectorProducts)", "\(block.rank) values"],
      ]) + lanczos.warnings.map { "Lanczos warning [\($0.code.rawValue)]: \($0.message)" })

    // Ghosts: spectrum {100, 50} ∪ linspace(0, 1, d − 2), d = 200 (theory §3.3).
    let n = 200
    let diagonal = [100.0, 50.0] + (0..<(n - 2)).map { Double($0) / Double(n - 3) }
    var startRng = rng.child(3)
    let start = startRng.normals(n)
    func copies(_ mode: Reorthogonalization) throws -> (Int, Int) {
      let op = HessianOperator(diagonal: diagonal, name: "ghost demo")
      let run = try Lanczos.run(op, start: start, maxSteps: ghostSteps, reorthogonalization: mode)
      let ritz = try run.ritzPairs().values
      return (ritz.filter { abs($0 - 100) < 1e-6 }.count, ritz.filter { abs($0 - 50) < 1e-6 }.count)
    }
    let plain = try copies(.none), full = try copies(.full)
    r.predict(
      "ghosts", question: "Diagonal H with eigenvalues 100, 50 and 198 values in [0, 1]. After \(ghostSteps) Lanczos steps *without* reorthogonalization, how often does 100 appear among the Ritz values?",
      choices: ["once", "a few times (2–5)", "many times (more than 5)"],
      answer: plain.0 <= 1 ? 0 : plain.0 <= 5 ? 1 : 2,
      reveal: "Rounding reintroduces a converged eigenvector and Lanczos finds it again (Paige): ghost copies.")
    r.show("ghosts", LessonFormat.table(
      ["Lanczos, \(ghostSteps) steps", "copies of 100", "copies of 50"],
      [["no reorthogonalization", "\(plain.0)", "\(plain.1)"], ["full reorthogonalization", "\(full.0)", "\(full.1)"]]))

    r.check(
      "lanczos-counts-distinct", lanczos.rank == distinct.count && lanczos.rank < trueRank,
      "Lanczos \(lanczos.rank), distinct nonzero eigenvalues \(distinct.count), true rank \(trueRank)")
    r.check(
      "lanczos-names-multiplicity", lanczos.warnings.map(\.code).contains(.multiplicityInvisible),
      "Lanczos warnings: \(lanczos.warnings.map(\.code.rawValue).joined(separator: ", "))")
    r.check("block-sees-multiplicity", block.rank == trueRank, "block \(block.rank), true rank \(trueRank)")
    r.check(
      "ghosts-without-reorthogonalization", plain.0 > 1 && full.0 == 1,
      "copies of 100: \(plain.0) without, \(full.0) with full reorthogonalization")
    return r
  }
}
