import ArgumentParser
import HessianLab

/// `--width`, `--height`, `--font-size`: the size and type size of every SVG figure a command
/// writes (``SVGLayout``), shared by every command with `--svg`. Given without `--svg` they are
/// refused (they would have no effect).
struct FigureOptions: ParsableArguments {
  @Option(help: "SVG figures: the smallest canvas width in pixels, \(SVGLayout.widthRange.lowerBound)–\(SVGLayout.widthRange.upperBound) (default \(SVGLayout.standard.width); the canvas grows when a label or the legend needs it).")
  var width: Int?

  @Option(help: "SVG figures: the smallest canvas height in pixels, \(SVGLayout.heightRange.lowerBound)–\(SVGLayout.heightRange.upperBound) (default \(SVGLayout.standard.height)).")
  var height: Int?

  @Option(help: "SVG figures: the font size of labels and legend in pixels, \(Int(SVGLayout.fontSizeRange.lowerBound))–\(Int(SVGLayout.fontSizeRange.upperBound)) (default \(Int(SVGLayout.standard.fontSize)); the title is 1.25×, margins scale with it).")
  var fontSize: Double?

  func validate() throws {
    if let w = width, !SVGLayout.widthRange.contains(w) {
      throw UsageError("--width: \(w) must be between \(SVGLayout.widthRange.lowerBound) and \(SVGLayout.widthRange.upperBound) pixels")
    }
    if let h = height, !SVGLayout.heightRange.contains(h) {
      throw UsageError("--height: \(h) must be between \(SVGLayout.heightRange.lowerBound) and \(SVGLayout.heightRange.upperBound) pixels")
    }
    if let f = fontSize, !SVGLayout.fontSizeRange.contains(f) {
      throw UsageError(
        "--font-size: \(f) must be between \(Int(SVGLayout.fontSizeRange.lowerBound)) and \(Int(SVGLayout.fontSizeRange.upperBound)) pixels")
    }
  }

  /// Refuses a size option when no figure is written (`svg` is the command's `--svg`).
  func check(svg: String?) throws {
    guard svg == nil else { return }
    for (flag, given) in [("--width", width != nil), ("--height", height != nil), ("--font-size", fontSize != nil)] where given {
      throw UsageError("\(flag): applies to the SVG figures only; give --svg too")
    }
  }

  /// The layout of the figures.
  var layout: SVGLayout {
    let d = SVGLayout.standard
    return SVGLayout(width: width ?? d.width, height: height ?? d.height, fontSize: fontSize ?? d.fontSize)
  }

  /// `plot` as SVG text in this layout.
  func render(_ plot: PlotModel) -> String { SVGPlot.render(plot, layout: layout) }
}
