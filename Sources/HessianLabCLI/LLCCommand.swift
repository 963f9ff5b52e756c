import ArgumentParser
import Foundation
import HessianLab

/// `hessian-lab llc`: the local learning coefficient — bounds from the Hessian
/// rank, the exact value when the landscape knows it, and two independent
/// estimates (volume scaling with rare-event splitting; SGLD as in devinterp).
struct LLCCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "llc",
    abstract: "Local learning coefficient: rank bounds, exact value, volume and SGLD estimates.",
    discussion: CommandExamples.discussion(
      """
      Bounds: r/2 ≤ λ ≤ r/2 + (d − r)/4 with r the Hessian rank at the minimum \
      (Bushnaq 2024). Volume: P(K < ε) ≈ c ε^λ (−log ε)^{m−1} over ε-min…ε-max, \
      by multilevel splitting (Cérou & Guyader 2007). SGLD: λ̂ = nβ(E[L] − L(w*)), \
      β = 1/log n, localisation γ (Lau et al. 2025). Math notes §3, §4, §6.
      """, for: "llc")
  )

  @Argument(help: "The landscape (zoo id, fixture .json, .npy Hessian, poly:EXPR, dln:..., quad:..., sum:...), or oracle:COMMAND (bounds need hvp or --rank, volume loss + gradient, sgld loss + gradient + hvp).", completion: .landscape)
  var landscape: String

  @Option(help: "What to compute.")
  var method: LLCMethod = .all

  @Option(help: "Root seed (drawn and printed when omitted).")
  var seed: UInt64?

  @Option(help: HVPErrorModel.help, transform: HVPErrorModel.parse)
  var hvp: HVPErrorModel = .exact

  @Flag(help: "Print one JSON object instead of the human report.")
  var json = false

  @Option(name: .customLong("rank-method"), help: "How to compute the Hessian rank (auto: dense for d ≤ 2000 or a stored Hessian whose eigendecomposition fits the ceilings, else block).")
  var rankMethod: RankMethodChoice = .auto

  @Option(help: "Use this rank for the bounds instead of computing it.")
  var rank: Int?

  @Option(name: .customLong("rank-source"), help: "Where --rank came from (covariance flags the lower bound as unsafe).")
  var rankSource: RankSource = .stated

  @Option(help: "Volume multiplicity correction: known (the landscape's m, else 1), or a fixed integer m ≥ 1.")
  var multiplicity: VolumeMultiplicity = .known

  @Option(name: .customLong("epsilon-min"), help: "Volume: the splitting runs down to this ε, the lower end of the fit window.")
  var epsilonMin: Double = 1e-10

  @Option(name: .customLong("epsilon-max"), help: "Volume: largest ε of the fit window (< 1); lowered while the local slope drifts.")
  var epsilonMax: Double = 1e-3

  @Option(help: "Volume: splitting particles per run.")
  var particles: Int = 256

  @Option(help: "Volume: independent splitting runs.")
  var replicates: Int = 8

  @Option(help: "Volume: move pairs (reflective + differential-evolution step) per replaced particle.")
  var moves: Int = 5

  @Option(name: .customLong("n"), help: "SGLD: nominal sample size n (β = 1/log n).")
  var sampleSize: Double = 10_000

  @Option(help: "SGLD: localisation γ.")
  var gamma: Double = 1

  @Option(name: .customLong("step-size"), help: "SGLD: step size ε (default 0.01/(nβ·max(1, h_max/2))).")
  var stepSize: Double?

  @Option(help: "SGLD: chains.")
  var chains: Int = 8

  @Option(help: "SGLD: steps per chain, burn-in included.")
  var steps: Int = 20_000

  @Option(name: .customLong("burn-in"), help: "SGLD: steps discarded per chain.")
  var burnIn: Int = 4_000

  /// Checks every numeric option (used by the chosen method or not) before any work.
  func validate() throws {
    guard epsilonMin.isFinite, epsilonMin > 0, epsilonMin < 1 else { throw UsageError("--epsilon-min: ε = \(epsilonMin) must be in (0, 1)") }
    guard epsilonMax.isFinite, epsilonMax > 0, epsilonMax < 1 else { throw UsageError("--epsilon-max: ε = \(epsilonMax) must be in (0, 1)") }
    guard epsilonMin < epsilonMax else { throw UsageError("--epsilon-min: \(epsilonMin) must be smaller than --epsilon-max \(epsilonMax)") }
    guard particles >= 4 else { throw UsageError("--particles: \(particles) must be at least 4") }
    guard replicates >= 1 else { throw UsageError("--replicates: \(replicates) must be at least 1") }
    guard moves >= 1 else { throw UsageError("--moves: \(moves) must be at least 1") }
    if case let .fixed(m) = multiplicity, m < 1 { throw UsageError("--multiplicity: '\(m)' is neither 'known' nor an integer ≥ 1") }
    guard sampleSize.isFinite, sampleSize > 1 else { throw UsageError("--n: n = \(sampleSize) must be a finite number > 1 (β = 1/log n)") }
    guard gamma.isFinite, gamma >= 0 else { throw UsageError("--gamma: γ = \(gamma) must be finite and ≥ 0") }
    if let h = stepSize, !(h.isFinite && h > 0) { throw UsageError("--step-size: ε = \(h) must be positive and finite") }
    guard chains >= 1 else { throw UsageError("--chains: \(chains) must be at least 1") }
    guard steps >= 1 else { throw UsageError("--steps: \(steps) must be at least 1") }
    guard burnIn >= 0 else { throw UsageError("--burn-in: \(burnIn) must be ≥ 0") }
    guard burnIn < steps else { throw UsageError("--burn-in: \(burnIn) must be less than --steps \(steps) (no draws would be kept)") }
    if let r = rank, r < 0 { throw UsageError("--rank: \(r) must be ≥ 0") }
  }

  @OptionGroup var quietOption: QuietOption

  @OptionGroup var ceilings: BudgetOptions

  @OptionGroup var oracleOptions: OracleOptions

  @OptionGroup var symmetrizeOption: SymmetrizeOption

  func run() async throws {
    try await symmetrizeOption.run(json: json) { try await ceilings.run { try await runWithinBudget() } }
  }

  /// The command's work, run with the ceilings of `--allow-long`.
  func runWithinBudget() async throws {
    let subject = try SubjectSpec.resolve(landscape, oracle: try oracleOptions.settings(for: [landscape]))
    try await subject.whileOpen { try work(on: $0) }
  }

  /// The learning-coefficient analysis of `land`, printed.
  func work(on land: AnalysisSubject) throws {
    if let r = rank, r > land.dimension { throw UsageError("--rank: \(r) is not between 0 and d = \(land.dimension)") }
    var options = LLCAnalysis.Options(seed: seed ?? DrawnSeed.draw())
    if seed == nil, !json { Quiet.note("seed \(options.seed) (drawn; pass --seed \(options.seed) to reproduce)") }
    options.method = method
    options.rankMethod = rankMethod
    options.hvp = hvp
    options.rank = rank
    options.rankSource = rankSource
    options.multiplicity = multiplicity
    let splitting = MultilevelSplitting.Configuration(particles: particles, movesPerIteration: moves)
    options.volume = .init(epsilonMin: epsilonMin, epsilonMax: epsilonMax, replicates: replicates, splitting: splitting)
    options.sgld = .init(
      sampleSize: sampleSize, localisation: gamma, stepSize: stepSize, chains: chains, steps: steps, burnIn: burnIn)
    let progress = ProgressBar(label: "llc")
    defer { progress.finish() }
    let report: LLCSubjectReport
    do {
      report = try LLCAnalysis.run(land, options: options, progress: progress.update)
    } catch let error as LLCAnalysisError {
      throw UsageError("\(landscape): \(error)")
    }
    progress.finish()
    print(json ? try JSONOutput.string(Versioned(base: report, normals: .reported(.current))) : report.text)
  }
}
