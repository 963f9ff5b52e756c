extension InputError {
  /// A parameter a user sets, in the library's words (the raw value, e.g. `population λ`).
  ///
  /// Every case is a setting some command exposes; a front end names each case its
  /// own way (the command-line tool keeps one table case → flag, e.g. `.population`
  /// → `--population`). Library-only configuration fields use
  /// ``InputError/configuration(field:value:problem:)`` instead.
  public enum Parameter: String, CaseIterable, Sendable {
    // Selection sampling and the covariance read-out
    /// λ, candidates per round of (1,λ) selection.
    case population = "population λ"
    /// n, the number of kept points (winners).
    case kept = "kept points n"
    /// Kept points per σ of the σ-scaling diagnostic.
    case diagnosticKept = "diagnostic kept points"
    /// σ, the sampling standard deviation.
    case sigma = "sampling σ"
    /// μ of (μ,λ) truncation selection.
    case mu = "truncation μ"
    /// ℓ of rank selection (keep the ℓ-th best).
    case rankOf = "selected rank ℓ"
    /// The sampling centre's offset from the minimum.
    case centerOffset = "centre offset"
    /// Concurrent workers.
    case workers = "workers"
    /// The pilot run that plans the read-out.
    case plan = "read-out plan"
    /// The loss evaluations an adaptive (CMA-ES) covariance run may spend.
    case evaluations = "loss-evaluation budget"
    // Spectrum
    /// K, the number of largest eigenvalues asked for.
    case top = "largest K"
    /// K, the number of smallest eigenvalues asked for.
    case bottom = "smallest K"
    // Method comparison
    /// The probability with which a method must return the exact rank.
    case confidence = "confidence"
    /// The risk of reporting a budget as reaching the confidence when it does not.
    case risk = "risk"
    /// Seeds per budget.
    case seeds = "seeds"
    /// The covariance route's cap on kept points, as a factor of d.
    case keptCapFactor = "kept-cap factor"
    /// The adaptive (CMA-ES) route's cap on loss evaluations per run, as a factor of λd.
    case cmaCapFactor = "CMA evaluation-cap factor"
    /// SLQ's largest number of probes.
    case slqProbeCap = "SLQ probe cap"
    /// A dimension sweep `d=N,N,…`.
    case sweep = "dimension sweep"
    /// The sweep's rank fraction r/d.
    case rankFraction = "rank fraction"
    // Verification
    /// P, the false-failure budget of a verification run.
    case budget = "false-failure budget P"
    /// N, the number of random landscapes a property exploration draws.
    case explore = "explored landscapes N"
    // Volume-scaling LLC estimator
    /// The smallest ε of the splitting run (lower end of the fit window).
    case epsilonMin = "smallest ε"
    /// The largest ε of the fit window.
    case epsilonMax = "largest ε"
    /// Splitting particles per run.
    case particles = "splitting particles"
    /// Independent splitting runs.
    case replicates = "splitting replicates"
    /// Move pairs per replaced particle.
    case moves = "moves per particle"
    /// m, the multiplicity in the volume correction.
    case multiplicity = "multiplicity m"
    // SGLD LLC estimator
    /// n, the nominal sample size (β = 1/log n).
    case sampleSize = "sample size n"
    /// γ, the localisation strength.
    case localisation = "localisation γ"
    /// ε, the SGLD step size.
    case stepSize = "step size ε"
    /// Independent SGLD chains.
    case chains = "chains"
    /// SGLD steps per chain, burn-in included.
    case chainSteps = "steps per chain"
    /// SGLD steps discarded per chain.
    case burnIn = "burn-in"
    // Lessons
    /// The lessons folder.
    case lessons = "lessons folder"
    /// The number of a lesson.
    case lesson = "lesson number"
    // Learning coefficient bounds
    /// r, a Hessian rank given instead of computed.
    case rank = "Hessian rank r"
    /// Running a lesson with the reference answers, without prompting.
    case nonInteractive = "non-interactive mode"
    // Budgets
    /// Permission to run beyond the ``WorkBudget`` ceilings.
    case allowLong = "long-run permission"
    /// The number of random probes of a stochastic rank method.
    case probes = "probe count"
    // External oracles
    /// Accepting an oracle that failed a trust check (the run goes on, with a warning).
    case ignoreOracleChecks = "acceptance of failed oracle checks"
    // Calibration of an external estimator
    /// The estimator command under calibration.
    case external = "external estimator command"
    /// The landscapes an external estimator is calibrated on.
    case calibrationLandscapes = "calibration landscapes"
    /// The overall false-failure probability of a calibration, split over its tests.
    case falseFailure = "overall false-failure probability"
    /// The longest one run of an external estimator may take.
    case estimatorTimeout = "estimator timeout"
    // Judging an external estimate
    /// The estimate of a quantity to check against a landscape's known value.
    case estimate = "estimate"
    /// The standard error stated with an estimate.
    case standardError = "standard error"
    /// α, the probability that a correct estimate with an honest standard error fails the check.
    case falseFailureProbability = "false-failure probability α"
    /// The relative tolerance of an eigenvalue estimate judged without a standard error.
    case tolerance = "eigenvalue tolerance"
    /// Using the symmetric part (H + Hᵀ)/2 of an asymmetric `.npy` Hessian.
    case symmetrize = "symmetrization (H + Hᵀ)/2"
  }
}
