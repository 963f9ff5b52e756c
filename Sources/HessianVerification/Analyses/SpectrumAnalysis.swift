import Foundation

/// `hessian-lab spectrum` as one library call: the k extreme eigenvalues of a
/// landscape's Hessian (``ExtremeEigenvalues``: Lanczos with locking and
/// restarts) or its spectral density (``StochasticLanczosQuadrature``), as a
/// ``SpectrumReport`` that also carries the plot.
///
/// Cost: extremes at most m HVPs per run and k + 1 runs, m = min(d, max(2k + 20, 40))
/// by default (2m per run, in blocks of b, for a dense operator too large for cache:
/// ``ExtremeEigenvalues/automaticBlockSize(of:count:)``), checked against the work and memory
/// ceilings before starting (``ExtremeEigenvalues/workEstimate(dimension:count:steps:blockSize:)``);
/// density probes × m HVPs, m = min(d, 30) by default.
public enum SpectrumAnalysis {
  /// Which part of the spectrum.
  public enum Mode: Sendable, Equatable {
    /// The `count` largest (``SpectrumEnd/top``) or smallest (``SpectrumEnd/bottom``) eigenvalues, with multiplicity.
    case extremes(SpectrumEnd, count: Int)
    /// The SLQ spectral density, smoothed with a Gaussian kernel.
    case density
  }

  /// What to compute.
  public struct Options: Sendable, Equatable {
    /// Extremes or density.
    public var mode: Mode
    /// Lanczos steps per run or per probe (defaults: see ``SpectrumAnalysis``).
    public var steps: Int?
    /// SLQ probes (density only; default 20).
    public var probes: Int
    /// The root seed of the start vectors and probes.
    public var seed: UInt64
    /// How the products are computed (default ``HVPErrorModel/exact``).
    public var hvp: HVPErrorModel = .exact

    /// Options with the given values; the defaults are the CLI's.
    public init(mode: Mode, steps: Int? = nil, probes: Int = 20, seed: UInt64) {
      self.mode = mode
      self.steps = steps
      self.probes = probes
      self.seed = seed
    }
  }

  /// The smoothed density is evaluated on this many + 1 grid points.
  static let gridIntervals = 200

  /// The spectrum of `landscape`'s Hessian at w* (a saddle is answered, with a
  /// ``WarningCode/notAMinimum`` warning first).
  ///
  /// - Throws: ``InputError`` naming `.top` or `.bottom` when K is more than the dimension d
  ///   (or `--bottom`) when more eigenvalues are asked than there are.
  public static func run(_ landscape: some Landscape, options: Options) throws -> SpectrumReport {
    let saddle = landscape.referencePointWarnings
      + (landscape.knownAnswers.negativeCurvature.map { [Warning(.notAMinimum, $0.warning)] } ?? [])
    try checkCount(options, dimension: landscape.dimension, name: landscape.name)
    var report = try compute(
      HessianOperator(landscape: landscape, model: options.hvp), name: landscape.name, input: landscape.name, warnings: saddle, options: options)
    report.training = landscape.trainingSummary
    return report
  }

  /// The spectrum of `subject`'s Hessian at w*: a landscape as `run(_:options:)` on a landscape; an
  /// oracle after its capability (hvp) and trust checks, which the report carries (``SpectrumReport/oracle``).
  ///
  /// - Throws: as for a landscape, and ``InputError`` naming the oracle when it lacks HVPs, fails
  ///   a trust check or fails while answering.
  public static func run(_ subject: AnalysisSubject, options: Options) throws -> SpectrumReport {
    if let landscape = subject.landscape { return try run(landscape, options: options) }
    try checkCount(options, dimension: subject.dimension, name: subject.input)
    let summary = try subject.prepare(for: .spectrum)
    var report = try compute(
      subject.hessianOperator(model: options.hvp, for: .spectrum), name: subject.name, input: subject.input, warnings: summary?.warnings ?? [],
      options: options)
    report.oracle = summary
    return report
  }

  /// Refuses K > d.
  static func checkCount(_ options: Options, dimension d: Int, name: String) throws {
    if case let .extremes(end, k) = options.mode, k > d {
      throw InputError.parameter(end == .top ? .top : .bottom, value: "\(k)", problem: "K = \(k) is more than the dimension d = \(d) of \(name)")
    }
  }

  /// The spectrum on the counted operator `op`, with `saddle` warnings first; a failure of the
  /// operator (an oracle's) is rethrown naming `input`, the argument the user typed.
  static func compute(
    _ op: HessianOperator, name: String, input: String, warnings saddle: [Warning], options: Options
  ) throws -> SpectrumReport {
    let landscape = (name: name, dimension: op.dimension)
    var rng = SeededGenerator(seed: options.seed)
    let clock = ContinuousClock()
    let start = clock.now
    var report: SpectrumReport
    switch options.mode {
    case .density:
      let d = landscape.dimension
      let m = min(d, options.steps ?? 30)
      try WorkBudget.check(
        MemoryBudget.product(max(options.probes, 0), max(m, 0)), .hessianVectorProducts,
        for: "the density with \(options.probes) probes of \(m) Lanczos steps", parameter: .probes,
        value: "\(options.probes)")
      let dens = try OracleFailureNaming.naming(input) {
        try StochasticLanczosQuadrature.density(of: op, probes: options.probes, steps: m, using: &rng)
      }
      let pooled = dens.pooled
      let lo = pooled.first?.node ?? 0, hi = pooled.last?.node ?? 1
      let scale = max(abs(hi), abs(lo))
      let span = max(hi - lo, scale * 1e-3, scale == 0 ? 1e-12 : 0)  // relative: a subnormal spectrum keeps its width
      let sigma = span / 50
      let grid = (0...gridIntervals).map { lo - 3 * sigma + Double($0) / Double(gridIntervals) * (span + 6 * sigma) }
      report = SpectrumReport(
        landscape: landscape.name, mode: .density, dimension: d, nodes: pooled.map(\.node),
        weights: pooled.map(\.weight), grid: grid, density: dens.smoothed(on: grid, sigma: sigma), sigma: sigma,
        probes: options.probes, steps: m, hessianVectorProducts: dens.hessianVectorProducts, warnings: saddle,
        seed: options.seed, seconds: 0)
    case let .extremes(end, k):
      let cost = ExtremeEigenvalues.workEstimate(
        dimension: landscape.dimension, count: k, steps: options.steps,
        blockSize: ExtremeEigenvalues.automaticBlockSize(of: op, count: k))
      let what = "\(k) \(end == .top ? "largest" : "smallest") eigenvalues at d = \(landscape.dimension) (at most \(k + 1) Lanczos runs)"
      let parameter: InputError.Parameter = end == .top ? .top : .bottom
      try MemoryBudget.check(cost.bytes, for: "the Lanczos basis of the \(what)", parameter: parameter, value: "\(k)")
      try WorkBudget.check(cost.hessianVectorProducts, .hessianVectorProducts, for: "the \(what)", parameter: parameter, value: "\(k)")
      try WorkBudget.check(cost.flops, .flops, for: "the \(what)", parameter: parameter, value: "\(k)")
      let result = try OracleFailureNaming.naming(input) {
        try ExtremeEigenvalues.compute(of: op, end: end, count: k, steps: options.steps, using: &rng)
      }
      report = SpectrumReport(
        landscape: landscape.name, mode: end == .top ? .top : .bottom, dimension: landscape.dimension,
        eigenvalues: result.values, residuals: result.residuals, converged: result.converged,
        hessianVectorProducts: result.hessianVectorProducts,
        warnings: saddle + result.warnings, seed: options.seed, seconds: 0)
      if end == .bottom, let scale = result.largestMagnitude {
        report.threshold = NumericalRank.decide(
          eigenvalues: result.values, dimension: landscape.dimension, scale: scale, accuracy: op.accuracy).threshold
      }
      report.eigenvectors = Matrix(
        rows: landscape.dimension, columns: result.vectors.count,
        elements: (0..<landscape.dimension).flatMap { i in result.vectors.map { $0[i] } })
    }
    report.hvpModel = HVPErrorSummary(of: op.source)
    report.warnings += op.productWarnings
    let elapsed = start.duration(to: clock.now)
    report.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    return report
  }
}
