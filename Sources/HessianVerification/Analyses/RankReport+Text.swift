extension RankReport {
  /// The human report of `hessian-lab rank`: the rank with the input's name and
  /// precision, τ and its policy, the eigenvalues on each side of τ and the gap
  /// ratio, how a trained reference point was reached and the largest gap near τ (when trained), the HVP error model (when not exact), the cost, every warning, and the seed to rerun with (when one was used).
  public var text: String {
    var lines = result.summaryLines(source: landscape, precision: precision, seed: result.seed)
    if let model = hvpModel { lines.insert(model.line, at: min(2, lines.count)) }
    if let t = training {
      lines.insert(t.line, at: min(1, lines.count))
      // At a trained point the rank depends on τ: the largest gap near τ is always shown (the summary shows it
      // only when it lies elsewhere than at τ; no clear gap is the noSpectralGap warning).
      let r = result
      if r.method != .slq, let g = r.spectralGap, g.isClear, g.at == r.rank { lines.insert(g.line, at: min(4, lines.count)) }
    }
    return ((oracle?.lines ?? []) + lines).joined(separator: "\n")
  }
}
