/// What an analysis runs on: a built-in ``Landscape`` (whose answers may be known) or a model
/// reached only through a ``ModelOracle`` (about which nothing is known in advance).
///
/// The analyses read the subject through the seam only: the counted Hessian
/// (``hessianOperator()``, a ``HessianOperator``), the loss (``lossOracle``, wrapped by the
/// estimators in a ``CountingLossOracle``), its name, dimension, precision and capabilities.
/// ``knownAnswers`` is `nil` for an oracle, so no verdict against a truth can be formed for it.
public struct AnalysisSubject: Sendable {
  /// Where the subject comes from.
  public enum Source: Sendable {
    /// A built-in landscape (zoo id, spec, fixture, `.npy` Hessian): every capability, known answers.
    case landscape(any Landscape)
    /// A model seen only through its oracle: the oracle's capabilities, no known answers.
    case oracle(any ModelOracle)
  }

  /// The landscape or the oracle.
  public let source: Source
  /// What a failed trust check of an oracle does (``OracleTrustChecks``); unused for a landscape.
  public var trustPolicy: OracleTrustPolicy
  /// What the user typed, named by every error line (`oracle:COMMAND`); the name otherwise.
  public var input: String

  /// A subject for `landscape`.
  public init(_ landscape: any Landscape) {
    source = .landscape(landscape)
    trustPolicy = .refuse
    input = landscape.name
  }

  /// A subject for the model behind `oracle`; `trustPolicy` says whether a failed trust check
  /// refuses the analyses (the default) or only warns; `input` is what error lines name
  /// (default: the oracle's name).
  public init(oracle: any ModelOracle, trustPolicy: OracleTrustPolicy = .refuse, input: String? = nil) {
    source = .oracle(oracle)
    self.trustPolicy = trustPolicy
    self.input = input ?? oracle.name
  }

  /// The name shown in reports (the landscape's spec or the oracle's name).
  public var name: String {
    switch source {
    case let .landscape(l): l.name
    case let .oracle(o): o.name
    }
  }

  /// The number of parameters d.
  public var dimension: Int {
    switch source {
    case let .landscape(l): l.dimension
    case let .oracle(o): o.dimension
    }
  }

  /// The precision the Hessian is known to (sets ε of the rank threshold and of the trust checks).
  public var precision: Precision {
    switch source {
    case let .landscape(l): l.precision
    case let .oracle(o): o.precision
    }
  }

  /// What the subject answers: every capability for a landscape, the oracle's own otherwise.
  public var capabilities: Set<OracleCapability> {
    switch source {
    case .landscape: Set(OracleCapability.allCases)
    case let .oracle(o): o.capabilities
    }
  }

  /// The landscape, when the subject is one.
  public var landscape: (any Landscape)? {
    if case let .landscape(l) = source { return l }
    return nil
  }

  /// The oracle, when the subject is one.
  public var oracle: (any ModelOracle)? {
    if case let .oracle(o) = source { return o }
    return nil
  }

  /// Whether the subject is a model seen only through an oracle (every result is then an estimate).
  public var isOracle: Bool { oracle != nil }

  /// The known answers of a landscape; `nil` for an oracle (nothing is known in advance).
  public var knownAnswers: KnownAnswers? { landscape?.knownAnswers }

  /// The loss, centred at w* (the landscape's minimum or the oracle's point).
  public var lossOracle: any LossOracle {
    switch source {
    case let .landscape(l): l
    case let .oracle(o): o
    }
  }

  /// A fresh counted Hessian at w*: a landscape's (its known matrix offered at the minimum),
  /// or the oracle's products (never a known matrix: an oracle has none).
  public func hessianOperator() -> HessianOperator {
    switch source {
    case let .landscape(l): HessianOperator(landscape: l)
    case let .oracle(o): HessianOperator(o, name: o.name)
    }
  }

  /// Refuses, before any work, an `analysis` needing a capability the subject lacks.
  ///
  /// - Throws: ``InputError/spec(_:problem:)`` naming the subject's ``input``, the analysis and the first
  ///   missing capability, and what the oracle does offer.
  public func require(_ needed: Set<OracleCapability>, for analysis: AnalysisKind) throws(InputError) {
    guard let missing = needed.subtracting(capabilities).sorted().first else { return }
    let offered = capabilities.sorted().map(\.rawValue).joined(separator: ", ")
    throw InputError.spec(
      input,
      problem: "\(analysis.rawValue) needs the oracle capability '\(missing.rawValue)', which this oracle does not offer "
        + "(it offers: \(offered.isEmpty ? "nothing" : offered))")
  }
}

/// The analyses a subject can be given, by the command that runs them; each one's
/// ``requiredCapabilities`` is what an oracle must offer before the analysis starts.
public enum AnalysisKind: String, Sendable, CaseIterable {
  /// ``RankAnalysis``: Hessian-vector products.
  case rank
  /// ``SpectrumAnalysis``: Hessian-vector products.
  case spectrum
  /// ``CovarianceAnalysis``: losses only (the comparison with H also needs HVPs, and is skipped without).
  case covariance
  /// ``LLCAnalysis``: nothing up front; each part runs when its capabilities are offered
  /// (bounds: hvp, or a stated rank; volume: loss + gradient; SGLD: loss + gradient + hvp).
  case llc
  /// ``CompareAnalysis``: the HVP routes need hvp, the covariance route needs loss; the reference
  /// rank is counted by the dense method through HVPs.
  case compare
  /// ``DescribeAnalysis``: nothing (name, dimension, precision, capabilities).
  case describe

  /// What an oracle must offer before the analysis starts.
  public var requiredCapabilities: Set<OracleCapability> {
    switch self {
    case .rank, .spectrum, .compare: [.hvp]
    case .covariance: [.loss]
    case .llc, .describe: []
    }
  }
}
