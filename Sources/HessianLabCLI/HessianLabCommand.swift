import ArgumentParser
import HessianLab

/// The root command. Each subcommand lives in its own file.
struct HessianLabCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hessian-lab",
    abstract: "Hessian rank, the covariance–Hessian relation and the learning coefficient, verified.",
    discussion: """
      LANDSCAPE arguments take these forms (one example each):
        zoo id (hessian-lab landscapes) quad-rank-deficient
        fixture .json                   fixtures/landscapes/newton-edge.json
        dense Hessian .npy              H.npy
        .npy on standard input          - (python3 make_h.py | hessian-lab rank -)
        poly:EXPR[:d=N][:flat=K]        'poly:x0^2 + x1^4'
        dln:W0-W1-...:rank=R            dln:4-3-5:rank=2
        quad:EIGS:d=N[:seed=S]          quad:1*20:d=200:seed=3
        sum:SPEC|SPEC|...               'sum:quad:2:d=1|poly:x0^4'
        mlp:IN-H-OUT:act=A:data=N:...   mlp:3-6-2:act=relu:data=20:seed=1
        oracle:COMMAND (your model)     'oracle:python3 my_model.py'
      Exit status: 0 success, 1 a verification failed, 2 bad input or usage.
      """,
    version: JSONSchemaVersion.toolVersion,
    subcommands: CommandRegistry.all
  )
}
