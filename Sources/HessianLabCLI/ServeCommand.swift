import ArgumentParser
import HessianLab

/// `hessian-lab serve LANDSCAPE`: the landscape served over the oracle protocol on standard
/// input and output (``LandscapeServer``).
struct ServeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Serve a landscape over the oracle protocol on stdin/stdout: HVP, loss, gradient and its known answers.",
    discussion: CommandExamples.discussion(
      """
      Speaks docs/oracle-protocol.md as the server: HELLO (dimension, precision, capabilities, \
      and `known`: the answers of `describe --json`), POINT (w*), then HVP (at w*), LOSS and \
      GRADIENT replies until SHUTDOWN or end of input (exit 0). Standard output carries frames \
      only. A malformed request gets an ERROR frame, one line on standard error and exit 2. \
      Example: hessian-lab rank 'oracle:hessian-lab serve dln:4-3-5:rank=2' --method block
      """, for: "serve"))

  @Argument(help: "A zoo id, a fixture .json, a .npy Hessian, poly:EXPR, dln:W0-W1-…:rank=R, quad:… or sum:A|B.", completion: .landscape)
  var landscape: String

  @OptionGroup var quietOption: QuietOption

  func run() throws { try LandscapeServer.serveStandardStreams(landscape) }
}
