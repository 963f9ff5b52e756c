import ArgumentParser
import Foundation
import HessianLab

/// `hessian-lab covariance`: the covariance of selected Gaussian samples, its
/// relation to the Hessian, and the degenerate rank read-out.
struct CovarianceCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "covariance",
    abstract: "Rank and inverse-Hessian shape from the covariance of (1,λ)-selected samples.",
    discussion: """
      Draws λ candidates from N(m, σ²I) per round (m = the landscape's minimum, \
      plus --center-offset), keeps the best (or the μ best, or the ℓ-th best) and \
      accumulates the covariance of n kept points. The rank read-out counts \
      eigenvalues below the Marchenko–Pastur edge σ²(1 − √(d/n))² (needs n > d). \
      --plan treats --kept as a pilot size and recommends n for an exact read-out. \
      Shir & Yehudayoff, TCS 801 (2020); docs/theory.md §4.
      """
  )

  enum EstimateOption: String, ExpressibleByArgument, CaseIterable {
    case auto
    case secondMoment = "second-moment"
    case meanCentred = "mean-centred"
  }

  @Argument(help: "The landscape (zoo id, fixture .json, .npy Hessian, poly:EXPR, dln:...).")
  var landscape: String

  @Option(help: "Population λ: candidates per round (≥ 2).")
  var population: Int

  @Option(help: "Kept points n (with --plan: the pilot size).")
  var kept: Int

  @Option(help: "Sampling standard deviation σ.")
  var sigma: Double = 1

  @Option(help: "(μ,λ) truncation: keep the μ best of each round, equal weights.")
  var mu: Int?

  @Option(name: .customLong("rank-of"), help: "Keep only the ℓ-th best candidate of each round.")
  var rankOf: Int?

  @Option(
    name: .customLong("center-offset"), parsing: .unconditional,
    help: "Offset of the sampling centre from the minimum: d comma-separated numbers.")
  var centerOffset: String?

  @Option(help: "Which covariance: auto (second moment when centred, else mean-centred), second-moment, mean-centred.")
  var estimate: EstimateOption = .auto

  @Option(help: "Concurrent workers (the result does not depend on it).")
  var workers: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)

  @Option(help: "Root seed (drawn and printed when omitted).")
  var seed: UInt64?

  @Option(name: .customLong("diagnostic-kept"), help: "Kept points per σ for the σ-scaling diagnostic (0: skip; default min(n, 500)).")
  var diagnosticKept: Int?

  @Option(help: "Write the covariance estimate to this .npy file.")
  var save: String?

  @Flag(help: "Print one JSON object instead of the human report.")
  var json = false

  @Flag(help: "Pilot run with --kept points; recommend n and loss evaluations for an exact read-out.")
  var plan = false

  /// Checks every numeric option before the landscape is resolved or any sample drawn.
  func validate() throws {
    guard population >= 2 else {
      throw UsageError("--population: λ = \(population) must be at least 2 (λ = 1 selects nothing)")
    }
    guard kept >= 1 else { throw UsageError("--kept: n = \(kept) must be a positive number of kept points") }
    guard sigma.isFinite, sigma > 0 else { throw UsageError("--sigma: σ = \(sigma) must be positive and finite") }
    guard workers >= 1 else { throw UsageError("--workers: \(workers) must be at least 1") }
    if let n = diagnosticKept, n < 0 {
      throw UsageError("--diagnostic-kept: \(n) must be 0 (skip) or a positive number of kept points")
    }
    _ = try selectionScheme()
    if let path = save { try OutputFile.check(path, option: "--save", suffix: ".npy") }
  }

  func run() async throws {
    let clock = ContinuousClock()
    let start = clock.now
    let land = try LandscapeSpec.resolve(landscape)
    let d = land.dimension
    try MemoryBudget.check(
      MemoryBudget.product(population, d, MemoryLayout<Double>.size),
      for: "the λ×d candidate matrix of one round (λ = \(population), d = \(d))",
      parameter: .population, value: "\(population)")
    let scheme = try selectionScheme()
    let offset = try parseOffset(dimension: d)
    let sampler = try SelectionSampler(population: population, sigma: sigma, scheme: scheme, centerOffset: offset)
    guard kept > d || plan else {
      throw UsageError(
        "--kept: a rank read-out needs more kept points than dimensions (n = \(kept), d = \(d)); "
          + "try --kept \(4 * d) or --plan")
    }
    guard workers >= 1 else { throw UsageError("--workers: \(workers) must be at least 1") }
    let rootSeed = seed ?? UInt64.random(in: 0...UInt64.max)
    if plan {
      let result = try await ReadoutPlan.plan(land, sampler: sampler, pilotKept: kept, seed: rootSeed, workers: workers)
      let seconds = Self.seconds(since: start, clock)
      if json {
        print(try CovarianceJSON.encode(PlanReport(plan: result, seed: rootSeed, seconds: seconds)))
      } else {
        print(Self.planText(result, landscape: land, sampler: sampler, seed: rootSeed))
      }
      return
    }
    let bar = ProgressBar(label: "covariance")
    let sample = try await sampler.sample(land, kept: kept, seed: rootSeed, workers: workers) { done, total in
      bar.update(done, total)
    }
    bar.finish()
    let kind: CovarianceEstimateKind =
      switch estimate {
      case .auto: sampler.isCentred ? .secondMoment : .meanCentred
      case .secondMoment: .secondMoment
      case .meanCentred: .meanCentred
      }
    let c = sample.moments.estimate(kind)
    let values = try SymmetricEigen.values(of: c)
    let readout = try CovarianceRankReadout.read(eigenvalues: values, kept: kept, sigma: sigma)
    var warnings = readout.warnings
    if !sampler.isCentred {
      warnings.append("the sampling centre is off the minimum: the null block is σ²I only when centred, so the read-out rule does not apply")
    }
    if kind == .meanCentred {
      warnings.append("the read-out threshold assumes n degrees of freedom; the mean-centred estimate has n − 1")
    }
    let hessian = land.denseHessianAtMinimum()
    let rangeTolerance = CovarianceHessianRelation.rangeTolerance(dimension: d, precision: land.precision)
    let relation = try? CovarianceHessianRelation.measure(
      covariance: c, hessian: hessian, sigma: sigma, rangeTolerance: rangeTolerance)
    if relation == nil { warnings.append("the Hessian at the minimum has no positive eigenvalue: no covariance–Hessian relation to measure") }
    let hEigen = (try? SymmetricEigen.values(of: hessian)) ?? []
    let offsetNorm = (offset ?? []).reduce(0) { $0 + $1 * $1 }.squareRoot()
    let prediction: CovarianceHessianRelation.ScalePrediction? =
      scheme == .best || scheme == .rank(1)
      ? CovarianceHessianRelation.predictScale(
        population: population, hessianEigenvalues: hEigen, centerDistance: offsetNorm, sigma: sigma,
        rangeTolerance: rangeTolerance)
      : nil
    if relation != nil, let p = prediction, p.finite == nil {
      warnings.append(
        "the fitted scale's value at λ = \(population) is not computed (\(p.finiteUnavailable ?? "unknown reason")); "
          + "the λ → ∞ asymptote κ = \(String(format: "%.4g", p.asymptotic)) shown instead can be off by "
          + CovarianceReport.errorText(p.asymptoticErrorScale) + " at this λ (2κ/h_min + 3/λ)")
    }
    let nDiag = diagnosticKept ?? min(kept, 500)
    var diagnostic: SigmaScalingDiagnostic? = nil
    if nDiag > 0 {
      diagnostic = try await SigmaScalingDiagnostic.run(land, sampler: sampler, kept: nDiag, seed: rootSeed, workers: workers)
    }
    warnings += selectionHonestyWarnings(
      isKnownQuadratic: land is QuadraticLandscape, readoutRank: readout.rank,
      knownRank: land.knownAnswers.rank.value, diagnostic: diagnostic)
    if let path = save {
      try NumpySave.write(NumpyArray(matrix: c), to: path)
    }
    let report = CovarianceReport(
      landscape: land.name, dimension: d, selection: scheme.summary, population: population, kept: kept,
      sigma: sigma, estimate: kind.rawValue, rank: readout.rank, threshold: readout.threshold,
      largestCounted: readout.largestCounted, smallestUncounted: readout.smallestUncounted,
      gapRatio: readout.gapRatio, eigenvalues: readout.eigenvalues,
      lossEvaluations: sample.lossEvaluations + (diagnostic?.lossEvaluations ?? 0),
      samplingLossEvaluations: sample.lossEvaluations, relation: relation, prediction: prediction,
      knownRank: land.knownAnswers.rank.value, sigmaScaling: diagnostic, warnings: warnings, seed: rootSeed,
      seconds: Self.seconds(since: start, clock))
    print(json ? try CovarianceJSON.encode(report) : report.humanText())
  }

  func selectionScheme() throws(UsageError) -> SelectionScheme {
    switch (mu, rankOf) {
    case (nil, nil): return .best
    case let (m?, nil): return .truncation(mu: m)
    case let (nil, l?): return .rank(l)
    default: throw UsageError("--mu and --rank-of: choose one selection scheme, not both")
    }
  }

  func parseOffset(dimension d: Int) throws(UsageError) -> [Double]? {
    guard let text = centerOffset else { return nil }
    let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    var values: [Double] = []
    for p in parts {
      guard let v = Double(p), v.isFinite else { throw UsageError("--center-offset: '\(p)' is not a finite number") }
      values.append(v)
    }
    guard values.count == d else {
      throw UsageError("--center-offset: \(values.count) numbers given, the landscape has d = \(d)")
    }
    return values
  }

  static func seconds(since start: ContinuousClock.Instant, _ clock: ContinuousClock) -> Double {
    let e = start.duration(to: clock.now).components
    return Double(e.seconds) + Double(e.attoseconds) * 1e-18
  }

  static func planText(_ p: ReadoutPlan, landscape: any Landscape, sampler: SelectionSampler, seed: UInt64) -> String {
    let g: (Double) -> String = { String(format: "%.4g", $0) }
    var lines = [
      "\(landscape.name) (d = \(landscape.dimension)): read-out plan, \(sampler.scheme.summary), λ = \(sampler.population), σ = \(g(sampler.sigma)), seed \(seed)",
      "pilot: n₀ = \(p.pilotKept) kept points, \(p.pilotLossEvaluations) loss evaluations, pilot read-out \(p.pilotRank)",
      "largest range variance c_max ≈ \(p.largestRangeVariance.map(g) ?? "—") (inflated by 2 SE)",
      "recommended: --kept \(p.recommendedKept)  (\(p.recommendedLossEvaluations) loss evaluations; "
        + "n ≳ \(ReadoutPlan.safetyFactor)·d/(1 − √(c_max/σ²))²)",
      "resolution: with n = \(p.recommendedKept) a direction counts as curved only if selection holds its variance below "
        + "(1 − √(d/n))²·σ² = \(g(p.resolvableVarianceRatio))·σ²; weaker curvature is read as flat "
        + "(no pilot can tell it from a null direction)",
    ]
    if p.recommendedKept > 10_000_000 {
      lines.append(
        "note: the recommended run is very large: weak curvature dominates the cost; raising λ helps only as λ^(−2/r)")
    }
    lines += p.warnings.map { "warning: \($0)" }
    return lines.joined(separator: "\n")
  }
}

/// A progress bar on standard error, drawn only on a terminal and only once a
/// run has lasted more than a second.
final class ProgressBar {
  let label: String
  let start = ContinuousClock.now
  let enabled = isatty(STDERR_FILENO) != 0
  var drawn = false

  init(label: String) { self.label = label }

  func update(_ done: Int, _ total: Int) {
    guard enabled, total > 0, ContinuousClock.now - start > .seconds(1) else { return }
    let width = 30, filled = width * done / total
    let line = "\r\(label) [" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
      + "] \(100 * done / total)%"
    FileHandle.standardError.write(Data(line.utf8))
    drawn = true
  }

  func finish() {
    if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
  }
}
