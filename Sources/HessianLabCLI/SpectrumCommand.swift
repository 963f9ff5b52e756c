import ArgumentParser
import Foundation
import HessianLab

/// `hessian-lab spectrum`: extreme eigenvalues (Lanczos with restarts) or the
/// SLQ spectral density, drawn in the terminal and optionally as SVG.
struct SpectrumCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "spectrum",
    abstract: "Top-k / bottom-k Hessian eigenvalues or the SLQ spectral density, from HVPs only.",
    discussion: """
      --top K / --bottom K: Lanczos with full reorthogonalization, locking and restarts \
      (multiple eigenvalues appear with their copies); each value has its residual and a \
      convergence flag. --density: stochastic Lanczos quadrature (Ubaru–Chen–Saad 2017), \
      smoothed with a Gaussian kernel. Every result reports its cost in HVPs. \
      An indefinite .npy Hessian (a saddle) is answered, with a warning that the \
      point is not a minimum.
      """
  )

  @Argument(help: "A zoo id, fixture .json, .npy Hessian, poly:, dln:, quad: or sum: spec.")
  var landscape: String

  @Option(help: "The K largest eigenvalues.")
  var top: Int?

  @Option(help: "The K smallest eigenvalues.")
  var bottom: Int?

  @Flag(help: "The spectral density by stochastic Lanczos quadrature.")
  var density = false

  @Option(help: "Lanczos steps per run or per probe (default: top/bottom min(d, max(2K+20, 40)), density min(d, 30)).")
  var steps: Int?

  @Option(help: "SLQ probes (density only).")
  var probes: Int = 20

  @Option(help: "Seed of the start vectors and probes (drawn and printed when omitted).")
  var seed: UInt64?

  @Flag(help: "Print one JSON object instead of the human report.")
  var json = false

  @Option(help: "Also write the plot as an SVG file.")
  var svg: String?

  @Option(help: "Write the values to this .npy file: --top/--bottom the eigenvalues (1-D), --density the smoothed density as rows (λ, density) (G×2), float64.")
  var save: String?

  struct Report: Codable {
    /// The layout version (``JSONSchemaVersion``); `docs/schema/spectrum.schema.json`.
    var schemaVersion = JSONSchemaVersion.current
    var landscape: String
    var mode: String
    var dimension: Int
    var eigenvalues: [Double]?
    var residuals: [Double]?
    var converged: [Bool]?
    var nodes: [Double]?
    var weights: [Double]?
    var grid: [Double]?
    var density: [Double]?
    var probes: Int?
    var steps: Int?
    var hessianVectorProducts: Int
    var warnings: [String]
    var seed: UInt64
    var seconds: Double
  }

  func validate() throws {
    let modes = [top != nil, bottom != nil, density].filter { $0 }.count
    guard modes == 1 else { throw UsageError("spectrum: give exactly one of --top K, --bottom K, --density") }
    if let k = top ?? bottom, k < 1 { throw UsageError("--\(top != nil ? "top" : "bottom"): K must be at least 1, got \(k)") }
    if let s = steps, s < 1 { throw UsageError("--steps: must be at least 1, got \(s)") }
    if let k = top ?? bottom, let s = steps, s < k {
      throw UsageError("--steps: \(s) Lanczos steps cannot find K = \(k) eigenvalues (need at least K)")
    }
    if probes < 1 { throw UsageError("--probes: must be at least 1, got \(probes)") }
    if let path = save { try OutputFile.check(path, option: "--save", suffix: ".npy") }
    if let path = svg { try OutputFile.check(path, option: "--svg") }
  }

  func run() async throws {
    let land = try LandscapeSpec.resolve(landscape, hessianCheck: .saddleAllowed)
    // Extreme eigenvalues at a saddle are a normal question: answer it, and say it is not a minimum.
    let saddleWarnings = land.knownAnswers.negativeCurvature.map { [$0.warning] } ?? []
    if let k = top ?? bottom, k > land.dimension {
      throw UsageError("--\(top != nil ? "top" : "bottom"): K = \(k) is more than the dimension d = \(land.dimension) of \(land.name)")
    }
    let op = HessianOperator(landscape: land)
    let rootSeed = seed ?? UInt64.random(in: 0...UInt64.max)
    var rng = SeededGenerator(seed: rootSeed)
    let clock = ContinuousClock()
    let start = clock.now
    var report: Report
    let plot: PlotModel
    if density {
      let d = land.dimension
      let m = min(d, steps ?? 30)
      let dens = try StochasticLanczosQuadrature.density(of: op, probes: probes, steps: m, using: &rng)
      let pooled = dens.pooled
      let lo = pooled.first?.node ?? 0, hi = pooled.last?.node ?? 1
      let span = max(hi - lo, abs(hi) * 1e-3, 1e-12)
      let sigma = span / 50
      let grid = (0...200).map { lo - 3 * sigma + Double($0) / 200 * (span + 6 * sigma) }
      let values = dens.smoothed(on: grid, sigma: sigma)
      report = Report(
        landscape: land.name, mode: "density", dimension: d, nodes: pooled.map(\.node), weights: pooled.map(\.weight),
        grid: grid, density: values, probes: probes, steps: m, hessianVectorProducts: dens.hessianVectorProducts,
        warnings: saddleWarnings, seed: rootSeed, seconds: 0)
      plot = PlotModel(
        title: "SLQ spectral density of \(land.name) (\(probes) probes × \(m) steps, σ = \(String(format: "%.3g", sigma)))",
        xLabel: "eigenvalue λ", yLabel: "density (per unit of λ)",
        series: [.init(name: "smoothed SLQ density", x: grid, y: values, style: .line)])
    } else {
      let end: SpectrumEnd = top != nil ? .top : .bottom
      let k = top ?? bottom ?? 1
      let result = try ExtremeEigenvalues.compute(of: op, end: end, count: k, steps: steps, using: &rng)
      report = Report(
        landscape: land.name, mode: end.rawValue, dimension: land.dimension, eigenvalues: result.values,
        residuals: result.residuals, converged: result.converged, hessianVectorProducts: result.hessianVectorProducts,
        warnings: saddleWarnings + result.warnings, seed: rootSeed, seconds: 0)
      let positive = result.values.allSatisfy { $0 > 0 }
      let xs = result.values.indices.map { Double($0 + 1) }
      plot = PlotModel(
        title: "\(end == .top ? "Largest" : "Smallest") \(result.values.count) eigenvalues of \(land.name)",
        xLabel: "rank order k", yLabel: "eigenvalue λₖ",
        series: [.init(name: "Lanczos + restarts", x: xs, y: result.values, style: .bars)], logY: positive)
    }
    let elapsed = start.duration(to: clock.now)
    report.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    if let path = save {
      let array: NumpyArray
      if let values = report.eigenvalues {
        array = NumpyArray(vector: values)
      } else {
        let grid = report.grid ?? [], values = report.density ?? []
        array = try NumpyArray(shape: [grid.count, 2], values: zip(grid, values).flatMap { [$0, $1] })
      }
      try NumpySave.write(array, to: path)
    }
    if let path = svg {
      try OutputFile.write(SVGPlot.render(plot), to: path, option: "--svg")
    }
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
      print(String(decoding: try encoder.encode(report), as: UTF8.self))
      return
    }
    print(TerminalPlot.render(plot))
    if let values = report.eigenvalues, let res = report.residuals, let conv = report.converged {
      print("k  eigenvalue        residual    converged")
      for i in values.indices {
        print(String(format: "%-3d%-18.10g%-12.3g", i + 1, values[i], res[i]) + (conv[i] ? "yes" : "NO"))
      }
    }
    print("cost: \(report.hessianVectorProducts) HVPs, d = \(report.dimension), seed \(rootSeed)")
    for w in report.warnings { print("warning: \(w)") }
    if let path = svg { print("wrote \(path)") }
    if let path = save { print("wrote \(path)") }
  }
}
