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

  @Option(help: "Write the SVG figures into this directory.")
  var svg: String?

  @Flag(help: "Print one JSON object instead of the tables.")
  var json = false

  @Option(help: "Root seed.")
  var seed: UInt64 = 2020

  @Option(help: "Concurrent workers (the result does not depend on it).")
  var workers: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)

  func validate() throws {
    guard workers >= 1 else { throw UsageError("--workers: \(workers) must be at least 1") }
    if let dir = svg {
      var isDir: ObjCBool = false
      guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
        throw UsageError("--svg: \(dir) is not an existing directory")
      }
    }
  }

  func run() async throws {
    let clock = ContinuousClock()
    let start = clock.now
    let showStages = isatty(STDERR_FILENO) != 0
    let result = try await CovarianceHessianReproduction.run(quick: quick, seed: seed, workers: workers) { stage in
      if showStages { FileHandle.standardError.write(Data("… \(stage)\n".utf8)) }
    }
    let elapsed = start.duration(to: clock.now).components
    let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
    var written: [String] = []
    if let dir = svg {
      for (name, text) in result.svgPlots().sorted(by: { $0.key < $1.key }) {
        let url = URL(fileURLWithPath: dir).appendingPathComponent(name)
        try OutputFile.write(text, to: url.path, option: "--svg")
        written.append(url.path)
      }
    }
    let report = CovarianceHessianReproductionReport(result: result, svgFiles: written, seconds: seconds)
    print(json ? try CovarianceJSON.encode(report) : report.humanText())
  }
}
