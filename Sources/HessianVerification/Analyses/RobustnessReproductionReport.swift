/// The result of `hessian-lab reproduce robustness`: the cells (``RobustnessReproduction``), what
/// they show (``RobustnessSummary``), the SVG files written and the time.
///
/// ``encode(to:)`` writes the reproduction's fields flat beside `summary`, `svgFiles` and `seconds`;
/// ``humanText()`` renders the same value.
public struct RobustnessReproductionReport: Sendable, Encodable {
  /// The cells.
  public var result: RobustnessReproduction
  /// The counts and the answer.
  public var summary: RobustnessSummary
  /// Paths of the SVG figures written (empty when none were asked for).
  public var svgFiles: [String]
  /// Wall-clock seconds of the run.
  public var seconds: Double

  /// A report from its parts; the summary is computed from `result`.
  public init(result: RobustnessReproduction, svgFiles: [String], seconds: Double) {
    self.result = result
    summary = RobustnessSummary(result)
    self.svgFiles = svgFiles
    self.seconds = seconds
  }

  private enum Keys: String, CodingKey {
    case quick, seed, confidence, seedsPerLevel, keptCapFactor, scenarios, landscapes, cells, summary, svgFiles, seconds
  }

  /// The flat JSON form (`seed` is null for the committed seed table).
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Keys.self)
    try c.encode(result.quick, forKey: .quick)
    try c.encode(result.seed, forKey: .seed)
    try c.encode(result.confidence, forKey: .confidence)
    try c.encode(result.seedsPerLevel, forKey: .seedsPerLevel)
    try c.encode(result.keptCapFactor, forKey: .keptCapFactor)
    try c.encode(result.scenarios, forKey: .scenarios)
    try c.encode(result.landscapes, forKey: .landscapes)
    try c.encode(result.cells, forKey: .cells)
    try c.encode(summary, forKey: .summary)
    try c.encode(svgFiles, forKey: .svgFiles)
    try c.encode(seconds, forKey: .seconds)
  }
}
