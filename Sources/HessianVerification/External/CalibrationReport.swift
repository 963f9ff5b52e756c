/// The result of calibrating an external estimator (``ExternalCalibration``): the settings, the
/// probabilities the tests were run at, and one ``LandscapeCalibration`` per landscape. Its JSON
/// is `docs/schema/verify-external.schema.json`.
public struct CalibrationReport: Sendable, Equatable, Codable {
  /// Which report this is: always `external` (a suite or exploration report has no such key).
  public let mode: String
  /// The estimator command as given.
  public let command: String
  /// What it estimates.
  public let quantity: CalibrationQuantity
  /// The master seed of the runs' seeds.
  public let seed: UInt64
  /// n, runs per landscape.
  public let seeds: Int
  /// P, the overall false-failure probability.
  public let falseFailureProbability: Double
  /// Tests per landscape (2 for λ, 1 for a rank).
  public let testsPerLandscape: Int
  /// p = P / (landscapes × tests), each test's share (Bonferroni).
  public let perTestFalseFailureProbability: Double
  /// c, the probability of an exact rank held to (rank only).
  public let confidence: Double?
  /// The landscapes' verdicts, in the order given.
  public let landscapes: [LandscapeCalibration]
  /// The landscapes that failed.
  public let failures: Int
  /// No landscape failed.
  public let passed: Bool

  /// The report of `landscapes` run with `options`.
  public init(options: CalibrationOptions, landscapes: [LandscapeCalibration]) {
    mode = "external"
    command = options.command
    quantity = options.quantity
    seed = options.masterSeed
    seeds = options.seeds
    falseFailureProbability = options.falseFailureProbability
    testsPerLandscape = options.testsPerLandscape
    perTestFalseFailureProbability = options.perTestFalseFailureProbability
    confidence = options.quantity == .rank ? options.confidence : nil
    self.landscapes = landscapes
    failures = landscapes.filter { !$0.passed }.count
    passed = failures == 0
  }

  /// The failure to report (exit status 1), naming the first failed landscape and its tests;
  /// nil when every landscape passed.
  public var failure: VerificationFailure? {
    guard let first = landscapes.first(where: { !$0.passed }) else { return nil }
    return VerificationFailure(
      "\(failures) of \(landscapes.count) landscape\(landscapes.count == 1 ? "" : "s") failed (first: \(first.landscape), \(first.failedTests.joined(separator: " and ")))")
  }
}
