import ArgumentParser
import HessianLab

/// `--allow-long`: the one flag, shared by every command that can start long work, that lifts
/// the ``WorkBudget`` ceilings (never the ``MemoryBudget``, which protects the machine).
struct BudgetOptions: ParsableArguments {
  @Flag(
    name: .customLong("allow-long"),
    help: "Run work estimated above the ceilings (about 2e12 flops, 1e9 loss evaluations, 1e7 HVPs) instead of refusing it.")
  var allowLong = false

  /// Runs `body` with the ceilings lifted when `--allow-long` was given.
  func run<T>(_ body: () async throws -> T) async throws -> T {
    try await WorkBudget.$allowLong.withValue(allowLong) { try await body() }
  }
}
