import ArgumentParser
import HessianLab

/// `--allow-long`: the one flag, shared by every command that can start long work, that lifts
/// the ``WorkBudget`` ceilings (never the ``MemoryBudget``, which protects the machine); with
/// it `--threads` (``ThreadOptions``) and `--normal-stream` (``NormalStream``).
struct BudgetOptions: ParsableArguments {
  @Flag(
    name: .customLong("allow-long"),
    help: "Run work estimated above the ceilings (about 2e12 flops, 1e9 loss evaluations, 1e7 HVPs) instead of refusing it.")
  var allowLong = false

  @OptionGroup var threading: ThreadOptions

  @Option(
    name: .customLong("normal-stream"),
    help: ArgumentHelp(
      "How seeded uniforms become normal draws: ziggurat-v2 (default) or box-muller-v1, to reproduce a result whose JSON says so.",
      valueName: "version"))
  var normalStream: NormalStream?

  /// Runs `body` with the ceilings lifted when `--allow-long` was given, the `--threads` policy
  /// applied, and a long dense operation announced on the status line (a terminal only).
  func run<T>(_ body: () async throws -> T) async throws -> T {
    threading.apply()
    if let normalStream { NormalStream.setProcessDefault(normalStream) }
    defer { StatusLine.clear() }
    LongOperationProgress.processReporter = StatusLine.make()
    defer { LongOperationProgress.processReporter = nil }
    return try await WorkBudget.$allowLong.withValue(allowLong) { try await body() }
  }
}

/// `--normal-stream ziggurat-v2|box-muller-v1`.
extension NormalStream: ExpressibleByArgument {}
