import Foundation
import HessianLab

/// Where the text of an SVG document lies, estimated from its own attributes, to check that no
/// text element of a figure leaves its viewBox.
///
/// Each `<text>` element's box: its advance is ``SVGPlot/glyphWidth`` (0.6 em) × font size ×
/// number of characters (entities counted as one), anchored at x as its `text-anchor` says (start:
/// to the right of x, middle: centred on x, end: to the left of x); vertically from y − font size
/// (ascent) to y + 0.25 × font size (descent). A `rotate(-90 …)` element (the y-axis label) runs
/// upwards from (x, y), its box transposed. The font size is the element's `font-size`, else the
/// root `<svg>` element's, else 12. Nested tags inside `<text>` are not supported (the plots write none).
public enum SVGTextBounds {
  /// One text element's estimated box, in viewBox coordinates.
  public struct Box: Sendable, CustomStringConvertible {
    /// The text content (entities decoded).
    public var text: String
    /// The box's edges.
    public var x0, x1, y0, y1: Double
    /// The text and its box, for a failing test's message.
    public var description: String { "'\(text)' spans x \(x0)…\(x1), y \(y0)…\(y1)" }
  }

  /// The viewBox size `0 0 W H` of `svg`, `nil` when it has none of that form.
  public static func viewBox(_ svg: String) -> (width: Double, height: Double)? {
    guard let r = try? Regex(#"viewBox="0 0 ([0-9.]+) ([0-9.]+)""#), let m = svg.firstMatch(of: r),
      let w = m.output[1].substring.flatMap({ Double($0) }), let h = m.output[2].substring.flatMap({ Double($0) })
    else { return nil }
    return (w, h)
  }

  /// Every text element's box.
  public static func boxes(_ svg: String) -> [Box] {
    let rootSize = attribute("font-size", in: rootTag(svg)).flatMap(Double.init) ?? 12
    guard let element = try? Regex(#"<text ([^>]*)>([^<]*)</text>"#) else { return [] }
    return svg.matches(of: element).compactMap { m -> Box? in
      guard let attributes = m.output[1].substring.map(String.init), let raw = m.output[2].substring.map(String.init),
        let x = attribute("x", in: attributes).flatMap(Double.init), let y = attribute("y", in: attributes).flatMap(Double.init)
      else { return nil }
      let text = raw.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
      let size = attribute("font-size", in: attributes).flatMap(Double.init) ?? rootSize
      let extent = SVGPlot.glyphWidth * size * Double(text.count)
      let anchor = attribute("text-anchor", in: attributes) ?? "start"
      let start = anchor == "middle" ? -extent / 2 : anchor == "end" ? -extent : 0
      if attribute("transform", in: attributes)?.hasPrefix("rotate(-90") == true {
        return Box(text: text, x0: x - size, x1: x + 0.25 * size, y0: y - start - extent, y1: y - start)
      }
      return Box(text: text, x0: x + start, x1: x + start + extent, y0: y - size, y1: y + 0.25 * size)
    }
  }

  /// The text elements of `svg` that leave its viewBox, as messages (empty: all inside); one
  /// message when the document has no viewBox.
  public static func outside(_ svg: String) -> [String] {
    guard let (width, height) = viewBox(svg) else { return ["no viewBox=\"0 0 W H\""] }
    return boxes(svg).filter { $0.x0 < 0 || $0.x1 > width || $0.y0 < 0 || $0.y1 > height }
      .map { "\($0) in 0 0 \(width) \(height)" }
  }

  /// The pairs of text elements of `svg` whose boxes intersect (by more than 0.5 px each way), as
  /// messages (empty: no two texts overlap).
  public static func overlaps(_ svg: String) -> [String] {
    let all = boxes(svg)
    var found: [String] = []
    for i in all.indices {
      for j in all.indices where j > i {
        let a = all[i], b = all[j]
        if min(a.x1, b.x1) - max(a.x0, b.x0) > 0.5 && min(a.y1, b.y1) - max(a.y0, b.y0) > 0.5 { found.append("\(a) overlaps \(b)") }
      }
    }
    return found
  }

  /// The attributes of the root `<svg …>` tag.
  static func rootTag(_ svg: String) -> String {
    guard let open = svg.range(of: "<svg "), let close = svg[open.upperBound...].firstIndex(of: ">") else { return "" }
    return String(svg[open.upperBound..<close])
  }

  /// The value of `name="…"` in an attribute list (a whole attribute name, not a suffix of one).
  static func attribute(_ name: String, in attributes: String) -> String? {
    guard let r = try? Regex("(?:^|\\s)\(name)=\"([^\"]*)\""), let v = attributes.firstMatch(of: r) else { return nil }
    return v.output[1].substring.map(String.init)
  }
}
