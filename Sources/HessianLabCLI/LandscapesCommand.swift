import ArgumentParser
import Foundation
import HessianLab

/// `hessian-lab landscapes [--json]`: the zoo with each entry's d, rank, λ and m
/// (``LandscapesAnalysis``).
struct LandscapesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "landscapes",
    abstract: "List the landscape zoo (id, d, rank, λ, m).",
    discussion: CommandExamples.only(for: "landscapes"))

  @Flag(name: .long, help: "Print one JSON object.")
  var json = false

  @OptionGroup var quietOption: QuietOption

  func run() async throws {
    let report = try LandscapesAnalysis.run()
    print(json ? try JSONOutput.string(Versioned(base: report)) : report.text)
  }
}
