import ArgumentParser
import Foundation
import HessianLab

/// `hessian-lab reproduce robustness`: issue 20's measured answer to "are second derivatives too
/// error-prone?": each route's budget for the exact rank under each error model.
struct RobustnessReproduceCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "robustness",
    abstract: "Which route keeps the exact rank under float32, finite differences and noisy losses, and at what budget.",
    discussion: CommandExamples.discussion(
      """
      For each landscape and each error model (exact; float32 HVPs and losses; HVPs by central \
      differences of the gradient at the balanced step and at h = 0.1; losses with N(0, 1e-4) and \
      N(0, 1) noise), the budget each route needs for the exact rank with P ≥ 0.95, as in \
      `compare` (59 seeds per budget, the same seeds in every scenario). The HVP route is the \
      cheaper of lanczos and block, the covariance route (1,λ) selection (λ = 100, σ = 1). A scenario \
      that does not touch a route keeps its exact result (shown as unaffected). Default landscapes: \
      quadratics (one at the precision floor), newton-flat, dln-3-2-3, mlp tanh and ReLU, a trained mlp; --quick: \
      three of them with kept points up to 16d (under a minute in a release build).
      """, for: "reproduce robustness")
  )

  @Argument(help: "Landscapes to use instead of the default set (zoo ids, fixtures, specs).", completion: .landscape)
  var landscapes: [String] = []

  @Flag(help: "Three landscapes, kept points up to 16d (under a minute in a release build).")
  var quick = false

  @Option(help: "Root seed (default: the committed seed table of compare).")
  var seed: UInt64?

  @OptionGroup var output: ReproduceOptions

  @OptionGroup var ceilings: BudgetOptions

  func run() async throws { try await ceilings.run { try await runWithinBudget() } }

  /// The command's work, run with the ceilings of `--allow-long`.
  func runWithinBudget() async throws {
    let clock = ContinuousClock()
    let start = clock.now
    let chosen = try landscapes.isEmpty ? nil : landscapes.map { text throws(InputError) in try LandscapeSpec.resolve(text) }
    let result = try await RobustnessReproduction.run(
      landscapes: chosen, quick: quick, seed: seed, workers: output.workers, progress: StatusLine.make())
    StatusLine.clear()
    let elapsed = start.duration(to: clock.now).components
    let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
    let written = try output.stageFigures(result.plotModels())
    let report = RobustnessReproductionReport(result: result, svgFiles: written, seconds: seconds)
    print(output.json ? try JSONOutput.string(Versioned(base: report, normals: .reported(.current))) : report.humanText())
  }
}
