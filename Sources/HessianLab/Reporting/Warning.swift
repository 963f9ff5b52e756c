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

/// The causes a rank result can warn about. The raw value is the `code` string
/// of the JSON form.
public enum WarningCode: String, Sendable, Codable, CaseIterable {
  /// The gap ratio at τ (smallest counted / largest uncounted |λ|) is below
  /// ``NumericalRank/fragileGapRatio``: moving τ within the spectrum changes the
  /// rank. A property of the spectrum and the threshold, reported by every method.
  case fragileGap
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
  /// A caveat reported by the volume-scaling estimator (unreached levels, no fit,
  /// one replicate, low move acceptance, …); its cause is in the message
  /// (``VolumeScalingEstimate/warnings``).
  case volumeCaveat
  /// A caveat reported by the SGLD estimator (diverged chains, too large γ, slow
  /// relaxation, chains not converged, multiplicity shortfall); its cause is in
  /// the message (``SGLDEstimate/warnings``).
  case sgldCaveat

  /// The codes only the `llc` analysis reports (``LLCAnalysis``); the others are
  /// rank methods' codes, which `llc` passes on for its rank warnings.
  public static let learningCoefficientCases: [WarningCode] = [
    .rankDiffersFromKnown, .covarianceRankOverCount, .exactOutsideBounds, .multiplicityUnknown, .volumeCaveat, .sgldCaveat,
  ]
}
