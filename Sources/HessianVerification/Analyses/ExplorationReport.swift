/// The result of `verify --explore`: the root seed, the budget and one
/// ``PropertyExploration/CaseResult`` per generated landscape
/// (`docs/schema/verify.schema.json`).
public struct ExplorationReport: Sendable, Codable, Equatable {
  /// The root seed the cases' seeds are children of; JSON key `seed`, as every
  /// command names its seed.
  public var root: UInt64
  /// The false-failure budget P of the run.
  public var budget: Double
  /// One result per generated case, in generation order.
  public var cases: [PropertyExploration.CaseResult]

  /// The JSON keys: `root` is written `seed`.
  enum CodingKeys: String, CodingKey {
    case root = "seed"
    case budget, cases
  }

  /// A report of `cases` drawn from `root` under budget `budget`.
  public init(root: UInt64, budget: Double, cases: [PropertyExploration.CaseResult]) {
    self.root = root
    self.budget = budget
    self.cases = cases
  }

  /// The human report: one line per case, and for a failure its failed
  /// properties and the rerunnable minimal case; then the counts.
  public var text: String {
    var lines = ["explore: \(cases.count) generated landscapes, root seed \(root), false-failure budget \(budget)"]
    for r in cases {
      lines.append("seed \(r.seed)  \(r.passed ? "pass" : "FAIL")  \(r.spec)")
      if !r.passed {
        lines.append("  failed: \(r.failedProperties.joined(separator: ", "))")
        lines.append("  minimal failing case after \(r.shrinkSteps) shrink steps: hessian-lab verify '\(r.minimalSpec ?? r.spec)'")
      }
    }
    let failed = cases.filter { !$0.passed }.count
    lines.append("\(cases.count - failed) passed, \(failed) failed")
    return lines.joined(separator: "\n")
  }

  /// The failure to report (exit status 1) when a case failed; `nil` when all passed.
  public var failure: VerificationFailure? {
    let failed = cases.filter { !$0.passed }
    guard let f = failed.first else { return nil }
    return VerificationFailure("\(failed.count) of \(cases.count) generated landscapes failed; minimal: \(f.minimalSpec ?? f.spec)")
  }
}
