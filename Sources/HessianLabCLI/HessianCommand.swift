import ArgumentParser
import Foundation
import HessianLab

/// `hessian-lab hessian LANDSCAPE --save H.npy [--at POINT.npy]`: the dense Hessian written
/// for other tools (``HessianExport``).
struct HessianCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hessian",
    abstract: "Write the dense Hessian of a landscape (or an oracle at its w*) to a .npy file, for any other tool.",
    discussion: CommandExamples.discussion(
      """
      The matrix is the landscape's own when it has one (a .npy file, a quadratic), otherwise \
      H·I from d Hessian-vector products. Memory-budgeted (d² doubles, checked before anything \
      is allocated). The file is float64, C order; the report gives ‖H − Hᵀ‖_F/‖H‖_F.
      """, for: "hessian"))

  @Argument(help: "A zoo id, a fixture .json, a .npy Hessian, a poly:/dln:/quad:/mlp:/sum: spec, or oracle:COMMAND (at its w* only; needs hvp).", completion: .landscape)
  var landscape: String

  @Option(help: "The .npy file to write (float64, d×d).")
  var save: String

  @Option(help: "A 1-D .npy file of d numbers: the point w at which to take the Hessian (default: the minimum).")
  var at: String?

  @Flag(help: "Print one JSON object instead of the human report.")
  var json = false

  @OptionGroup var quietOption: QuietOption

  @OptionGroup var ceilings: BudgetOptions

  @OptionGroup var oracleOptions: OracleOptions

  func validate() throws {
    try OutputFile.check(save, option: "--save", suffix: ".npy")
    if let at, at.isEmpty || !(at.hasSuffix(".npy") || at == "-") {
      throw UsageError("--at: '\(at)' must name a 1-D .npy file of d numbers")
    }
  }

  @OptionGroup var symmetrizeOption: SymmetrizeOption

  func run() async throws {
    try await symmetrizeOption.run(json: json) { try await ceilings.run { try await runWithinBudget() } }
  }

  /// The command's work, run with the ceilings of `--allow-long`.
  func runWithinBudget() async throws {
    let subject = try SubjectSpec.resolve(
      landscape, hessianCheck: .symmetryOnly, oracle: try oracleOptions.settings(for: [landscape]))
    let point: HessianExport.Point = at.map { .file($0) } ?? .minimum
    let (matrix, report) = try await subject.whileOpen { try HessianExport.run($0, at: point) }
    try NumpySave.write(NumpyArray(matrix: matrix), to: save)
    print(json ? try JSONOutput.string(Versioned(base: report)) : report.text(savedTo: save))
  }
}
