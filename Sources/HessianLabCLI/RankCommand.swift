import ArgumentParser
import HessianLab

struct RankCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "rank", abstract: "Numerical rank of a Hessian.")
  func run() async throws {}
}
