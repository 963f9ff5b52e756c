import Foundation

extension Lesson16ReadingAClaim {
  /// One covariance read-out: the landscape's Hessian rank and known λ_LLC, the eigenvalues of Ĉ
  /// (ascending) and the number below τ_C = σ²(1 − √(d/n))².
  struct Readout {
    let land: any Landscape
    let hessianRank: Int
    let eigenvalues: [Double]
    let readout: Int
    let llc: Rational?

    /// Whether r/2 ≤ λ_LLC ≤ r/2 + (d − r)/4 holds with rank `r` (nil when λ_LLC is unknown).
    func boundHolds(rank r: Int) -> Bool? {
      guard let l = llc?.doubleValue else { return nil }
      let b = LearningCoefficientBounds(rank: r, dimension: land.dimension, source: .hessian)
      return b.lower.doubleValue <= l && l <= b.upper.doubleValue
    }
  }

  /// The read-out on `spec` with σ = 1. Cost: `kept`·`population` loss evaluations, d HVPs.
  static func readout(_ spec: String, population: Int, kept: Int, seed: UInt64) async throws -> Readout {
    let land = try LessonSupport.landscape(spec)
    let rank = try LessonSupport.hessianRank(land, seed: seed).rank
    let s = try await LessonSupport.selection(land, population: population, sigma: 1, kept: kept, seed: seed)
    let read = try CovarianceRankReadout.read(eigenvalues: s.eigenvalues, kept: kept, sigma: 1)
    return Readout(land: land, hessianRank: rank, eigenvalues: s.eigenvalues, readout: read.rank, llc: land.knownAnswers.learningCoefficient.value)
  }

  /// "[a, b]" of the bounds with rank `r` in dimension `d`.
  static func interval(_ r: Int, _ d: Int) -> String {
    let b = LearningCoefficientBounds(rank: r, dimension: d, source: .hessian)
    return "[\(b.lower), \(b.upper)]"
  }

  /// Claim 2 on ``quadratic`` and ``quartic``: Ĉ is full rank; its read-out bounds λ_LLC on the
  /// quadratic and over-counts on x⁴, where the bound with the Hessian rank still holds.
  func claim2(_ r: inout LessonRun, seed: UInt64) async throws -> Readout {
    let q = try await Self.readout(quadratic, population: population, kept: enough, seed: seed)
    let x4 = try await Self.readout(quartic, population: 10, kept: enough, seed: SeededGenerator.childSeed(root: seed, index: 1))
    let nonzero = q.eigenvalues.filter { $0 > 1e-8 }.count
    let quadHolds = q.readout == q.hessianRank && q.boundHolds(rank: q.readout) == true
    let x4Breaks = x4.readout > x4.hessianRank && x4.boundHolds(rank: x4.readout) == false && x4.boundHolds(rank: x4.hessianRank) == true
    r.predict(
      "claim2", question: "Claim 2: \"you could just use this covariance matrix's rank to bound the local learning coefficient\" (r/2 ≤ λ_LLC ≤ r/2 + (d − r)/4, theory §5.2). Grade it.",
      choices: Self.gradings,
      answer: quadHolds && x4.boundHolds(rank: x4.readout) == true ? 0 : (quadHolds && x4Breaks ? 2 : 1),
      reveal: "The conditions: \"rank\" must mean the eigenvalues clearly below σ² (Ĉ itself is full rank), and the minimum must be quadratic so the read-out equals rank(H). On x⁴ selection sees curvature the Hessian lacks; the read-out over-counts and the lower bound breaks (theory §4.4, §4.6).")
    let dq = q.land.dimension
    r.show("claim2", [
      "\(q.land.name) (d = \(dq), rank H = \(q.hessianRank)), λ_ES = \(population), n = \(enough):",
      "  Ĉ has \(nonzero) of \(dq) eigenvalues above 10⁻⁸ (smallest \(LessonFormat.short(q.eigenvalues.first ?? 0))): full rank",
      "  read-out #{eigenvalues < σ²(1 − √(d/n))²} = \(q.readout); bounds \(Self.interval(q.readout, dq)); λ_LLC = \(q.llc?.description ?? "?")",
      "\(x4.land.name) (x⁴, d = 1, rank H = \(x4.hessianRank)), λ_ES = 10, n = \(enough):",
      "  read-out \(x4.readout): bounds \(Self.interval(x4.readout, 1)); λ_LLC = \(x4.llc?.description ?? "?")",
      "  with the Hessian rank \(x4.hessianRank) instead: bounds \(Self.interval(x4.hessianRank, 1))",
    ])
    r.check(
      "claim2-readout-over-counts", quadHolds && x4Breaks && nonzero == dq,
      "quadratic: read-out \(q.readout), rank H \(q.hessianRank), Ĉ nonzero eigenvalues \(nonzero) of \(dq); x⁴: read-out \(x4.readout), "
        + "rank H \(x4.hessianRank), λ_LLC \(x4.llc?.description ?? "?")")
    return q
  }

  /// Claim 3 on ``quadratic``: n = d/2 kept points leave d − n zero eigenvalues, which any "below
  /// σ²" rule counts; the read-out with n = ``enough`` is exact. Cost: n·λ_ES loss evaluations.
  func claim3(_ r: inout LessonRun, quad: Readout, seed: UInt64) async throws {
    let d = quad.land.dimension
    let n = fewKept ?? d / 2
    let few = try await LessonSupport.selection(quad.land, population: population, sigma: 1, kept: n, seed: seed)
    let zeros = few.eigenvalues.filter { $0 < 1e-10 }.count
    let half = few.eigenvalues.filter { $0 < 0.5 }.count
    var refusal = "accepted"
    do { _ = try CovarianceRankReadout.read(eigenvalues: few.eigenvalues, kept: n, sigma: 1) } catch { refusal = "refused: \(error.description)" }
    let cmax = quad.eigenvalues.filter { $0 < 1 }.prefix(quad.hessianRank).max() ?? 0
    let planned = Double(d) / pow(1 - cmax.squareRoot(), 2)
    let fails = half != quad.hessianRank
    r.predict(
      "claim3", question: "Claim 3: \"you would need to sample and evaluate roughly d/2 points\" to read the rank off the covariance. Grade it.",
      choices: Self.gradings, answer: fails ? 1 : 0,
      reveal: "n ≤ d points span at most n directions and leave d − n exactly zero eigenvalues, which every \"below σ²\" rule counts as curvature: n must exceed d even in principle, and in practice n ≳ d/(1 − √(c_max/σ²))² (theory §4.5).")
    r.show("claim3", [
      "\(quad.land.name), n = \(n) = d/2 kept points: \(zeros) of Ĉ's \(d) eigenvalues are 0; \(half) are below σ²/2 (rank H = \(quad.hessianRank))",
      "the tool's read-out: \(refusal)",
      "n = \(enough): read-out \(quad.readout); largest range variance c_max = \(LessonFormat.short(cmax))σ², "
        + "so d/(1 − √c_max)² ≈ \(Int(planned.rounded(.up))) points, each costing λ_ES = \(population) losses",
    ])
    r.check(
      "claim3-needs-more-than-d", fails && zeros >= d - n && quad.readout == quad.hessianRank,
      "n = \(n): \(zeros) zero eigenvalues, \(half) below σ²/2; n = \(enough): read-out \(quad.readout) = rank \(quad.hessianRank)")
  }
}
