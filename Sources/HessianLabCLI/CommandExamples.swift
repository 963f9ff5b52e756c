/// Two or three example command lines for every subcommand, appended to its help (and so to the
/// man page) as an "Examples:" block. Each line is a real invocation; `CommandExamplesTests` runs
/// the ones that need no file of the user's.
enum CommandExamples {
  /// The examples of each subcommand, by command name.
  static let all: [String: [String]] = [
    "rank": [
      "hessian-lab rank quad-rank-deficient",
      "hessian-lab rank quad:1*20:d=200:seed=3 --method block --svg rank.svg",
      "hessian-lab rank H.npy --threshold gap --json",
    ],
    "spectrum": [
      "hessian-lab spectrum quad-clusters --top 4 --seed 1",
      "hessian-lab spectrum dln-3-2-3 --density --probes 8 --svg density.svg",
    ],
    "hessian": [
      "hessian-lab hessian quad-rank-deficient --save H.npy",
      "hessian-lab hessian newton-edge --at w.npy --save H.npy --json",
    ],
    "landscapes": [
      "hessian-lab landscapes",
      "hessian-lab landscapes --json",
    ],
    "describe": [
      "hessian-lab describe newton-edge",
      "hessian-lab describe poly:x0^2*x1^4+x2^2 --json",
    ],
    "serve": [
      "hessian-lab serve dln-3-2-3",
      "hessian-lab rank 'oracle:hessian-lab serve quad-full-rank' --method block",
    ],
    "covariance": [
      "hessian-lab covariance quad-rank-deficient --population 100 --kept 400",
      "hessian-lab covariance quad-full-rank --population 20 --kept 400 --plan",
      "hessian-lab covariance newton-flat --route cma --evaluations 2000 --seed 1",
    ],
    "reproduce": [
      "hessian-lab reproduce covariance-hessian --quick",
      "hessian-lab reproduce covariance-hessian --quick --svg figures",
      "hessian-lab reproduce robustness --quick",
    ],
    "reproduce covariance-hessian": [
      "hessian-lab reproduce covariance-hessian --quick",
      "hessian-lab reproduce covariance-hessian --quick --svg figures",
    ],
    "reproduce robustness": [
      "hessian-lab reproduce robustness --quick --svg figures",
      "hessian-lab reproduce robustness nc-x2 newton-edge --json",
    ],
    "llc": [
      "hessian-lab llc newton-edge --method all --seed 1",
      "hessian-lab llc dln-3-2-3 --method bounds",
    ],
    "lesson": [
      "hessian-lab lesson list",
      "hessian-lab lesson start 1",
      "hessian-lab lesson check 5",
    ],
    "compare": [
      "hessian-lab compare quad-rank-deficient",
      "hessian-lab compare quad-rank-deficient --method block --json",
      "hessian-lab compare dln-3-2-3 --method block --hvp float32",
    ],
    "verify": [
      "hessian-lab verify --quick",
      "hessian-lab verify newton-edge",
      "hessian-lab verify --external 'python3 my_llc.py' --quantity llc",
    ],
    "check": [
      "hessian-lab check dln:4-3-5:rank=2 --quantity llc --value 8.3",
      "hessian-lab check quad-full-rank --quantity rank --value 10",
    ],
    "tour": [
      "hessian-lab tour",
      "hessian-lab tour --quick",
    ],
    "bench": [
      "scripts/bench --cases block-rank",
      "hessian-lab bench block-rank --inputs FOLDER --repeat 5",
    ],
  ]

  /// The "Examples:" block of `command`, to append to its discussion (empty for an unknown name).
  static func block(for command: String) -> String {
    guard let lines = all[command], !lines.isEmpty else { return "" }
    return "\n\nExamples:\n" + lines.map { "  " + $0 }.joined(separator: "\n")
  }

  /// The "Examples:" block alone, for a command without other discussion.
  static func only(for command: String) -> String {
    String(block(for: command).drop { $0 == "\n" })
  }

  /// `discussion` followed by the examples of `command`.
  static func discussion(_ discussion: String, for command: String) -> String {
    discussion + block(for: command)
  }
}
