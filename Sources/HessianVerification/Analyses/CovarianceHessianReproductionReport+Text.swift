import Foundation

extension CovarianceHessianReproductionReport {
  /// The tables (``CovarianceHessianReproduction/table()``), one `wrote PATH` line per SVG
  /// file, and the seed and time.
  public func humanText() -> String {
    ([result.table()] + svgFiles.map { "wrote \($0)" } + ["seed \(result.seed), \(String(format: "%.1f", seconds)) s"])
      .joined(separator: "\n")
  }
}
