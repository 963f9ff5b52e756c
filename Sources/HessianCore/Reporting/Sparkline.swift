/// A one-line terminal plot of a sequence: each value becomes one of
/// `▁▂▃▄▅▆▇█` scaled between the sequence's minimum and maximum; a non-finite
/// value becomes `!`. Used for the SGLD loss trace of each chain, where a
/// divergence shows as a climb to `█`/`!` and a missing equilibration as a trend.
///
/// Cost: O(count) after bucketing to at most `width` points.
public enum Sparkline {
  /// The eight block glyphs, lowest first.
  public static let glyphs: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

  /// `values` drawn with at most `width` glyphs (bucket means when longer).
  public static func render(_ values: [Double], width: Int = 48) -> String {
    let v = values.count > width && width > 0 ? SGLDEstimator.downsample(values, to: width) : values
    let finite = v.filter(\.isFinite)
    guard let lo = finite.min(), let hi = finite.max() else { return String(repeating: "!", count: v.count) }
    let span = hi - lo
    return String(
      v.map { x -> Character in
        guard x.isFinite else { return "!" }
        if span <= 0 { return glyphs[3] }
        return glyphs[Int(nearest: (x - lo) / span * Double(glyphs.count - 1), clampedTo: 0...(glyphs.count - 1))]
      })
  }

  /// A labelled line: `label ▁▂▅█  [min … max]`.
  public static func line(label: String, values: [Double], width: Int = 48) -> String {
    let finite = values.filter(\.isFinite)
    let range = finite.isEmpty ? "[no finite values]" : "[\(fmt(finite.min())) … \(fmt(finite.max()))]"
    return "\(label) \(render(values, width: width))  \(range)"
  }
}
