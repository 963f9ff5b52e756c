import Foundation

/// One method's result in a comparison.
public struct MethodOutcome: Sendable, Codable, Equatable {
  /// The method this outcome is for.
  public var method: ComparedMethod
  /// The method's route (``ComparedMethod/route``).
  public var route: ComparedMethod.Route
  /// What the method's budget ladder raises (``ComparedMethod/budgetName``).
  public var budgetName: String
  /// Whether some budget up to the cap established P(exact) ≥ c.
  public var reachedConfidence: Bool
  /// The first budget that established P(exact) ≥ c; nil when none did or the method was skipped.
  public var reachedBudget: Int?
  /// The largest budget of the method's ladder, after dropping budgets over the per-run cost caps;
  /// 0 when the method was skipped (no budget to try).
  public var budgetCap: Int
  /// Why the method stopped short, in one line (nil when it reached c).
  public var capNote: String?
  /// Mean counted cost per run at the reached budget (or at the cap when not reached).
  public var hessianVectorProductsPerRun: Double
  /// Mean counted loss evaluations per run at the same budget (0 when the method was skipped).
  public var lossEvaluationsPerRun: Double
  /// hessianVectorProductsPerRun × (loss evaluations per HVP) + lossEvaluationsPerRun.
  public var lossEvaluationEquivalents: Double
  /// Median wall time per run at that budget, seconds.
  public var secondsPerRun: Double
  /// Every budget tried, with how often the rank was wrong.
  public var levels: [BudgetLevel]

  private enum CodingKeys: String, CodingKey {
    case method, route, budgetName, reachedConfidence, reachedBudget, budgetCap, capNote
    case hessianVectorProductsPerRun, lossEvaluationsPerRun, lossEvaluationEquivalents, secondsPerRun, levels
  }

  /// Every key always present: `reachedBudget` and `capNote` are null when they do not apply, so a
  /// reached and an unreached method have the same keys.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(method, forKey: .method)
    try c.encode(route, forKey: .route)
    try c.encode(budgetName, forKey: .budgetName)
    try c.encode(reachedConfidence, forKey: .reachedConfidence)
    try c.encode(reachedBudget, forKey: .reachedBudget)
    try c.encode(budgetCap, forKey: .budgetCap)
    try c.encode(capNote, forKey: .capNote)
    try c.encode(hessianVectorProductsPerRun, forKey: .hessianVectorProductsPerRun)
    try c.encode(lossEvaluationsPerRun, forKey: .lossEvaluationsPerRun)
    try c.encode(lossEvaluationEquivalents, forKey: .lossEvaluationEquivalents)
    try c.encode(secondsPerRun, forKey: .secondsPerRun)
    try c.encode(levels, forKey: .levels)
  }

  /// The history as "budget: wrong/run" entries.
  public var historyText: String {
    levels.map { "\($0.budget): \($0.wrong)/\($0.seedsRun) wrong" }.joined(separator: ", ")
  }
}
