import Foundation
import HessianLab

extension CovarianceCommand {
  /// The checks of `--route cma`: a budget, λ ≥ 4 when given, σ₀ > 0, and none of the selection
  /// route's own options (nor a loss error model, which only the selection route applies).
  func validateAdaptive() throws {
    for (given, flag) in [(kept != nil, "--kept"), (mu != nil, "--mu"), (rankOf != nil, "--rank-of"), (diagnosticKept != nil, "--diagnostic-kept"), (plan, "--plan")] where given {
      throw UsageError("\(flag): only with --route selection (the cma route spends --evaluations)")
    }
    if loss != .exact { throw UsageError("--loss: only with --route selection for now (the cma route evaluates exact losses)") }
    guard let e = evaluations else { throw UsageError("--evaluations: required with --route cma (the loss-evaluation budget E)") }
    guard e >= 1 else { throw UsageError("--evaluations: E = \(e) must be a positive number of loss evaluations") }
    if let l = population, l < 4 { throw UsageError("--population: λ = \(l) must be at least 4 for CMA-ES (μ = ⌊λ/2⌋ ≥ 2 parents)") }
    guard sigma.isFinite, sigma > 0 else { throw UsageError("--sigma: σ₀ = \(sigma) must be positive and finite") }
    guard workers >= 1 else { throw UsageError("--workers: \(workers) must be at least 1") }
    if let path = save { try OutputFile.check(path, option: "--save", suffix: ".npy") }
  }

  /// The adaptive analysis of `land`, printed (and C saved with `--save`).
  func adaptive(on land: AnalysisSubject) async throws {
    let options = CMAAnalysis.Options(
      evaluations: evaluations ?? 0, population: population, sigma: sigma,
      startOffset: try parseOffset(dimension: land.dimension), hessianComparison: .knownOrExactProducts,
      seed: seed ?? DrawnSeed.draw())
    let bar = ProgressBar(label: "cma")
    let report = try await CMAAnalysis.run(land, options: options) { done, total in bar.update(done, total) }
    bar.finish()
    if let path = save { try NumpySave.write(NumpyArray(matrix: report.run.covariance), to: path) }
    print(json ? try CovarianceJSON.encode(report) : report.humanText())
  }
}
