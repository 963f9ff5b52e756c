/// The parsed text of an `mlp:` landscape spec:
///
///     mlp:IN-H1-…-OUT:act=tanh|relu|linear|gelu:data=N:seed=S[:teacher=IN-h1-…-OUT][:train=STEPS]
///
/// `act`, `data` and `seed` are required (an explicit seed: the data and the teacher are random draws);
/// `teacher` defaults to ``TeacherEmbedding/defaultWidths(student:)``; `train=STEPS` makes the reference
/// point the result of at most STEPS L-BFGS steps from a seeded start (``NetworkTraining``) instead of the
/// embedded teacher. Limits, each refused with one line naming the spec: at least two widths, each
/// 1…100,000; N in 1…10,000,000; the teacher has the student's depth, input and output widths and hidden
/// widths 1…n_l; STEPS in 1…``NetworkTraining/maximumSteps``. Sizes (d, memory, work) are checked when the
/// landscape is built (``MultilayerPerceptronLandscape``). Cost: linear in the text.
public struct MultilayerPerceptronSpec: Sendable, Equatable {
  /// The student's widths n_0 … n_L.
  public let widths: [Int]
  /// σ on the hidden layers.
  public let activation: Activation
  /// N, the number of synthetic inputs.
  public let sampleCount: Int
  /// The seed of the data (child stream 0) and of the teacher weights (child stream 1).
  public let seed: UInt64
  /// The teacher's widths t_0 … t_L.
  public let teacherWidths: [Int]
  /// STEPS of `train=STEPS`, nil for the embedded-teacher minimum.
  public let trainingSteps: Int?
  /// The spec as typed (named in every message).
  public let text: String

  /// Parses `text` (which starts with `mlp:`).
  ///
  /// - Throws: ``InputError/spec(_:problem:)`` naming `text`.
  public init(_ text: String) throws(InputError) {
    self.text = text
    let fields = text.dropFirst(4).split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    widths = try Self.widths(fields[0], role: "width", in: text)
    guard widths.count >= 2 else {
      throw InputError.spec(text, problem: "a network needs at least two widths (input and output), e.g. mlp:3-4-2")
    }
    let usage = "mlp: takes act=tanh|relu|linear|gelu, data=N, seed=S, teacher=IN-h-…-OUT and train=STEPS"
    let options = try SpecOptions(fields.dropFirst(), allowed: ["act", "data", "seed", "teacher", "train"], usage: usage, in: text)
    guard let act = options["act"] else { throw InputError.spec(text, problem: "missing ':act=…' (tanh, relu, linear or gelu)") }
    guard let a = Activation(rawValue: act) else {
      throw InputError.spec(text, problem: "act=\(act) is not one of tanh, relu, linear, gelu")
    }
    activation = a
    guard let data = options["data"] else { throw InputError.spec(text, problem: "missing ':data=N' (the number of synthetic inputs)") }
    guard let n = Int(data), n >= 1, n <= 10_000_000 else {
      throw InputError.spec(text, problem: "data=\(data) is not an integer from 1 to 10,000,000")
    }
    sampleCount = n
    guard let s = options["seed"] else { throw InputError.spec(text, problem: "missing ':seed=S' (the data and the teacher are seeded draws)") }
    guard let sv = UInt64(s) else { throw InputError.spec(text, problem: "seed '\(s)' is not a non-negative integer") }
    seed = sv
    if let t = options["teacher"] {
      let tw = try Self.widths(t, role: "teacher width", in: text)
      try Self.checkTeacher(tw, student: widths, in: text)
      teacherWidths = tw
    } else {
      teacherWidths = TeacherEmbedding.defaultWidths(student: widths)
    }
    if let t = options["train"] {
      guard let steps = Int(t), steps >= 1, steps <= NetworkTraining.maximumSteps else {
        throw InputError.spec(text, problem: "train=\(t) is not an integer from 1 to \(NetworkTraining.maximumSteps) (the most L-BFGS steps)")
      }
      trainingSteps = steps
    } else {
      trainingSteps = nil
    }
  }

  static func widths(_ list: String, role: String, in text: String) throws(InputError) -> [Int] {
    let pieces = try DelimitedList.items(list, separator: "-") { problem in
      InputError.spec(text, problem: "\(role) list '\(list)': \(problem.description) (write widths as 3-4-2)")
    }
    var out: [Int] = []
    for (k, piece) in pieces.enumerated() {
      guard let v = Int(piece), v >= 1, v <= 100_000 else {
        throw InputError.spec(text, problem: "\(role) \(k + 1) ('\(piece)') is not an integer from 1 to 100,000")
      }
      out.append(v)
    }
    return out
  }

  static func checkTeacher(_ t: [Int], student n: [Int], in text: String) throws(InputError) {
    let shown = t.map(String.init).joined(separator: "-")
    guard t.count == n.count else {
      throw InputError.spec(text, problem: "teacher=\(shown) has \(t.count - 1) layers, the student \(n.count - 1); they must have the same depth")
    }
    guard t.first == n.first, t.last == n.last else {
      throw InputError.spec(text, problem: "teacher=\(shown) must have the student's input and output widths \(n[0]) and \(n[n.count - 1])")
    }
    if let l = t.indices.first(where: { t[$0] > n[$0] }) {
      throw InputError.spec(text, problem: "teacher width \(l + 1) is \(t[l]), wider than the student's \(n[l]); the teacher must fit inside the student")
    }
  }
}
