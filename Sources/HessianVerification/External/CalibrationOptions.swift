/// The settings of a calibration of an external estimator (`hessian-lab verify --external`):
/// which command, which quantity, on which landscapes, how many runs, and the overall
/// false-failure probability that the tests share.
public struct CalibrationOptions: Sendable, Equatable {
  /// The estimator, a shell command (``EstimatorInvocation`` says what it receives).
  public var command: String
  /// What it estimates.
  public var quantity: CalibrationQuantity
  /// The landscape specs it runs on (default ``defaultLandscapes``).
  public var landscapes: [String]
  /// n, runs per landscape, each with its own seed (at least 2 for λ, 1 for a rank).
  public var seeds: Int
  /// P, the probability that a calibrated estimator fails anywhere; split evenly (Bonferroni)
  /// over landscapes × tests (``perTestFalseFailureProbability``).
  public var falseFailureProbability: Double
  /// c, the probability of an exact rank a rank estimator is held to (rank only).
  public var confidence: Double
  /// The longest one run may take, in seconds.
  public var timeoutSeconds: Double
  /// The master seed every run's seed derives from (``runSeed(master:landscape:run:)``).
  public var masterSeed: UInt64
  /// Extra environment variables for every run (the command line sets `HESSIAN_LAB`, its own path).
  public var environment: [String: String]

  /// Five zoo landscapes whose λ is a theorem (and whose rank is known), from a regular
  /// one-dimensional minimum to a deep linear network: x², x² + y⁴, (xy)², DLN 3-2-3 and
  /// DLN 4-3-5 of true rank 2 (λ = 1/2, 3/4, 1/2, 7/2, 8).
  public static let defaultLandscapes = ["nc-x2", "newton-edge", "nc-xy2", "dln-3-2-3", "dln:4-3-5:rank=2"]
  /// The most runs (landscapes × seeds) one calibration may start: 10⁴.
  public static let maximumRuns = 10_000

  /// Settings with the command line's defaults: the five default landscapes, 20 seeds each,
  /// P = 0.01, c = 0.95, 600 s per run.
  public init(
    command: String, quantity: CalibrationQuantity, landscapes: [String] = CalibrationOptions.defaultLandscapes,
    seeds: Int = 20, falseFailureProbability: Double = 0.01, confidence: Double = 0.95, timeoutSeconds: Double = 600,
    masterSeed: UInt64, environment: [String: String] = [:]
  ) {
    self.command = command
    self.quantity = quantity
    self.landscapes = landscapes
    self.seeds = seeds
    self.falseFailureProbability = falseFailureProbability
    self.confidence = confidence
    self.timeoutSeconds = timeoutSeconds
    self.masterSeed = masterSeed
    self.environment = environment
  }

  /// The tests per landscape: bias and coverage for λ, exactness for a rank.
  public var testsPerLandscape: Int { quantity == .llc ? 2 : 1 }

  /// p = P / (landscapes × tests per landscape), each test's share of the overall probability.
  public var perTestFalseFailureProbability: Double {
    falseFailureProbability / Double(max(1, landscapes.count * testsPerLandscape))
  }

  /// The seed of run `j` on landscape `i`: a 32-bit number (so that any seeding API takes it)
  /// derived from the master seed, `(childSeed(childSeed(master, i), j) >> 32)` with
  /// ``SeededGenerator/childSeed(root:index:)``, so the runs are independent and reproducible.
  public static func runSeed(master: UInt64, landscape i: Int, run j: Int) -> UInt64 {
    SeededGenerator.childSeed(root: SeededGenerator.childSeed(root: master, index: UInt64(i)), index: UInt64(j)) >> 32
  }

  /// Checks every setting before anything runs.
  ///
  /// - Throws: ``InputError/parameter(_:value:problem:)`` naming the setting: an empty command,
  ///   no landscapes or one given twice, too few seeds, landscapes × seeds above ``maximumRuns``,
  ///   P or c outside (0, 1), a timeout that is not a positive finite number of seconds.
  public func validate() throws(InputError) {
    if command.trimmingCharacters(in: .whitespaces).isEmpty {
      throw .parameter(.external, value: command, problem: "the estimator command is empty")
    }
    if landscapes.isEmpty { throw .parameter(.calibrationLandscapes, value: "", problem: "give at least one landscape") }
    if let twice = landscapes.enumerated().first(where: { landscapes.prefix($0.offset).contains($0.element) })?.element {
      throw .parameter(.calibrationLandscapes, value: twice, problem: "\(twice) is listed twice")
    }
    let least = quantity == .llc ? 2 : 1
    if seeds < least {
      throw .parameter(
        .seeds, value: "\(seeds)",
        problem: "\(seeds) runs per landscape; need at least \(least)\(quantity == .llc ? " (the bias test estimates a spread)" : "")")
    }
    let (runs, overflow) = seeds.multipliedReportingOverflow(by: landscapes.count)
    if overflow || runs > Self.maximumRuns {
      throw .parameter(
        .seeds, value: "\(seeds)",
        problem: "\(landscapes.count) landscapes × \(seeds) seeds = \(overflow ? "more than \(Int.max)" : "\(runs)") runs of the estimator, more than the ceiling \(Self.maximumRuns); refused before starting")
    }
    if !(falseFailureProbability > 0 && falseFailureProbability < 1) {
      throw .parameter(.falseFailure, value: "\(falseFailureProbability)", problem: "P = \(falseFailureProbability) must be in (0, 1)")
    }
    if !(confidence > 0 && confidence < 1) {
      throw .parameter(.confidence, value: "\(confidence)", problem: "c = \(confidence) must be in (0, 1)")
    }
    if !(timeoutSeconds.isFinite && timeoutSeconds > 0) {
      throw .parameter(.estimatorTimeout, value: "\(timeoutSeconds)", problem: "\(timeoutSeconds) must be a positive, finite number of seconds")
    }
  }
}
