import ArgumentParser
import Foundation
import HessianLab

/// `hessian-lab reproduce`: published or derived results, re-run.
struct ReproduceCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reproduce",
    abstract: "Re-run a published validation and compare with the reference numbers.",
    discussion: CommandExamples.only(for: "reproduce"),
    subcommands: [CovarianceHessianReproduceCommand.self, RobustnessReproduceCommand.self]
  )
}

/// `hessian-lab reproduce covariance-hessian`: Shir & Yehudayoff's validation
/// of the covariance–Hessian relation, the κ table and the degenerate case.
struct CovarianceHessianReproduceCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "covariance-hessian",
    abstract: "Shir & Yehudayoff (TCS 2020): measureID vs λ and condition number, κ(λ, d), the degenerate d = 20, r = 5 case.",
    discussion: CommandExamples.discussion(
      """
      Setup of their code (ofersh/invHessian): d = 4, f = xᵀHx + aᵀx with a = ones \
      and a Hadamard-rotated ellipse, sampling at the origin (off the optimum). \
      The default seed is fixed (2020) so that the tables are reproducible; \
      --quick uses smaller samples (MC noise floor shown beside each value).
      """, for: "reproduce covariance-hessian")
  )

  @Flag(help: "Smaller samples (under 30 s in a release build).")
  var quick = false

  @Option(help: "Root seed.")
  var seed: UInt64 = 2020

  @OptionGroup var output: ReproduceOptions

  func run() async throws {
    let clock = ContinuousClock()
    let start = clock.now
    let showStages = StatusLine.enabled
    let result = try await CovarianceHessianReproduction.run(quick: quick, seed: seed, workers: output.workers) { stage in
      if showStages { FileHandle.standardError.write(Data("… \(stage)\n".utf8)) }
    }
    let elapsed = start.duration(to: clock.now).components
    let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
    let written = try output.stageFigures(result.plotModels())
    let report = CovarianceHessianReproductionReport(result: result, svgFiles: written, seconds: seconds)
    print(output.json ? try CovarianceJSON.encode(report) : report.humanText())
  }
}
