extension HVPErrorModel {
  /// Parses the textual form of a model: `exact`, `float32`, or
  /// `finite-difference[:h=H][:scheme=central|forward]` with H > 0 finite (default scheme central,
  /// default step the balanced one, ``FiniteDifferenceScheme/defaultStep(scale:epsilon:)``).
  ///
  /// - Throws: ``InputError`` saying what is wrong with the value (not naming an option: the
  ///   caller prefixes the option and the value).
  public init(parsing text: String) throws(InputError) {
    switch text {
    case "exact": self = .exact
    case "float32": self = .float32
    default:
      let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
      guard parts[0] == "finite-difference" else {
        throw InputError.value(text, problem: "expected exact, float32 or finite-difference[:h=H][:scheme=central|forward]")
      }
      var step: Double? = nil
      var scheme: FiniteDifferenceScheme? = nil
      for part in parts.dropFirst() {
        let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard kv.count == 2 else {
          throw InputError.value(text, problem: "'\(part)' is not KEY=VALUE (keys: h, scheme)")
        }
        switch kv[0] {
        case "h":
          guard step == nil else { throw InputError.value(text, problem: "h is given twice") }
          guard let h = Double(kv[1]) else { throw InputError.value(text, problem: "h = '\(kv[1])' is not a number") }
          guard h.isFinite, h > 0 else {
            throw InputError.value(text, problem: "h = \(h) must be positive and finite (the difference step)")
          }
          step = h
        case "scheme":
          guard scheme == nil else { throw InputError.value(text, problem: "scheme is given twice") }
          guard let s = FiniteDifferenceScheme(rawValue: kv[1]) else {
            throw InputError.value(text, problem: "scheme = '\(kv[1])' is not central or forward")
          }
          scheme = s
        default:
          throw InputError.value(text, problem: "unknown key '\(kv[0])' (keys: h, scheme)")
        }
      }
      self = .finiteDifference(step: step, scheme: scheme ?? .central)
    }
  }

  /// The textual form ``init(parsing:)`` reads (a default step and the central scheme are omitted).
  public var argument: String {
    switch self {
    case .exact, .float32: return name
    case let .finiteDifference(step, scheme):
      return name + (step.map { ":h=\($0)" } ?? "") + (scheme == .central ? "" : ":scheme=\(scheme.rawValue)")
    }
  }
}
