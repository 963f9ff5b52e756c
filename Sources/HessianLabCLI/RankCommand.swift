import ArgumentParser
import Foundation
import HessianLab

/// `hessian-lab rank`: the numerical rank of a Hessian, with the threshold,
/// the eigenvalues on either side of it, the gap ratio and the cost in HVPs
/// always shown (``RankAnalysis``).
struct RankCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rank",
    abstract: "Numerical rank of a Hessian at a minimum, by a dense or a Hessian-vector-product method.",
    discussion: CommandExamples.discussion(
      """
      The rank is the number of eigenvalues with |λ| > τ. By default \
      τ = max|λ|·d·ε with ε of the input's precision (2^-52 for float64, \
      2^-23 for float32 files). Other policies: --threshold gap | rel:F | abs:T.
      Methods: dense (reference, d HVPs or the known matrix); lanczos (single vector, \
      full reorthogonalization, stops at the Krylov dimension; cannot see multiplicities); \
      block (adaptive randomized range finder + Rayleigh–Ritz, multiplicity-safe); \
      power (deflated power iteration as in PyHessian); slq (stochastic trace of the \
      spectral projector, with its standard error; each probe's Lanczos run grows until \
      its quadrature nodes resolve τ).
      Every warning carries a code naming its cause (in --json: {"code", "message"}).
      """, for: "rank")
  )

  @Argument(help: "A .npy Hessian, a zoo id, a fixture .json, a poly:/dln:/quad:/sum: spec, or oracle:COMMAND (a model behind an external oracle; needs hvp).", completion: .landscape)
  var input: String

  @Option(help: "Rank method (auto: dense for d ≤ 2000 or a stored Hessian whose eigendecomposition fits the ceilings, block otherwise).")
  var method: RankMethodChoice = .auto

  @Option(help: "Threshold policy: precision, gap, rel:F (0 < F < 1) or abs:T (T > 0) (default: precision).", transform: ThresholdPolicy.parse)
  var threshold: ThresholdPolicy = .precisionRelative

  @Option(help: HVPErrorModel.help, transform: HVPErrorModel.parse)
  var hvp: HVPErrorModel = .exact

  @Option(help: "Seed of start vectors and probes (drawn and printed when omitted; not used by dense).")
  var seed: UInt64?

  @Option(help: "lanczos: maximum steps (default d); slq: the most Lanczos steps per probe (default min(d, 300); each run stops once its nodes resolve τ).")
  var steps: Int?

  @Option(help: "slq: number of probes.")
  var probes: Int = 100

  @Option(help: "lanczos: full (default) or none — none shows ghost eigenvalues (teaching only).")
  var reorthogonalization: Reorthogonalization = .full

  @Flag(help: "Print one JSON object instead of the human report.")
  var json = false

  @Option(help: "Write the computed eigenvalues (ascending; Ritz values or SLQ nodes for those methods) to this .npy file (1-D, float64).")
  var save: String?

  @Option(help: "Write an SVG plot of the computed |λ| (largest first, log axis) with τ and the gap marked, counted and uncounted apart.")
  var svg: String?

  func validate() throws {
    if let s = steps, s < 1 { throw UsageError("--steps: must be at least 1, got \(s)") }
    if probes < 1 { throw UsageError("--probes: must be at least 1, got \(probes)") }
    if let path = save { try OutputFile.check(path, option: "--save", suffix: ".npy") }
    if let path = svg { try OutputFile.check(path, option: "--svg") }
    try OutputFile.checkDistinct([("--save", save), ("--svg", svg)])
    try figure.check(svg: svg)
  }

  @OptionGroup var figure: FigureOptions
  @OptionGroup var quietOption: QuietOption

  @OptionGroup var ceilings: BudgetOptions

  @OptionGroup var oracleOptions: OracleOptions

  @OptionGroup var symmetrizeOption: SymmetrizeOption

  func run() async throws {
    try await symmetrizeOption.run(json: json) { try await ceilings.run { try await runWithinBudget() } }
  }

  /// The command's work, run with the ceilings of `--allow-long`.
  func runWithinBudget() async throws {
    // The one loader for every input; a saddle is accepted (the rank counts |λ|, and the
    // dense method warns), and no eigendecomposition is made at load.
    let subject = try SubjectSpec.resolve(
      input, hessianCheck: .symmetryOnly, oracle: try oracleOptions.settings(for: [input]))
    try await subject.whileOpen { try work(on: $0) }
  }

  /// The rank of `land`, printed and saved.
  func work(on land: AnalysisSubject) throws {
    let method = self.method.resolved(for: land)
    let options = RankAnalysis.Options(
      method: method, threshold: threshold,
      seed: method.isRandomized ? (seed ?? DrawnSeed.draw()) : seed,
      steps: steps, probes: probes, reorthogonalization: reorthogonalization, hvp: hvp)
    let report = try RankAnalysis.run(land, options: options)
    if let path = save { try NumpySave.write(NumpyArray(vector: report.result.eigenvalues), to: path) }
    if let path = svg { try OutputFile.write(figure.render(report.plot), to: path, option: "--svg") }
    print(json ? try JSONOutput.string(Versioned(base: report, normals: .seeded(report.result.seed))) : report.text)
    if let path = svg, !json { Quiet.note("wrote \(path)") }
  }
}
