import HessianLab

/// The one table from library parameters to the flags a user types: a library
/// ``InputError`` naming `.population` is printed as `--population: …`.
extension InputError.Parameter {
  /// The command-line flag that sets this parameter.
  var flag: String {
    switch self {
    case .population: "--population"
    case .kept: "--kept"
    case .evaluations: "--evaluations"
    case .diagnosticKept: "--diagnostic-kept"
    case .sigma: "--sigma"
    case .mu: "--mu"
    case .rankOf: "--rank-of"
    case .centerOffset: "--center-offset"
    case .workers: "--workers"
    case .plan: "--plan"
    case .top: "--top"
    case .bottom: "--bottom"
    case .confidence: "--confidence"
    case .risk: "--risk"
    case .seeds: "--seeds"
    case .keptCapFactor: "--kept-cap-factor"
    case .cmaCapFactor: "--cma-cap-factor"
    case .slqProbeCap: "--slq-probe-cap"
    case .sweep: "--sweep"
    case .rankFraction: "--rank-fraction"
    case .budget: "--budget"
    case .explore: "--explore"
    case .epsilonMin: "--epsilon-min"
    case .epsilonMax: "--epsilon-max"
    case .particles: "--particles"
    case .replicates: "--replicates"
    case .moves: "--moves"
    case .multiplicity: "--multiplicity"
    case .sampleSize: "--n"
    case .localisation: "--gamma"
    case .stepSize: "--step-size"
    case .chains: "--chains"
    case .chainSteps: "--steps"
    case .burnIn: "--burn-in"
    case .lessons: "--lessons"
    case .lesson: "--lesson"
    case .rank: "--rank"
    case .nonInteractive: "--non-interactive"
    case .allowLong: "--allow-long"
    case .probes: "--probes"
    case .ignoreOracleChecks: "--ignore-oracle-checks"
    case .external: "--external"
    case .calibrationLandscapes: "--landscapes"
    case .falseFailure: "--false-failure"
    case .estimatorTimeout: "--timeout"
    case .estimate: "--value"
    case .standardError: "--standard-error"
    case .falseFailureProbability: "--alpha"
    case .tolerance: "--tolerance"
    case .symmetrize: "--symmetrize"
    }
  }
}

extension InputError {
  /// The one line the tool prints (after `hessian-lab: error: `): parameters named by their flags.
  var commandLineMessage: String { rendered(naming: \.flag) }
}
