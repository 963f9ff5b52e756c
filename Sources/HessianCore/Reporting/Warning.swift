/// A warning attached to a result: a machine-readable ``code`` naming its
/// cause and a plain-language ``message`` with the numbers behind it.
///
/// Code that reacts to a warning tests the ``code``, never the text (the
/// message may be reworded; the code is the contract). In `--json` output a
/// warning is one object:
///
/// ```json
/// {"code": "multiplicityInvisible", "message": "Krylov space exhausted after 2 of d = 200 steps …"}
/// ```
///
/// Every warning of a rank method says that the answer may be wrong, and why;
/// facts that hold whether or not the answer is right (the cost, the method's
/// definition) belong in the result's other fields, not here.
public struct Warning: Sendable, Codable, Equatable, Hashable, CustomStringConvertible {
  /// The cause, as a stable identifier.
  public var code: WarningCode
  /// The cause in words, with the numbers that triggered it.
  public var message: String

  /// A warning with its cause and its message.
  public init(_ code: WarningCode, _ message: String) {
    self.code = code
    self.message = message
  }

  /// The message (what the human report prints after `warning: `).
  public var description: String { message }
}

/// The causes a result can warn about: a rank method's, a spectrum's, the covariance
/// analysis's (``CovarianceAnalysis``) and read-out plan's, or the learning-coefficient
/// analysis's and its estimators' (``LLCAnalysis``). One case per cause; the raw value is
/// the `code` string of the JSON form.
public enum WarningCode: String, Sendable, Codable, CaseIterable {
  /// The gap ratio at τ (smallest counted / largest uncounted |λ|) is below
  /// ``NumericalRank/fragileGapRatio``: moving τ within the spectrum changes the
  /// rank. A property of the spectrum and the threshold, reported by every method.
  case fragileGap
  /// No ratio between consecutive |λ| within a factor ``SpectralGap/window`` of τ (either side)
  /// reaches ``NumericalRank/fragileGapRatio``: the spectrum decays without a gap near τ, so there
  /// is no gap to read a rank from and the count is a property of τ, not of the Hessian
  /// (``SpectralGap``). Reported by every method, with the largest ratio found.
  case noSpectralGap
  /// An eigenvalue lies below −τ: the Hessian is not at a minimum (a saddle or a
  /// maximum), and |λ| was counted.
  case negativeEigenvalue
  /// Every eigenvalue is exactly zero: rank 0.
  case zeroMatrix
  /// Single-vector Lanczos exhausted its Krylov space before d steps and a
  /// deflated restart in the orthogonal complement found an eigenvalue at least
  /// 10⁶ times Lanczos's resolution δ = 10⁻¹²·‖T‖: it was merged with a partner
  /// within δ, so it is repeated (to 10⁻⁶ relative), and the count of distinct
  /// eigenvalues above τ is below the rank (``LanczosRank``).
  case multiplicityInvisible
  /// Single-vector Lanczos left eigenvalues above τ unresolved: the restart in
  /// the complement found one within 10⁶·δ of zero, where eigenvalues many times
  /// apart merge, or a counted Ritz value lies within its residual of τ. The
  /// count is below the rank; not a multiplicity (``LanczosRank``).
  case smallEigenvaluesUnresolved
  /// Lanczos stopped at its step limit before its Krylov space was exhausted:
  /// eigenvalues above τ may not have been found yet (``LanczosRank``).
  case krylovSpaceNotExhausted
  /// Lanczos ran without reorthogonalisation: converged eigenvalues can appear
  /// several times ("ghosts") and be counted more than once (``LanczosRank``).
  case ghostEigenvalues
  /// The block range finder's basis Q is not an invariant subspace of H:
  /// ‖HQ − QM‖_F is above the tolerance, so eigenvalues above τ may be missing
  /// or wrong (``BlockKrylovRank``).
  case rangeNotInvariant
  /// Deflated power iteration found an eigenvalue above τ but below its own
  /// resolution floor 100·tol·λ_max, well above its deflation residue: the rank
  /// at the requested τ is larger than the one counted (``PowerIteration``).
  case belowPowerResolution
  /// Power-iteration eigenpairs above τ have residual ‖Hv − λv‖ above the
  /// tolerance: PyHessian's relative-change rule stopped them early
  /// (``PowerIteration``).
  case eigenpairsNotConverged
  /// Power iteration stopped at its eigenpair limit with the last eigenvalue still
  /// above τ: the rank is at least the count (``PowerIteration``).
  case eigenpairLimitReached
  /// The SLQ quadrature nodes cannot place enough probe weight on either side
  /// of τ: nodes whose residual interval [|θ| − ρ, |θ| + ρ] contains τ carry a
  /// quarter of an eigenvalue or more, so the count is unreliable whatever the
  /// number of probes (``StochasticLanczosQuadrature``).
  case quadratureUnresolved
  /// The SLQ standard error is too large for the rounded estimate to be the
  /// integer rank at 95% (``StochasticLanczosQuadrature``).
  case tooFewProbes
  /// The Hessian at w* has eigenvalues below −τ (``NegativeCurvature``): w* is a
  /// saddle point, not a minimum, so the learning coefficient and its rank bounds
  /// do not apply there. `spectrum` answers anyway (extreme eigenvalues at a
  /// saddle are a normal question) and says so first.
  case notAMinimum
  /// The landscape's reference point came from training (`mlp:…:train=STEPS`) that stopped before
  /// ‖∇L‖ reached its tolerance: the point is not a minimum to that tolerance, so the Hessian there
  /// (its rank, its spectrum) does not describe a minimum (``NetworkTraining``).
  case trainingNotConverged
  /// Extreme eigenvalues whose residual ‖Hy − θy‖ is above the tolerance
  /// (relative to max|θ|): Lanczos with restarts did not converge on them, and
  /// more steps per run may (``ExtremeEigenvalues``).
  case eigenvaluesNotConverged
  /// Fewer extreme eigenvalues were found than asked for: the restarts added
  /// nothing new before k values were locked (``ExtremeEigenvalues``).
  case eigenvaluesMissing
  /// Finite-difference Hessian-vector products (``FiniteDifferenceHessian``) are less accurate
  /// than their model states: the Richardson estimate of their error, from the steps h and h/2,
  /// is more than ``FiniteDifferenceHessian/inaccuracyFactor`` times the accuracy of the balanced
  /// step (the step is too large for this loss's higher derivatives, or its gradients are noisier
  /// than ε). τ follows the measured error, so the difference error is not counted as curvature,
  /// and eigenvalues below τ are not resolved.
  case finiteDifferenceInaccurate

  // MARK: Covariance of selected samples (``CovarianceAnalysis``)

  /// The largest eigenvalue of Ĉ counted as curved lies within two Tracy–Widom scales of the
  /// lower Marchenko–Pastur edge of the null block: it may be a flat direction (rank one too
  /// high) or a curvature too weak to resolve at this n
  /// (``CovarianceRankReadout/Warning/countedMayBeFlat(eigenvalue:nullDimension:edge:scale:)``).
  case countedMayBeFlat
  /// The smallest eigenvalue of Ĉ read as flat lies more than two Tracy–Widom scales below the
  /// null block's lower Marchenko–Pastur edge: probably a curved direction, the rank too low
  /// (``CovarianceRankReadout/Warning/uncountedBelowNullEdge(eigenvalue:nullDimension:edge:scale:)``).
  case uncountedBelowNullEdge
  /// The sampling centre is off the minimum: the null block of Ĉ is σ²I only when sampling is
  /// centred at w*, so the read-out rule (and the planner's recommendation) does not apply.
  case samplingOffCentre
  /// The mean-centred estimate has n − 1 degrees of freedom, the read-out threshold
  /// τ = σ²(1 − √(d/n))² assumes n.
  case meanCentredDegreesOfFreedom
  /// The Hessian at the minimum has no positive eigenvalue: the covariance–Hessian relation
  /// (``CovarianceHessianRelation``) has no range to be measured on.
  case noHessianRange
  /// The fitted scale's exact value at this λ is not computed (off-centre sampling, or the
  /// series did not converge); the λ → ∞ asymptote shown instead can be off by the stated error.
  case finiteScaleUnavailable
  /// The landscape is not known to be quadratic: selection sees only the ranking of losses, so
  /// the read-out cannot tell x⁴ from x² and can exceed rank(H) (``selectionHonestyWarnings(isKnownQuadratic:readoutRank:knownRank:diagnostic:)``).
  case notKnownQuadratic
  /// The σ-scaling diagnostic's slope is not 2: selection at this σ is not in the quadratic
  /// regime and the read-out can exceed rank(H) (``SigmaScalingDiagnostic``).
  case sigmaScalingNotQuadratic
  /// The read-out exceeds the landscape's known rank(H): it must not be used as rank(H) in the
  /// lower bound rank/2 ≤ λ_LLC.
  case readoutExceedsKnownRank
  /// The read-out is below the landscape's known rank(H): some curved directions' selected
  /// variances lie inside the null block's Marchenko–Pastur spread at this n, where no count can
  /// separate them from flat ones (a variance above about σ²(1 − √(q/n)) merges with the bulk).
  case readoutBelowKnownRank
  /// The last pilot of a read-out plan cannot tell its largest counted eigenvalue from a flat
  /// direction, so c_max and the recommended n are unreliable (``ReadoutPlan``).
  case pilotCannotSeparate


  // MARK: Local learning coefficient (``LLCAnalysis``; listed in ``learningCoefficientCases``)

  /// The computed Hessian rank differs from the rank the landscape knows by
  /// construction: the rank method (or its threshold) missed or added eigenvalues,
  /// and the bounds use the wrong r.
  case rankDiffersFromKnown
  /// The rank comes from the covariance read-out (``RankSource/covarianceReadout``),
  /// which can exceed the Hessian rank on a non-quadratic minimum: an over-count
  /// breaks the lower bound r/2 (``LearningCoefficientBounds``).
  case covarianceRankOverCount
  /// The exact λ lies outside [r/2, r/2 + (d − r)/4]: the r used is not the true
  /// Hessian rank (``LearningCoefficientBounds``).
  case exactOutsideBounds
  /// The volume estimator's multiplicity correction used m = 1 because the
  /// landscape does not know m: λ̂ is biased down if m > 1 (``VolumeScalingEstimator``).
  case multiplicityUnknown

  // MARK: Volume-scaling estimator (``VolumeScalingEstimator``; ``VolumeScalingEstimate/warnings``)

  /// A splitting run stopped (loss-evaluation budget or stalled moves) at a level above
  /// ε_min: the fit uses only the grid points above the level it reached.
  case levelsUnreached
  /// Fewer than 3 grid points lie above the level the splitting runs reached: no slope
  /// is fitted and λ̂ is nil.
  case tooFewGridPoints
  /// The local slope of log P(K < ε) still drifts across the narrowest fit window: ε is
  /// not yet in the power-law regime (or the multiplicity is above the one used); the
  /// drift's systematic error is part of the interval.
  case localSlopeDrifting
  /// The between-run standard error exceeds the ideal-splitting value by more than chance
  /// explains (χ² at 1%): each splitting run errs by its own amount, counted as a
  /// systematic error.
  case excessBetweenRunSpread
  /// One splitting run: the standard error is the ideal-splitting value and ignores the
  /// correlation of the splitting levels.
  case singleReplicate
  /// Fewer than 2% of the splitting trajectory steps stay inside the level set: the
  /// moves barely explore {K < ε}.
  case lowAcceptance

  // MARK: SGLD estimator (``SGLDEstimator``; ``SGLDEstimate/warnings``)

  /// Chains whose recorded nβ(L − L*) became non-finite or exceeded the divergence level
  /// were dropped: the step size is too large.
  case chainsDiverged
  /// The localisation γ is too large for the flattest direction found: the localiser's
  /// share (γ/2)r² exceeds ``LocalisationDiagnostic/warningThreshold``, so λ̂ is biased down
  /// (``LocalisationDiagnostic``).
  case localisationTooStrong
  /// The chains have not relaxed along the weakest curved direction: the kept steps
  /// reach on average less than 95% of its equilibrium variance, so λ̂ is low.
  case slowRelaxation
  /// Rank-normalised split-R̂ of the kept draws is above
  /// ``ChainConvergence/rHatThreshold``: the chains have not converged (``ChainConvergence/mixed``).
  case chainsNotConverged
  /// The last half of the kept draws differs significantly from the first: the chains are
  /// still drifting (``ChainConvergence/drifted``).
  case chainsDrifting
  /// The landscape's multiplicity m is above 1: even an exact sampler reads λ̂ below λ by
  /// about (m − 1)/log(nβ) (``SGLDEstimator/multiplicityShortfall(multiplicity:nBeta:)``).
  case multiplicityShortfall
  /// The gradient of an oracle's model at w* is above the critical-point tolerance
  /// (`CriticalPointCheck`): w* is not a critical point, and the rank there is not what the
  /// bounds on λ and the covariance read-out assume.
  case notACriticalPoint
  /// An oracle failed a trust check (symmetry, linearity or gradient consistency) and the run
  /// went on because the caller accepted it (`OracleTrustPolicy.warn`).
  case oracleCheckFailed
  /// A part of an analysis was skipped because the oracle does not offer a capability it needs
  /// (the message names the part and the capability).
  case capabilityMissing
  /// The adaptive (CMA-ES) read-out resolved no flat block in the spectrum of C: the rank is read
  /// as d, but flat directions may not have separated from curved ones yet (``CMAESRankReadout``).
  case flatBlockUnresolved
  /// The gap the adaptive read-out found grew by less than a quarter of its size in the second
  /// half of the run: it may separate weakly curved directions, not flat ones (``CMAESRankReadout``).
  case gapNotGrowing
  /// A CMA-ES run stopped before its budget because selection carried no information or C broke
  /// down numerically (``CMAESStop``): the covariance is the one reached at the stop.
  case adaptationStopped
  /// The CMA-ES search mean left the neighbourhood of w* where C reflects ∇²L(w*): the curvature
  /// along C's eigenvectors measured at the final mean and at w* differ (``CMAESDriftCheck``), so
  /// the read-out describes the landscape around the mean, not at w*.
  case meanDrifted

  /// The codes only the `llc` analysis reports (``LLCAnalysis``); the others are
  /// rank methods' codes, which `llc` passes on for its rank warnings.
  public static let learningCoefficientCases: [WarningCode] = [
    .rankDiffersFromKnown, .covarianceRankOverCount, .exactOutsideBounds, .multiplicityUnknown,
    .levelsUnreached, .tooFewGridPoints, .localSlopeDrifting, .excessBetweenRunSpread, .singleReplicate, .lowAcceptance,
    .chainsDiverged, .localisationTooStrong, .slowRelaxation, .chainsNotConverged, .chainsDrifting, .multiplicityShortfall,
  ]
}
