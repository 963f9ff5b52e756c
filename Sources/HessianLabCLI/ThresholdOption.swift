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

  /// Shown by `--help` as the default (argument-parser asks the default value
  /// instance, so this must be an instance property, not a static one).
  var defaultValueDescription: String {
    switch policy {
    case .precisionRelative: "precision"
    case .largestGap: "gap"
    case let .relative(f): "rel:\(f)"
    case let .absolute(t): "abs:\(t)"
    }
  }
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
