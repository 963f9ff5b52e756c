import ArgumentParser
import HessianLab

/// `--threads N`: the OpenBLAS threads of a single large dense operation (an eigendecomposition,
/// a Gram matrix, a large product). The one place the CLI sets ``BLASThreads``; sampling workers
/// always use one BLAS thread each, so `--workers` results do not depend on it.
struct ThreadOptions: ParsableArguments {
  @Option(
    name: .customLong("threads"),
    help: ArgumentHelp(
      "BLAS threads for a single large dense operation (1…\(Self.limit); default: all cores). Sampling workers use one each.",
      valueName: "n"))
  var threads: Int?

  /// The most threads `--threads` accepts.
  static let limit = 1024

  func validate() throws {
    if let n = threads, !(1...Self.limit).contains(n) {
      throw UsageError("--threads: \(n) must be between 1 and \(Self.limit)")
    }
  }

  /// Sets the thread count of large operations for the rest of the run (default: all cores).
  func apply() {
    BLASThreads.setLargeOperationThreads(threads ?? BLASThreads.availableCores)
  }
}
