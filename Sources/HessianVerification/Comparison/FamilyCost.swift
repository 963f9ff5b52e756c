import Foundation

/// The cheapest method of one family of rank methods in a comparison (HVP counting, the (1,λ)
/// covariance route, the adaptive CMA-ES route) and its cost against the cheapest family
/// (``LandscapeComparison/families``, ``MethodComparison/familyCosts(_:)``).
public struct FamilyCost: Sendable, Codable, Equatable {
  /// The family (``ComparedMethod/route``).
  public var family: ComparedMethod.Route
  /// The family's cheapest method that reached the confidence; when none did, its method with the
  /// lowest cost at its budget cap; nil when every method of the family was skipped.
  public var method: ComparedMethod?
  /// Whether some method of the family reached the confidence.
  public var reachedConfidence: Bool
  /// The cost per run of ``method`` in loss-evaluation equivalents (at its reached budget, or at its
  /// cap when none reached: then a lower bound); nil when the family was skipped.
  public var lossEvaluationEquivalents: Double?
  /// The mean counted HVPs per run of ``method`` at that budget (nil when the family was skipped).
  public var hessianVectorProductsPerRun: Double?
  /// Whether ``lossEvaluationEquivalents`` is only a lower bound (no method of the family reached c,
  /// so its cost at the cap stands in for the larger cost it would need).
  public var costIsLowerBound: Bool
  /// The family's cost over the cost of the cheapest family that reached c (1 for that family; a
  /// lower bound when ``costIsLowerBound``); nil when no family reached c or this one was skipped.
  public var ratioToCheapest: Double?
}
