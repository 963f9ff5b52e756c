/// The result of `hessian-lab reproduce covariance-hessian`: the reproduction
/// (``CovarianceHessianReproduction``) with the run's metadata.
///
/// ``encode(to:)`` writes the reproduction's tables flat beside the SVG files written and the
/// time; ``humanText()`` renders the same value.
public struct CovarianceHessianReproductionReport: Sendable, Encodable {
  /// The reproduction's tables.
  public var result: CovarianceHessianReproduction
  /// Paths of the SVG figures written (empty when none were asked for).
  public var svgFiles: [String]
  /// Wall-clock seconds of the run.
  public var seconds: Double

  /// A report from its parts.
  public init(result: CovarianceHessianReproduction, svgFiles: [String], seconds: Double) {
    self.result = result
    self.svgFiles = svgFiles
    self.seconds = seconds
  }

  private enum Keys: String, CodingKey {
    case quick, seed, measureCells, kappaRows, degenerate, lossEvaluations, svgFiles, seconds
  }

  /// The flat JSON form.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Keys.self)
    try c.encode(result.quick, forKey: .quick)
    try c.encode(result.seed, forKey: .seed)
    try c.encode(result.measureCells, forKey: .measureCells)
    try c.encode(result.kappaRows, forKey: .kappaRows)
    try c.encode(result.degenerate, forKey: .degenerate)
    try c.encode(result.lossEvaluations, forKey: .lossEvaluations)
    try c.encode(svgFiles, forKey: .svgFiles)
    try c.encode(seconds, forKey: .seconds)
  }
}
