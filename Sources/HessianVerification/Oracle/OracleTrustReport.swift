import Foundation

/// The trust checks of one oracle (``OracleTrustChecks``): each check's result and their
/// counted cost. Its JSON is the `trustChecks` array of every report on an oracle
/// (``OracleSummary``); the cost is in the `oracle` object.
public struct OracleTrustReport: Sendable, Codable, Equatable {
  /// Every check, in order: symmetry, linearity, gradient consistency, critical point.
  public var checks: [OracleTrustCheck]
  /// Whether a failed check refused the run or only warned.
  public var policy: OracleTrustPolicy
  /// HVPs spent on the checks.
  public var hessianVectorProducts: Int
  /// Loss evaluations spent on the checks.
  public var lossEvaluations: Int
  /// Gradients spent on the checks.
  public var gradientEvaluations: Int

  /// A report from its parts.
  public init(
    checks: [OracleTrustCheck], policy: OracleTrustPolicy, hessianVectorProducts: Int, lossEvaluations: Int,
    gradientEvaluations: Int
  ) {
    self.checks = checks
    self.policy = policy
    self.hessianVectorProducts = hessianVectorProducts
    self.lossEvaluations = lossEvaluations
    self.gradientEvaluations = gradientEvaluations
  }

  /// The typed warnings of the checks: ``WarningCode/notACriticalPoint`` for a warned critical
  /// point, ``WarningCode/oracleCheckFailed`` for each failed check the policy let through.
  public var warnings: [Warning] {
    checks.compactMap { c in
      switch c.outcome {
      case .warned: Warning(.notACriticalPoint, "oracle: " + c.message)
      case .failed: Warning(.oracleCheckFailed, "oracle: the \(c.kind.rawValue) check failed and was overridden: " + c.line)
      case .passed, .skipped: nil
      }
    }
  }

  /// The cost in one phrase: "9 HVPs, 0 loss evaluations, 13 gradients".
  public var costText: String {
    "\(hessianVectorProducts) HVPs, \(lossEvaluations) loss evaluations, \(gradientEvaluations) gradients"
  }

  /// The human lines: a header with the cost, then one line per check.
  public var lines: [String] {
    ["trust checks of the oracle (\(costText)):"] + checks.map { "  " + $0.line }
  }
}
