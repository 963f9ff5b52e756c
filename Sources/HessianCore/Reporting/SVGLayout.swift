import Foundation

/// The size and type size of an SVG figure drawn by ``SVGPlot``: the canvas the figure asks for
/// (it grows, never shrinks, when a label or the legend would not fit) and the base font size,
/// from which every text size, tick length, legend row and margin is scaled.
///
/// Shared by every command that writes SVG (`--width`, `--height`, `--font-size`). Cost: none.
public struct SVGLayout: Sendable, Equatable {
  /// The smallest canvas width, in pixels, the figure asks for.
  public var width: Int
  /// The smallest canvas height, in pixels, the figure asks for.
  public var height: Int
  /// The font size of tick labels, axis labels and the legend, in pixels (the title is 1.25×).
  public var fontSize: Double

  /// The default figure: 720 × 440 px, 12 px text.
  public static let standard = SVGLayout(width: 720, height: 440, fontSize: 12)

  /// The widths accepted, in pixels (a narrower canvas cannot hold axes, ticks and a legend;
  /// a wider one is no longer a figure).
  public static let widthRange = 200...10_000
  /// The heights accepted, in pixels.
  public static let heightRange = 150...10_000
  /// The font sizes accepted, in pixels.
  public static let fontSizeRange = 6.0...48.0

  /// A layout of `width` × `height` pixels with `fontSize` px text (not checked here: the command line refuses values outside
  /// ``widthRange``, ``heightRange`` and ``fontSizeRange``).
  public init(width: Int = 720, height: Int = 440, fontSize: Double = 12) {
    self.width = width
    self.height = height
    self.fontSize = fontSize
  }

  /// `fontSize` / 12: the factor by which the default layout's distances are scaled.
  var scale: Double { fontSize / 12 }
}
