import ArgumentParser
import Foundation
import HessianLab

/// `hessian-lab bench CASE`: times one of HessianLab's kernels on inputs written
/// by `scripts/bench` (which times the NumPy/SciPy twin on the same files, in
/// the same run, alternating with this command). Only the kernel is timed: file
/// loading and process start-up are excluded on both sides (``BenchAnalysis``).
struct BenchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Time a kernel on inputs prepared by scripts/bench (see BENCHMARKS.md).",
    discussion: CommandExamples.only(for: "bench"))

  @Argument(help: "The case: \(BenchCase.allCases.map(\.rawValue).joined(separator: ", ")).")
  var benchCase: BenchCase

  @Option(help: "Folder holding the case's input .npy files.")
  var inputs: String = "."

  @Option(name: .customLong("repeat"), help: "Timed repetitions (after one untimed warm-up).")
  var repetitions: Int = 5

  @Option(help: "covariance: concurrent workers (default: all cores, as `covariance`).")
  var workers: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)

  @OptionGroup var threading: ThreadOptions
  @Flag(name: .long, help: "Accepted for symmetry with the other commands: bench always prints one JSON line (docs/schema/bench.schema.json).")
  var json = false

  @OptionGroup var quietOption: QuietOption

  func validate() throws {
    guard workers >= 1 else { throw UsageError("--workers must be at least 1, got \(workers)") }
    guard repetitions >= 1 else { throw UsageError("--repeat must be at least 1, got \(repetitions)") }
  }

  func run() async throws {
    threading.apply()
    let report = try await BenchAnalysis.run(benchCase, inputs: inputs, repetitions: repetitions, workers: workers)
    print(try JSONOutput.string(Versioned(base: report), formatting: [.sortedKeys]))
  }
}

/// `bench batched-loss|dense-rank|top-eigenvalues|block-rank|covariance|dgemm|normals`.
extension BenchCase: ExpressibleByArgument {}
