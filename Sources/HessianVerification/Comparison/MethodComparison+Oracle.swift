import Foundation

/// What every run of a comparison is judged against, and so how its probability is named.
public enum ComparisonTarget: String, Sendable, Codable {
  /// A landscape's rank, known or counted by an independent dense reference: P(exact).
  case exact
  /// An oracle's rank counted by the dense method through its own HVPs: itself an estimate, so
  /// a run is judged by whether it agrees with it, P(agree).
  case reference

  /// "P(exact)" or "P(agree)".
  public var probability: String { self == .exact ? "P(exact)" : "P(agree)" }
}

/// The inputs of one comparison: the counted operator and loss, the rank runs are judged against
/// and where it comes from, and the timed HVP cost.
struct ComparisonInputs {
  /// The subject's name (reports and seed-table keys).
  var name: String
  /// The rank every run is judged against.
  var truth: Int
  /// Where ``truth`` comes from, in one line.
  var rankSource: String
  /// Seconds per HVP over seconds per loss evaluation.
  var timedRatio: Double
  /// The counted Hessian (products only, no known matrix).
  var hessian: HessianOperator
  /// The counted loss; nil when the subject offers none (the covariance route is skipped).
  var oracle: CountingLossOracle?
  /// Exact (a landscape) or reference (an oracle).
  var target: ComparisonTarget
  /// A fresh counted operator for one run under the configuration's ``HVPErrorModel``; `nil`:
  /// ``hessian`` itself (the exact model).
  var makeHessian: (@Sendable () throws -> HessianOperator)? = nil
}

extension MethodComparison {
  /// Compares every configured method on a model behind `oracle` (which must offer HVPs).
  ///
  /// The runs are judged against the rank of the dense method through the oracle's HVPs (d HVPs,
  /// d ≤ ``ComparisonConfiguration/denseDimensionCap``), an estimate, so the report speaks of
  /// P(agree) (``ComparisonTarget/reference``). The covariance route needs losses and is skipped
  /// without them. The timed conversion uses the oracle's own products and losses (the stated
  /// constant when it offers no losses).
  ///
  /// - Throws: ``InputError`` naming the oracle when d is above the dense cap, for bad settings,
  ///   or an oracle failure.
  public static func compare(
    oracle: any ModelOracle, configuration cfg: ComparisonConfiguration = ComparisonConfiguration(),
    progress: (@Sendable (String) -> Void)? = nil
  ) async throws -> LandscapeComparison {
    try cfg.validate()
    let d = oracle.dimension
    guard d <= cfg.denseDimensionCap else {
      throw InputError.spec(
        oracle.name, problem: "d = \(d) is above \(cfg.denseDimensionCap), too large for the dense reference every run is judged against")
    }
    let reference = try DenseRank.rank(of: HessianOperator(oracle, name: oracle.name))
    let hasLoss = oracle.capabilities.contains(.loss)
    return try await compare(
      ComparisonInputs(
        name: oracle.name, truth: reference.rank,
        rankSource: "dense reference through the oracle's HVPs (\(reference.hessianVectorProducts) HVPs; an estimate, nothing about the model is given)",
        timedRatio: hasLoss ? try measuredHVPCost(oracle, population: cfg.population, sigma: cfg.sigma) : theoreticalHVPCost,
        hessian: HessianOperator(oracle, name: oracle.name), oracle: hasLoss ? CountingLossOracle(oracle) : nil,
        target: .reference, makeHessian: runHessian(oracle, model: cfg.hvp)),
      configuration: cfg, progress: progress)
  }

  /// The timed conversion on an oracle (as ``measuredHVPCost(_:population:sigma:)`` on a
  /// landscape): seconds per HVP at w* over seconds per loss evaluation in batches of λ, each
  /// timed for at least 20 ms, best of three. Not counted in any run's cost.
  ///
  /// - Throws: an oracle failure.
  static func measuredHVPCost(_ oracle: any ModelOracle, population: Int, sigma: Double) throws -> Double {
    let d = oracle.dimension
    let w = oracle.center
    var rng = SeededGenerator(seed: SeedTable.seed(for: "compare/timing"))
    var points = Matrix(rows: population, columns: d)
    for i in 0..<population { for j in 0..<d { points[i, j] = w[j] + sigma * rng.nextNormal() } }
    let v = Matrix(rows: d, columns: 1, elements: rng.normals(d))
    let clock = ContinuousClock()
    func perCall(_ body: () throws -> Int) throws -> Double {
      var best = Double.infinity
      for _ in 0..<3 {
        var calls = 0
        let start = clock.now
        var elapsed = 0.0
        repeat {
          calls += try body()
          let e = start.duration(to: clock.now).components
          elapsed = Double(e.seconds) + Double(e.attoseconds) * 1e-18
        } while elapsed < 0.02
        best = min(best, elapsed / Double(calls))
      }
      return best
    }
    let hvp = try perCall { _ = try oracle.apply(v); return 1 }
    let loss = try perCall { _ = try oracle.losses(at: points); return population }
    return max(hvp / loss, 1e-3)
  }
}
