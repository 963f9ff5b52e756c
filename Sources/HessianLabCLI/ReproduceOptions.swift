import ArgumentParser
import Foundation
import HessianLab

/// The options every `reproduce` subcommand shares: the figures' folder, JSON output and workers.
struct ReproduceOptions: ParsableArguments {
  @Option(help: "Write the SVG figures into this directory.")
  var svg: String?

  @OptionGroup var figure: FigureOptions

  @Flag(help: "Print one JSON object instead of the tables.")
  var json = false

  @Option(help: "Concurrent workers (the result does not depend on it).")
  var workers: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)

  @OptionGroup var quietOption: QuietOption

  func validate() throws {
    guard workers >= 1 else { throw UsageError("--workers: \(workers) must be at least 1") }
    try figure.check(svg: svg)
    if let dir = svg { try OutputFile.checkFolder(dir, option: "--svg") }
  }

  /// Stages each figure (file name → plot) in the `--svg` folder, drawn in the `--width`,
  /// `--height`, `--font-size` layout, in name order; returns the paths.
  func stageFigures(_ figures: [String: PlotModel]) throws -> [String] {
    guard let dir = svg else { return [] }
    var written: [String] = []
    for (name, plot) in figures.sorted(by: { $0.key < $1.key }) {
      let path = URL(fileURLWithPath: dir).appendingPathComponent(name).path
      try OutputFile.write(figure.render(plot), to: path, option: "--svg")
      written.append(path)
    }
    return written
  }
}
