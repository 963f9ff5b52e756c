extension RankReport {
  /// The human report of `hessian-lab rank`: the rank with the input's name and
  /// precision, τ and its policy, the eigenvalues on each side of τ and the gap
  /// ratio, how a trained reference point was reached (when trained), the HVP error model (when not exact), the cost, every warning, and the seed to rerun with (when one was used).
  public var text: String {
    var lines = result.summaryLines(source: landscape, precision: precision, seed: result.seed)
    if let model = hvpModel { lines.insert(model.line, at: min(2, lines.count)) }
    if let t = training { lines.insert(t.line, at: min(1, lines.count)) }
    return ((oracle?.lines ?? []) + lines).joined(separator: "\n")
  }
}
