/// The verdict on one landscape: its known answer, the runs, and the tests of the quantity
/// (bias and coverage for λ, exactness for a rank); it passes when every test does.
public struct LandscapeCalibration: Sendable, Equatable, Codable {
  /// The landscape spec as given.
  public let landscape: String
  /// The known answer the runs are judged against.
  public let truth: CalibrationTruth
  /// Every run, in order.
  public let runs: [CalibrationRun]
  /// The bias test (λ only).
  public let bias: BiasTest?
  /// The coverage test (λ only).
  public let coverage: CoverageTest?
  /// The exactness test (rank only).
  public let exactness: ExactnessTest?
  /// Every test passed.
  public let passed: Bool

  /// Judges `runs` on `landscape` against `truth` with `options`' probabilities.
  public static func judge(
    landscape: String, truth: CalibrationTruth, runs: [CalibrationRun], options: CalibrationOptions
  ) throws -> LandscapeCalibration {
    let p = options.perTestFalseFailureProbability
    let values = runs.map(\.value)
    switch options.quantity {
    case .llc:
      let bias = try BiasTest.run(values: values, truth: truth.value, falseFailureProbability: p)
      let coverage = try CoverageTest.run(
        values: values, standardErrors: runs.map { $0.standardError ?? 0 }, truth: truth.value, falseFailureProbability: p)
      return LandscapeCalibration(
        landscape: landscape, truth: truth, runs: runs, bias: bias, coverage: coverage, exactness: nil,
        passed: bias.passed && coverage.passed)
    case .rank:
      let exactness = ExactnessTest.run(values: values, truth: truth.value, confidence: options.confidence, falseFailureProbability: p)
      return LandscapeCalibration(
        landscape: landscape, truth: truth, runs: runs, bias: nil, coverage: nil, exactness: exactness, passed: exactness.passed)
    }
  }

  /// The names of the failed tests (`bias`, `coverage`, `exactness`).
  public var failedTests: [String] {
    [bias.map { ("bias", $0.passed) }, coverage.map { ("coverage", $0.passed) }, exactness.map { ("exactness", $0.passed) }]
      .compactMap { $0 }.filter { !$0.1 }.map(\.0)
  }
}
