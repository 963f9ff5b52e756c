/// Bad input: a parameter value, a file, a landscape spec, a lesson answer, or
/// inputs that do not fit together. Each case says WHAT input, WHICH value and WHY.
///
/// ``description`` is one line in the library's words (a parameter is named by
/// ``Parameter/rawValue``, e.g. `population λ: λ = 1 must be at least 2`). A front end
/// names parameters its own way with ``rendered(naming:)``: the command-line tool
/// passes its flag table, so the same error reads `--population: λ = 1 must be at least 2`
/// there, and exits with status 2.
public enum InputError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A parameter (an estimator, sampler or comparison setting) with an unusable `value`;
  /// `problem` says why, usually quoting the value with its symbol (`λ = 1 must be at least 2`).
  case parameter(Parameter, value: String, problem: Phrase)
  /// A file (or a folder), as the user named it; `line` when the problem is at one line of it.
  case file(path: String, line: Int? = nil, problem: Phrase)
  /// A `.npy` file that cannot be read; the ``NumpyError`` names the file.
  case numpy(NumpyError)
  /// A landscape spec (zoo id, `poly:`, `quad:`, `dln:`, `sum:` text or a landscape's name)
  /// that does not describe a usable landscape. An empty spec is named `landscape`.
  case spec(String, problem: Phrase)
  /// An environment variable whose `value` is unusable.
  case environment(variable: String, value: String, problem: Phrase)
  /// An answer typed into a lesson exercise; `problem` quotes the answer in context
  /// (`'x' is not a number (expected …)`), so the description is the problem alone.
  case answer(String, problem: Phrase)
  /// A lesson prediction (by id) that received no valid answer.
  case prediction(id: String, problem: Phrase)
  /// A field of a library configuration that no command exposes (e.g. the volume
  /// estimator's grid points), named in the library's words.
  case configuration(field: String, value: String, problem: Phrase)
  /// Inputs that do not fit together, or a required input that is missing, with no
  /// single input to blame (e.g. a covariance and a Hessian of different sizes).
  case inconsistent(Phrase)
  /// A textual value the library parses for a caller that names the option itself (a
  /// command-line parser prefixes the option and the value), so the line is the problem alone.
  case value(String, problem: Phrase)
  /// An external oracle (`oracle:COMMAND`) that failed: `request` is what was being asked
  /// (`hvp request of 40 vectors`, `handshake`), `problem` what went wrong (`exited with
  /// status 1`, `no reply within 300 s`, …), and `lastStandardErrorLine` the oracle's last
  /// non-empty standard-error line, quoted at the end of the message.
  case oracle(command: String, request: String, problem: Phrase, lastStandardErrorLine: String?)
  /// An external estimator under calibration (`verify --external COMMAND`) whose run on
  /// `landscape` with `seed` failed: `problem` says how (`exited with status 1`, `printed no
  /// JSON object`, …), and `lastStandardErrorLine` is quoted at the end of the message.
  case estimator(command: String, landscape: String, seed: UInt64, problem: Phrase, lastStandardErrorLine: String?)

  /// The parameter the error names, nil for a file, spec or other input.
  public var parameter: Parameter? {
    if case .parameter(let p, _, _) = self { p } else { nil }
  }

  /// One line in the library's words.
  public var description: String { rendered(naming: \.rawValue) }

  /// One line naming each parameter with `name` (the command-line tool passes its
  /// flag table). Echoed input is made printable and bounded (``OneLine``): a newline
  /// in a spec cannot split the line, a 10⁴-digit value is shortened. Cost: linear in
  /// the length of the line.
  public func rendered(naming name: (Parameter) -> String) -> String {
    OneLine.sanitized(Phrase(pieces: pieces).rendered(naming: name))
  }

  /// The line as phrase pieces: the subject (parameter, file, spec, …), `": "`, the problem.
  var pieces: [Phrase.Piece] {
    switch self {
    case .parameter(let p, _, let problem): [.parameter(p), .text(": ")] + problem.pieces
    case .file(let path, let line, let problem):
      [.text(line.map { "\(path):\($0): " } ?? "\(path): ")] + problem.pieces
    case .numpy(let error): [.text(error.description)]
    case .spec(let text, let problem): [.text("\(text.isEmpty ? "landscape" : text): ")] + problem.pieces
    case .environment(let variable, _, let problem): [.text("\(variable): ")] + problem.pieces
    case .answer(_, let problem): problem.pieces
    case .prediction(let id, let problem): [.text("prediction '\(id)': ")] + problem.pieces
    case .configuration(let field, _, let problem): [.text("\(field): ")] + problem.pieces
    case .inconsistent(let problem): problem.pieces
    case .value(_, let problem): problem.pieces
    case .oracle(let command, let request, let problem, let line):
      [.text("oracle:\(command): \(request): ")] + problem.pieces
        + (line.map { [.text("; its last standard-error line: \"\($0)\"")] } ?? [])
    case .estimator(let command, let landscape, let seed, let problem, let line):
      [.text("external estimator '\(command)' on \(landscape) with seed \(seed): ")] + problem.pieces
        + (line.map { [.text("; its last standard-error line: \"\($0)\"")] } ?? [])
    }
  }
}
