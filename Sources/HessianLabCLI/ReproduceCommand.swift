import ArgumentParser
import Foundation
import HessianLab

/// `hessian-lab reproduce`: published or derived results, re-run.
struct ReproduceCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reproduce",
    abstract: "Re-run a published validation and compare with the reference numbers.",
    subcommands: [CovarianceHessianReproduceCommand.self]
  )
}

/// `hessian-lab reproduce covariance-hessian`: Shir & Yehudayoff's validation
/// of the covariance–Hessian relation, the κ table and the degenerate case.
struct CovarianceHessianReproduceCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "covariance-hessian",
    abstract: "Shir & Yehudayoff (TCS 2020): measureID vs λ and condition number, κ(λ, d), the degenerate d = 20, r = 5 case.",
    discussion: """
      Setup of their code (ofersh/invHessian): d = 4, f = xᵀHx + aᵀx with a = ones \
      and a Hadamard-rotated ellipse, sampling at the origin (off the optimum). \
      The default seed is fixed (2020) so that the tables are reproducible; \
      --quick uses smaller samples (MC noise floor shown beside each value).
      """
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
    let seconds = CovarianceCommand.seconds(since: start, clock)
    var written: [String] = []
    if let dir = svg {
      for (name, text) in result.svgPlots().sorted(by: { $0.key < $1.key }) {
        let url = URL(fileURLWithPath: dir).appendingPathComponent(name)
        try OutputFile.write(text, to: url.path, option: "--svg")
        written.append(url.path)
      }
    }
    if json {
      print(try CovarianceJSON.encode(ReproductionReport(result: result, svgFiles: written, seconds: seconds)))
    } else {
      print(result.table())
      for path in written { print("wrote \(path)") }
      print("seed \(seed), \(String(format: "%.1f", seconds)) s")
    }
  }
}

/// The reproduction with its run metadata, as printed with `--json`.
struct ReproductionReport: Encodable {
  var result: CovarianceHessianReproduction
  var svgFiles: [String]
  var seconds: Double

  enum Keys: String, CodingKey { case schemaVersion, quick, seed, measureCells, kappaRows, degenerate, lossEvaluations, svgFiles, seconds }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Keys.self)
    try c.encode(JSONSchemaVersion.current, forKey: .schemaVersion)
    try c.encode(result.quick, forKey: .quick)
    try c.encode(result.seed, forKey: .seed)
    try c.encode(result.measureCells, forKey: .measureCells)
    try c.encode(result.kappaRows, forKey: .kappaRows)
    try c.encode(result.degenerate, forKey: .degenerate)
    try c.encode(result.lossEvaluations, forKey: .lossEvaluations)
    try c.encode(svgFiles, forKey: .svgFiles)
    try c.encode(seconds, forKey: .seconds)
  }
}
