import ArgumentParser
import Foundation
import HessianLab

/// `hessian-lab describe LANDSCAPE [--json]`: the known answers of one landscape
/// (``DescribeAnalysis``).
struct DescribeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "describe",
    abstract: "Print a landscape's known answers: d, rank, λ, m, provenance and the rank bounds on λ.",
    discussion: CommandExamples.only(for: "describe"))

  @Argument(help: "A zoo id, a fixture .json, a .npy Hessian, poly:EXPR, dln:W0-W1-…:rank=R, quad:…, sum:A|B, or oracle:COMMAND (name, d, precision, capabilities and the trust checks).", completion: .landscape)
  var landscape: String

  @Flag(name: .long, help: "Print one JSON object.")
  var json = false

  @OptionGroup var quietOption: QuietOption

  @OptionGroup var ceilings: BudgetOptions

  @OptionGroup var oracleOptions: OracleOptions

  @OptionGroup var symmetrizeOption: SymmetrizeOption

  func run() async throws {
    try await symmetrizeOption.run(json: json) { try await ceilings.run { try await runWithinBudget() } }
  }

  /// The command's work, run with the ceilings of `--allow-long`.
  func runWithinBudget() async throws {
    let subject = try SubjectSpec.resolve(landscape, oracle: try oracleOptions.settings(for: [landscape]))
    let report = try await subject.whileOpen { try DescribeAnalysis.run($0) }
    print(json ? try JSONOutput.string(Versioned(base: report)) : report.text)
  }
}
