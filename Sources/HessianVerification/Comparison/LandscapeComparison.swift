import Foundation

/// The head-to-head comparison on one landscape.
public struct LandscapeComparison: Sendable, Codable, Equatable {
  /// The landscape's name.
  public var landscape: String
  /// The number of parameters d.
  public var dimension: Int
  /// The reference rank every run is judged against: the landscape's known rank, else a dense reference.
  public var exactRank: Int
  /// Where ``exactRank`` comes from, in one line (the known answer's provenance and source, or the dense reference).
  public var rankSource: String
  /// The target probability c of an exact rank, in (0, 1).
  public var confidence: Double
  /// The risk α, per budget level, of reporting P(exact) ≥ c when it is not; in (0, 1).
  public var risk: Double
  /// Independent seeds run at each budget level (``ComparisonConfiguration/seedsPerLevel``).
  public var seedsPerLevel: Int
  /// The most wrong ranks among ``seedsPerLevel`` seeds with which a level still reaches c; −1 when no level can.
  public var allowedFailures: Int
  /// Where the seeds come from ("SeedTable 'compare/…'" or "root seed N").
  public var seedSource: String
  /// How many loss evaluations one HVP is charged in the headline costs, factor and verdict.
  public var lossEvaluationsPerHVP: Double
  /// How ``lossEvaluationsPerHVP`` was obtained (the stated constant, or timed on this landscape).
  public var conversion: CostConversion
  /// The conversion in one line: the loss evaluations charged per HVP and how that number was obtained.
  public var conversionNote: String
  /// The timed conversion on this landscape (``MethodComparison/measuredHVPCost(_:population:sigma:)``):
  /// seconds per HVP over seconds per loss evaluation. Reported beside the headline whatever
  /// ``conversion`` is; it varies between identical runs (a timing key).
  public var timingLossEvaluationsPerHVP: Double
  /// ``factor`` recomputed with the timed conversion (nil when no comparison is possible); varies
  /// between identical runs.
  public var timingFactor: Double?
  /// ``verdict`` recomputed with the timed conversion; varies between identical runs.
  public var timingVerdict: String
  /// One outcome per configured method, in the configured order.
  public var methods: [MethodOutcome]
  /// Which route is cheaper and by what factor, in one line; when `cma` was compared, the cheapest
  /// method of each family and the ratios between the best of each (``families``).
  public var verdict: String
  /// The factor (covariance cost / cheapest HVP cost), a lower bound when
  /// ``factorIsLowerBound``; nil when no comparison is possible.
  public var factor: Double?
  /// Whether ``factor`` is only a lower bound: the covariance route did not reach c within its cap,
  /// so its cost at the cap stands in for the larger cost it would need.
  public var factorIsLowerBound: Bool
  /// The route that reached c at the lower cost (or the only one that reached it); nil when no method
  /// reached c or the covariance route was not compared.
  public var cheaperRoute: ComparedMethod.Route?
  /// How the confidence was established, in one line.
  public var confidenceNote: String
  /// The oracle and its trust checks when the subject is one (its runs are judged against a dense
  /// reference through the oracle, ``ComparisonTarget/reference``); nil for a landscape.
  public var oracle: OracleSummary? = nil
  /// The error models the routes ran under when not both exact (JSON `errorModels`; absent otherwise).
  public var errorModels: ComparisonErrorModels? = nil
  /// The cheapest method of each family (HVP counting, (1,λ), CMA) and its cost against the
  /// cheapest family (``MethodComparison/familyCosts(_:)``), present when the adaptive route `cma`
  /// was compared; ``verdict`` then names them. Absent otherwise (the verdict is HVP against (1,λ)).
  public var families: [FamilyCost]? = nil
}

/// The error models of a comparison's runs: the HVP routes' (``HVPErrorModel``) and the covariance
/// route's loss oracle (``LossErrorModel``), each in its textual form with its relative accuracy.
public struct ComparisonErrorModels: Sendable, Codable, Equatable {
  /// The HVP model as `--hvp` spells it (`exact`, `float32`, `finite-difference:h=…`).
  public var hvp: String
  /// The loss model as `--loss` spells it (`exact`, `float32`, `noise:SIGMA`).
  public var loss: String

  /// The models of `configuration`, or `nil` when both are exact (nothing to report).
  public init?(_ configuration: ComparisonConfiguration) {
    guard !configuration.hvp.isExact || !configuration.loss.isExact else { return nil }
    hvp = configuration.hvp.argument
    loss = configuration.loss.argument
  }

  /// One line for the human report.
  public var line: String { "error models: HVPs \(hvp), losses \(loss) (the true rank is judged exactly)" }
}
