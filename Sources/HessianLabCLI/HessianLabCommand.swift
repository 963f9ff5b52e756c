import ArgumentParser
import HessianLab

/// The root command. Each subcommand lives in its own file.
struct HessianLabCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hessian-lab",
    abstract: "Hessian rank, the covariance–Hessian relation and the learning coefficient, verified.",
    discussion: """
      LANDSCAPE arguments are a zoo id (see `hessian-lab landscapes`), a fixture .json, \
      a .npy Hessian, poly:EXPR or dln:W0-W1-...:rank=R.
      Exit status: 0 success, 1 a verification failed, 2 bad input or usage.
      """,
    version: "0.1.0",
    subcommands: CommandRegistry.all
  )
}
