extension ThresholdPolicy {
  /// Parses the textual form of a policy: `precision`, `gap`, `rel:F` with
  /// 0 < F < 1, or `abs:T` with T > 0 finite.
  ///
  /// - Throws: ``InputError`` saying what is wrong with the value (not naming an
  ///   option: the caller, e.g. argument-parser, prefixes the option and the value).
  public init(parsing text: String) throws(InputError) {
    switch text {
    case "precision": self = .precisionRelative
    case "gap": self = .largestGap
    default:
      let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
      guard parts.count == 2, parts[0] == "rel" || parts[0] == "abs" else {
        throw InputError.value(text, problem: "expected precision, gap, rel:F or abs:T")
      }
      guard let v = Double(parts[1]) else { throw InputError.value(text, problem: "'\(parts[1])' is not a number") }
      let relative = parts[0] == "rel"
      guard v.isFinite, v >= 0 else {
        throw InputError.value(text, problem: "\(relative ? "F" : "T") = \(v) must be \(relative ? "in (0, 1)" : "positive and finite")")
      }
      if relative {
        guard v > 0, v < 1 else { throw InputError.value(text, problem: "F = \(v) must be in (0, 1) (τ = F·max|λ|)") }
        self = .relative(v)
      } else {
        guard v > 0 else { throw InputError.value(text, problem: "T = \(v) must be positive") }
        self = .absolute(v)
      }
    }
  }

  /// The textual form ``init(parsing:)`` reads: `precision`, `gap`, `rel:F` or `abs:T`.
  public var argument: String {
    switch self {
    case .precisionRelative: "precision"
    case .largestGap: "gap"
    case let .relative(f): "rel:\(f)"
    case let .absolute(t): "abs:\(t)"
    }
  }
}
