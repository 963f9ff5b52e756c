import Foundation

/// What ``RobustnessReproduction`` shows, counted from its cells. A route that already misses the
/// confidence under the exact model fails on that landscape for reasons of its own (e.g. selection
/// reads a quartic direction as curved, theory §4.6): those landscapes are listed apart, and robustness
/// is judged on the others only — in how many perturbed cells (a scenario that touches the route,
/// exact baseline excluded) the route still reached P ≥ c, where it broke (did not reach c within
/// its cap) and where it degraded (reached c at ≥ ``degradationFactor``× its exact-model cost).
/// Cost: O(cells).
public struct RobustnessSummary: Sendable, Codable, Equatable {
  /// A cost at least this many times the exact-model cost counts as degraded.
  public static let degradationFactor = 4.0

  /// One route's record.
  public struct RouteRecord: Sendable, Codable, Equatable {
    /// Landscapes where the route did not reach c even with exact arithmetic.
    public var failsExactly: [String]
    /// Perturbed cells on the other landscapes.
    public var perturbed: Int
    /// Those where the route still reached c.
    public var survived: Int
    /// Those where it did not, as `landscape/scenario`.
    public var broke: [String]
    /// Those where it reached c at ≥ 4× its exact cost, as `landscape/scenario (×F)`.
    public var degraded: [String]
  }

  /// The HVP route's record.
  public var hvpRoute: RouteRecord
  /// The covariance route's record.
  public var covarianceRoute: RouteRecord
  /// The median, over cells where both routes were run and reached c, of covariance cost / HVP cost
  /// (nil when there is none).
  public var medianCostFactor: Double?
  /// The answer in one paragraph, with its numbers.
  public var answer: String

  /// The summary of `result`.
  public init(_ result: RobustnessReproduction) {
    func record(_ pick: (RobustnessReproduction.Cell) -> RobustnessReproduction.RouteResult) -> RouteRecord {
      var r = RouteRecord(failsExactly: [], perturbed: 0, survived: 0, broke: [], degraded: [])
      let exact = Dictionary(
        result.cells.filter { $0.scenario == .exact }.map { ($0.landscape, pick($0)) }, uniquingKeysWith: { a, _ in a })
      r.failsExactly = result.landscapes.map(\.landscape).filter { exact[$0]?.status != .reached }
      for cell in result.cells where cell.scenario != .exact {
        let route = pick(cell)
        guard route.status != .unaffected, let base = exact[cell.landscape], base.status == .reached else { continue }
        r.perturbed += 1
        let label = "\(cell.landscape)/\(cell.scenario.rawValue)"
        guard route.status == .reached else {
          r.broke.append(label)
          continue
        }
        r.survived += 1
        if base.lossEvaluationEquivalents > 0,
          route.lossEvaluationEquivalents >= Self.degradationFactor * base.lossEvaluationEquivalents
        {
          r.degraded.append("\(label) (×\(Self.format(route.lossEvaluationEquivalents / base.lossEvaluationEquivalents)))")
        }
      }
      return r
    }
    hvpRoute = record(\.hvpRoute)
    covarianceRoute = record(\.covarianceRoute)
    let factors = result.cells.filter { $0.hvpRoute.status == .reached && $0.covarianceRoute.status == .reached }
      .filter { $0.hvpRoute.lossEvaluationEquivalents > 0 }
      .map { $0.covarianceRoute.lossEvaluationEquivalents / $0.hvpRoute.lossEvaluationEquivalents }
      .sorted()
    medianCostFactor = factors.isEmpty ? nil : factors[factors.count / 2]
    answer = Self.answer(hvp: hvpRoute, covariance: covarianceRoute, factor: medianCostFactor, result: result)
  }

  static func answer(hvp: RouteRecord, covariance: RouteRecord, factor: Double?, result: RobustnessReproduction) -> String {
    let n = result.landscapes.count
    func line(_ name: String, _ r: RouteRecord) -> String {
      var s = "the \(name) reached P(exact rank) ≥ \(result.confidence) with exact arithmetic on \(n - r.failsExactly.count) of \(n) landscapes"
      s += r.failsExactly.isEmpty ? "" : " (not on \(r.failsExactly.joined(separator: ", ")))"
      s += "; on those it survived \(r.survived) of \(r.perturbed) perturbed cells"
      s += r.broke.isEmpty ? "" : ", breaking on \(r.broke.joined(separator: ", "))"
      s += r.degraded.isEmpty ? "" : ", costing ≥ 4× more on \(r.degraded.joined(separator: ", "))"
      return s
    }
    var text = "Over \(n) landscapes and \(result.scenarios.count - 1) error models beside the exact one, "
    text += line("HVP route", hvp) + ". " + line("covariance route", covariance).prefix(1).uppercased()
      + line("covariance route", covariance).dropFirst() + "."
    if let factor {
      text += " Where both routes were run and reached it, the covariance route cost a median \(format(factor))× the HVP route's loss-evaluation equivalents."
    }
    func share(_ r: RouteRecord) -> Double { Double(r.survived) / Double(max(r.perturbed, 1)) }
    let (h, c) = (share(hvp), share(covariance))
    let (hFails, cFails) = (hvp.failsExactly.count, covariance.failsExactly.count)
    if hFails != cFails {
      // A route that fails without any error is limited by something other than numerical error:
      // say so first, and compare the shares only with their bases stated.
      let (name, fails, other) = cFails > hFails ? ("covariance", cFails, hFails) : ("HVP", hFails, cFails)
      text += " The \(name) route's main limit here is not numerical error: it missed the exact rank on \(fails) of \(n) landscapes even with exact arithmetic (the other route on \(other)),"
      text += " so the shares under error rest on \(hvp.perturbed) cells for the HVP route and \(covariance.perturbed) for the covariance route."
    } else if h != c {
      text += h > c
        ? " Under error the HVP route kept the exact rank more often than sampling."
        : " Under error sampling kept the exact rank more often than the HVP route."
    } else {
      text += " Both routes kept the exact rank equally often under error."
    }
    return text
  }

  /// Three significant digits.
  static func format(_ x: Double) -> String { String(format: "%.3g", x) }
}
