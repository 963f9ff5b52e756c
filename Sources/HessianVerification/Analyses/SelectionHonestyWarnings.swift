/// The honesty warnings for a rank read-out from selected samples on a landscape
/// that may not be quadratic (theory §4.6): selection sees only the ranking of
/// losses, so the read-out can exceed rank(H).
///
/// - Parameters:
///   - isKnownQuadratic: the landscape is a quadratic by construction.
///   - readoutRank: the read-out, compared with the known rank when there is one.
///   - knownRank: rank ∇²L(w*) if known.
///   - diagnostic: the σ-scaling diagnostic, if it was run.
/// - Returns: in this order, ``WarningCode/notKnownQuadratic`` unless `isKnownQuadratic`;
///   ``WarningCode/sigmaScalingNotQuadratic`` when the diagnostic's slope is not 2
///   (``SigmaScalingDiagnostic/isQuadratic(tolerance:)``); ``WarningCode/readoutExceedsKnownRank``
///   when the read-out is above the known rank, ``WarningCode/readoutBelowKnownRank`` when below.
public func selectionHonestyWarnings(
  isKnownQuadratic: Bool, readoutRank: Int?, knownRank: Int?, diagnostic: SigmaScalingDiagnostic?
) -> [Warning] {
  var warnings: [Warning] = []
  if !isKnownQuadratic {
    warnings.append(
      Warning(
        .notKnownQuadratic,
        "the landscape is not known to be quadratic: selection depends only on the ranking of losses, so the read-out "
          + "cannot tell x⁴ from x² and can exceed rank(H); then rank/2 ≤ λ_LLC would be violated if it were used as rank(H)"))
  }
  if let dg = diagnostic, !dg.isQuadratic() {
    warnings.append(
      Warning(
        .sigmaScalingNotQuadratic,
        "σ-scaling: E[L(winner)] grows like σ^\(SamplingFormat.short(dg.slope)) (± \(SamplingFormat.short(dg.slopeStandardError))), "
          + "not σ²: selection at this σ is not in the quadratic regime and the read-out can exceed rank(H)"))
  }
  if let r = readoutRank, let k = knownRank, r > k {
    warnings.append(
      Warning(
        .readoutExceedsKnownRank,
        "the read-out \(r) exceeds the known Hessian rank \(k): do not use it in the lower bound rank/2 ≤ λ_LLC"))
  }
  if let r = readoutRank, let k = knownRank, r < k {
    warnings.append(
      Warning(
        .readoutBelowKnownRank,
        "the read-out \(r) is below the known Hessian rank \(k): \(k - r) curved direction(s) are not separated from "
          + "the flat ones at this n (their variances lie inside the null block's spread); use more kept points (see --plan)"))
  }
  return warnings
}
