import Foundation

/// Small computations shared by the lesson programs.
enum LessonSupport {
  /// The landscape named by `spec` (zoo id or spec).
  static func landscape(_ spec: String) throws(InputError) -> any Landscape {
    try LandscapeSpec.resolve(spec)
  }

  /// All eigenvalues (ascending) of the Hessian at the minimum, built from d
  /// exact HVPs (not from the known matrix: the lesson computes it).
  /// Cost: d HVPs and one dense eigendecomposition.
  static func hessianSpectrum(_ land: any Landscape) throws -> [Double] {
    try SymmetricEigen.values(of: land.denseHessian(at: land.minimum))
  }

  /// The numerical rank of the Hessian at the minimum: dense for d ≤ 2000,
  /// the block range finder above (no d×d memory).
  static func hessianRank(_ land: any Landscape, seed: UInt64) throws -> RankResult {
    var rng = SeededGenerator(seed: seed)
    let op = HessianOperator(landscape: land)
    return try RankComputation.rank(of: op, method: land.dimension <= 2000 ? .dense : .block, using: &rng)
  }

  /// Parses a number answer, naming the exercise's expectation.
  static func number(_ text: String, expecting: String) throws(InputError) -> Double {
    let t = text.trimmingCharacters(in: .whitespaces)
    guard let x = Double(t), x.isFinite else { throw InputError.answer(text, problem: "'\(text)' is not a number (expected \(expecting))") }
    return x
  }

  /// Parses an integer answer.
  static func integer(_ text: String, expecting: String) throws(InputError) -> Int {
    let t = text.trimmingCharacters(in: .whitespaces)
    guard let x = Int(t) else { throw InputError.answer(text, problem: "'\(text)' is not an integer (expected \(expecting))") }
    return x
  }

  /// The zoo entry named `text`, or an input error listing the closest ids.
  static func zooEntry(_ text: String) throws(InputError) -> ZooEntry {
    let t = text.trimmingCharacters(in: .whitespaces)
    guard let e = Zoo.entry(id: t) else {
      throw InputError.answer(text, problem: "'\(t)' is not a zoo id; closest: \(Zoo.suggestions(for: t).joined(separator: ", ")) (list them with `hessian-lab landscapes`)")
    }
    return e
  }

  /// The second moment of `kept` (1,λ)-winners about the minimum, and its
  /// eigenvalues (ascending). Cost: ⌈kept⌉·λ + 1 loss evaluations.
  static func selection(
    _ land: any Landscape, population: Int, sigma: Double, kept: Int, seed: UInt64,
    scheme: SelectionScheme = .best, centerOffset: [Double]? = nil
  ) async throws -> (sample: SelectionSample, covariance: Matrix, eigenvalues: [Double]) {
    let sampler = try SelectionSampler(population: population, sigma: sigma, scheme: scheme, centerOffset: centerOffset)
    let sample = try await sampler.sample(land, kept: kept, seed: seed)
    let c = sample.moments.secondMoment
    return (sample, c, try SymmetricEigen.values(of: c))
  }

  /// "x ∈ [a, b]" style text.
  static func interval(_ a: Double, _ b: Double) -> String { "[\(LessonFormat.short(a)), \(LessonFormat.short(b))]" }
}

extension LessonSupport {
  /// The variances of the kept points along the Hessian's curved eigenvectors,
  /// vᵢᵀ C vᵢ (largest first), from `kept` (1,λ)-winners at σ = 1. Null
  /// coordinates do not affect selection (lesson 8), so these are the range
  /// variances the read-out must separate from σ².
  /// Cost: ⌈kept⌉·λ + 1 loss evaluations, d HVPs, one eigendecomposition.
  static func rangeVariances(
    _ land: any Landscape, population: Int, kept: Int, seed: UInt64
  ) async throws -> (variances: [Double], evaluations: Int) {
    let h = try land.denseHessian(at: land.minimum)
    let eig = try SymmetricEigen.decomposition(of: h)
    let decision = NumericalRank.decide(eigenvalues: eig.values, dimension: land.dimension, precision: land.precision)
    let s = try await selection(land, population: population, sigma: 1, kept: kept, seed: seed)
    let d = land.dimension
    var out: [Double] = []
    for k in 0..<d where abs(eig.values[k]) > decision.threshold {
      var v = 0.0
      for i in 0..<d { for j in 0..<d { v += eig.vectors[i, k] * s.covariance[i, j] * eig.vectors[j, k] } }
      out.append(v)
    }
    return (out.sorted(by: >), s.sample.lossEvaluations)
  }
}
