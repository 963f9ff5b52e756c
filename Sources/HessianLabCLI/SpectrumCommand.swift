import ArgumentParser
import Foundation
import HessianLab

/// `hessian-lab spectrum`: extreme eigenvalues (Lanczos with restarts) or the
/// SLQ spectral density, drawn in the terminal and optionally as SVG
/// (``SpectrumAnalysis``).
struct SpectrumCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "spectrum",
    abstract: "Top-k / bottom-k Hessian eigenvalues or the SLQ spectral density, from HVPs only.",
    discussion: CommandExamples.discussion(
      """
      --top K / --bottom K: Lanczos with full reorthogonalization, locking and restarts \
      (multiple eigenvalues appear with their copies); each value has its residual and a \
      convergence flag. --density: stochastic Lanczos quadrature (Ubaru–Chen–Saad 2017), \
      smoothed with a Gaussian kernel. Every result reports its cost in HVPs. \
      An indefinite .npy Hessian (a saddle) is answered, with a warning that the \
      point is not a minimum.
      """, for: "spectrum")
  )

  @Argument(help: "A zoo id, fixture .json, .npy Hessian, poly:, dln:, quad: or sum: spec.", completion: .landscape)
  var landscape: String

  @Option(help: "The K largest eigenvalues.")
  var top: Int?

  @Option(help: "The K smallest eigenvalues.")
  var bottom: Int?

  @Flag(help: "The spectral density by stochastic Lanczos quadrature.")
  var density = false

  @Option(help: "Lanczos steps per run or per probe (default: top/bottom min(d, max(2K+20, 40)), density min(d, 30)).")
  var steps: Int?

  /// The SLQ probes when --probes is not given.
  static let defaultProbes = 20

  @Option(help: "SLQ probes (density only; default 20).")
  var probes: Int?

  @Option(help: "Seed of the start vectors and probes (drawn and printed when omitted).")
  var seed: UInt64?

  @Option(help: HVPErrorModel.help, transform: HVPErrorModel.parse)
  var hvp: HVPErrorModel = .exact

  @Flag(help: "Print one JSON object instead of the human report.")
  var json = false

  @Option(help: "Also write the plot as an SVG file.")
  var svg: String?

  @Option(help: "Write the values to this .npy file: --top/--bottom the eigenvalues (1-D), --density the smoothed density as rows (λ, density) (G×2), float64.")
  var save: String?

  @Option(
    name: .customLong("save-vectors"),
    help: "--top/--bottom: write the eigenvector estimates to this .npy file (d×K, float64, unit columns; column j belongs to the j-th reported eigenvalue, in the reported order).")
  var saveVectors: String?

  func validate() throws {
    let modes = [top != nil, bottom != nil, density].filter { $0 }.count
    guard modes == 1 else { throw UsageError("spectrum: give exactly one of --top K, --bottom K, --density") }
    if let k = top ?? bottom, k < 1 { throw UsageError("--\(top != nil ? "top" : "bottom"): K must be at least 1, got \(k)") }
    if let s = steps, s < 1 { throw UsageError("--steps: must be at least 1, got \(s)") }
    if let k = top ?? bottom, let s = steps, s < k {
      throw UsageError("--steps: \(s) Lanczos steps cannot find K = \(k) eigenvalues (need at least K)")
    }
    if let p = probes {
      // A flag that has no effect in the chosen mode is refused, not silently ignored.
      guard density else { throw UsageError("--probes: applies to --density only (--\(top != nil ? "top" : "bottom") uses no probes)") }
      if p < 1 { throw UsageError("--probes: must be at least 1, got \(p)") }
    }
    if let path = save { try OutputFile.check(path, option: "--save", suffix: ".npy") }
    if let path = svg { try OutputFile.check(path, option: "--svg") }
    if let path = saveVectors {
      guard !density else { throw UsageError("--save-vectors: applies to --top/--bottom only (--density computes no eigenvectors)") }
      try OutputFile.check(path, option: "--save-vectors", suffix: ".npy")
    }
    try OutputFile.checkDistinct([("--save", save), ("--svg", svg), ("--save-vectors", saveVectors)])
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
    let subject = try SubjectSpec.resolve(
      landscape, hessianCheck: .saddleAllowed, oracle: try oracleOptions.settings(for: [landscape]))
    try await subject.whileOpen { try await work(on: $0) }
  }

  /// The spectrum of `land`, printed and saved.
  func work(on land: AnalysisSubject) async throws {
    let mode: SpectrumAnalysis.Mode =
      if let k = top { .extremes(.top, count: k) } else if let k = bottom { .extremes(.bottom, count: k) } else { .density }
    var options = SpectrumAnalysis.Options(
      mode: mode, steps: steps, probes: probes ?? Self.defaultProbes, seed: seed ?? DrawnSeed.draw())
    options.hvp = hvp
    if saveVectors != nil, let k = top ?? bottom {
      // The d×K vectors, their .npy bytes and the staged copy, before any work.
      try MemoryBudget.check(
        MemoryBudget.product(3, land.dimension, min(k, land.dimension), MemoryLayout<Double>.size),
        for: "the \(land.dimension)×\(k) eigenvectors of --save-vectors", parameter: top != nil ? .top : .bottom, value: "\(k)")
    }
    let report = try SpectrumAnalysis.run(land, options: options)
    if let path = save { try NumpySave.write(try report.savedArray(), to: path) }
    if let path = saveVectors, let vectors = report.eigenvectors {
      try OutputFile.stage(NumpyArray(matrix: vectors).data(), to: path, option: "--save-vectors")
    }
    if let path = svg { try OutputFile.write(figure.render(report.plot), to: path, option: "--svg") }
    if json {
      print(try JSONOutput.string(Versioned(base: report, normals: .reported(.current))))
      return
    }
    print(Quiet.isOn ? Quiet.withoutPlot(report.text, TerminalPlot.render(report.plot)) : report.text)
    if let path = svg { Quiet.note("wrote \(path)") }
    if let path = save { Quiet.note("wrote \(path)") }
    if let path = saveVectors { Quiet.note("wrote \(path)") }
  }
}
