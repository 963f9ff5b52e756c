import Foundation

/// How each route's cost grows with d: quadratics with a fixed rank fraction,
/// compared at each d by ``MethodComparison``.
///
/// Landscape at dimension d: `quad:EIGS:d=D:seed=7`, r = max(1, round(f·d))
/// distinct nonzero eigenvalues 1 + k/r (k = 0…r−1, a well-conditioned range
/// with condition number < 2, so single-vector Lanczos can see every one), in a
/// seeded random orthonormal basis. The spec of every point is reported, so any
/// row can be rerun with `hessian-lab compare SPEC`.
public enum DimensionSweep {
  /// One dimension of the sweep.
  public struct Point: Sendable, Codable, Equatable {
    /// The number of parameters d at this point.
    public var dimension: Int
    /// The quadratic's rank r = min(d, max(1, round(f·d))): its number of nonzero eigenvalues, all distinct.
    public var rank: Int
    /// The landscape spec used at this d (`quad:EIGS:d=D:seed=7`), rerunnable with `hessian-lab compare SPEC`.
    public var spec: String
    /// The head-to-head comparison of the configured methods on that landscape.
    public var comparison: LandscapeComparison
  }

  /// The sweep result.
  public struct Result: Sendable, Codable, Equatable {
    /// The rank fraction f ∈ (0, 1] that sets r at every d.
    public var rankFraction: Double
    /// One point per requested dimension, in the order given.
    public var points: [Point]
  }

  /// The quadratic used at dimension d.
  public static func spec(dimension d: Int, rankFraction f: Double) -> (spec: String, rank: Int) {
    let r = min(d, max(1, Int((f * Double(d)).rounded())))
    let eigs = (0..<r).map { k in String(format: "%.6g", 1 + Double(k) / Double(r)) }.joined(separator: ",")
    return ("quad:\(eigs):d=\(d):seed=7", r)
  }

  /// Runs the comparison at every dimension.
  public static func run(
    dimensions: [Int], rankFraction f: Double, configuration: ComparisonConfiguration,
    progress: (@Sendable (String) -> Void)? = nil
  ) async throws -> Result {
    guard f > 0, f <= 1 else { throw InputError.parameter(.rankFraction, value: "\(f)", problem: "\(f) must be in (0, 1]") }
    var points: [Point] = []
    for d in dimensions {
      let (text, r) = spec(dimension: d, rankFraction: f)
      let land = try LandscapeSpec.resolve(text, name: "quad d=\(d) r=\(r)")
      let cmp = try await MethodComparison.compare(land, configuration: configuration, progress: progress)
      points.append(Point(dimension: d, rank: r, spec: text, comparison: cmp))
    }
    return Result(rankFraction: f, points: points)
  }

  /// Parses `d=10,30,100` (or `10,30,100`).
  ///
  /// - Throws: ``InputError`` naming `.sweep`.
  public static func parseDimensions(_ text: String) throws(InputError) -> [Int] {
    var body = text.trimmingCharacters(in: .whitespaces)
    if body.hasPrefix("d=") { body.removeFirst(2) }
    let items = try DelimitedList.items(body) { problem in
      InputError.parameter(.sweep, value: text, problem: "'\(text)': \(problem.description) (expected d=N,N,…)")
    }
    guard !items.isEmpty else { throw InputError.parameter(.sweep, value: text, problem: "expected d=N,N,… (e.g. d=10,30,100)") }
    var out: [Int] = []
    for item in items {
      guard let d = Int(item), d >= 1, d <= 100_000 else {
        throw InputError.parameter(.sweep, value: text, problem: "'\(item)' is not a dimension between 1 and 100,000")
      }
      out.append(d)
    }
    return out
  }

  /// The cost table: one row per d, one column per method (loss-evaluation
  /// equivalents per run; "> X" when the method did not reach c within its cap), the
  /// headline HVP → loss conversion, and beside it the timed one (varies between runs).
  public static func tableLines(_ result: Result) -> [String] {
    guard let first = result.points.first else { return [] }
    let methods = first.comparison.methods.map(\.method)
    var lines = [
      "cost of an exact rank with P ≥ \(first.comparison.confidence), in loss-evaluation equivalents per run (rank fraction \(result.rankFraction))",
      (["d", "r"] + methods.map(\.rawValue) + ["HVP/loss", "timed"]).map { $0.padding(toLength: 12, withPad: " ", startingAt: 0) }
        .joined(),
    ]
    for p in result.points {
      var cells = ["\(p.dimension)", "\(p.rank)"]
      for m in methods {
        guard let o = p.comparison.methods.first(where: { $0.method == m }) else {
          cells.append("—")
          continue
        }
        if o.levels.isEmpty { cells.append("skipped") } else if o.reachedConfidence {
          cells.append(String(format: "%.3g", o.lossEvaluationEquivalents))
        } else {
          cells.append(String(format: ">%.3g", o.lossEvaluationEquivalents))
        }
      }
      cells.append(String(format: "%.3g", p.comparison.lossEvaluationsPerHVP))
      cells.append(String(format: "%.3g", p.comparison.timingLossEvaluationsPerHVP))
      lines.append(cells.map { $0.padding(toLength: 12, withPad: " ", startingAt: 0) }.joined())
    }
    return lines
  }

  /// The log-log plot of cost against d: per method, a line with a marker at each d where it
  /// reached the confidence, and (same colour) a hollow upward triangle with an arrow at its cost
  /// at the cap where it did not ("not reached": a lower bound of what it would need). Points
  /// without a cost (never tried) are left out.
  public static func plot(_ result: Result) -> PlotModel {
    let methods = result.points.first?.comparison.methods.map(\.method) ?? []
    var series: [PlotModel.Series] = []
    for (k, m) in methods.enumerated() {
      var reached: [(Double, Double)] = [], missed: [(Double, Double)] = []
      for p in result.points {
        guard let o = p.comparison.methods.first(where: { $0.method == m }), o.lossEvaluationEquivalents > 0 else { continue }
        if o.reachedConfidence {
          reached.append((Double(p.dimension), o.lossEvaluationEquivalents))
        } else {
          missed.append((Double(p.dimension), o.lossEvaluationEquivalents))
        }
      }
      if !reached.isEmpty {
        series.append(.init(name: m.rawValue, x: reached.map(\.0), y: reached.map(\.1), style: .linePoints, colorIndex: k))
      }
      if !missed.isEmpty {
        series.append(
          .init(name: "\(m.rawValue): not reached, cost at the cap (≥)", x: missed.map(\.0), y: missed.map(\.1), style: .lowerBound, colorIndex: k))
      }
    }
    return PlotModel(
      title: "Cost of an exact Hessian rank (P ≥ \(result.points.first?.comparison.confidence ?? 0)) vs d, rank fraction \(result.rankFraction)",
      xLabel: "d (parameters)", yLabel: "loss-evaluation equivalents per run", series: series, logX: true, logY: true)
  }
}
