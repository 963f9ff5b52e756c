import ArgumentParser
import HessianLab

/// `--threshold` values: `precision` (default), `gap`, `rel:F`, `abs:T`.
struct ThresholdOption: ExpressibleByArgument, Sendable {
  let policy: ThresholdPolicy

  init(policy: ThresholdPolicy) { self.policy = policy }

  init?(argument: String) {
    switch argument {
    case "precision": policy = .precisionRelative
    case "gap": policy = .largestGap
    default:
      let parts = argument.split(separator: ":", maxSplits: 1).map(String.init)
      guard parts.count == 2, let v = Double(parts[1]), v.isFinite, v >= 0 else { return nil }
      switch parts[0] {
      case "rel": policy = .relative(v)
      case "abs": policy = .absolute(v)
      default: return nil
      }
    }
  }

  static var defaultValueDescription: String { "precision" }
}

extension ThresholdPolicy {
  /// A one-line description of the policy for human output and JSON.
  var summary: String {
    switch self {
    case .precisionRelative: "precision-relative: τ = max|λ|·d·ε"
    case let .relative(f): "relative: τ = \(f)·max|λ|"
    case let .absolute(t): "absolute: τ = \(t)"
    case .largestGap: "largest gap between consecutive |λ|"
    }
  }
}
