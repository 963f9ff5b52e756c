import Foundation

/// Lesson 15: your own model. A NumPy tanh network (`lessons/15-your-own-model/model.py`) is
/// served through the external-oracle seam (`oracle:python3 model.py`) and analysed like any
/// landscape: the trust checks (theory §3.1), the rank with its gap (§2.5), the LLC bounds
/// (§5.2, §5.3). Without `python3` and NumPy the same network runs in process, in Swift, through
/// the same seam and checks, and the lesson says so.
public struct Lesson15YourOwnModel: LessonProgram {
  /// The lesson's position in the course, 15 (folder `15-your-own-model`).
  public let number = 15
  /// The topic id `your-own-model`, matching the manifest entry and the folder.
  public let id = "your-own-model"

  /// Where the model is served from.
  public enum Route: String, Sendable {
    /// The NumPy script when `python3` can import NumPy, else in process.
    case automatic
    /// Always the NumPy script (a run fails without `python3` and NumPy).
    case external
    /// Always the Swift twin of the script, through the same oracle seam.
    case inProcess
  }

  /// Where the model is served from (default: the script when NumPy is there).
  public var route = Route.automatic
  /// The Python interpreter of the external route.
  public var python = "python3"
  /// The network's inputs M (d = H(M + 2)).
  public var inputs = 2
  /// The network's hidden units H.
  public var hidden = 3
  /// The teacher's dead hidden units K (outgoing weight 0), the last K of the H.
  public var dead = 1
  /// How τ is chosen for the rank (a test injects a threshold that swallows small eigenvalues).
  public var threshold = ThresholdPolicy.precisionRelative
  /// Serve the lesson's model with the doubled gradient (a test injects the broken wrapper).
  public var servedDefect = false

  /// The lesson with its default parameters, as ``LessonCatalog`` runs it.
  public init() {}

  /// One served model: the subject and the line saying how it is served.
  struct Served {
    let subject: AnalysisSubject
    let how: String
  }

  /// Whether `python` imports NumPy (one short process; its messages are discarded).
  static func hasNumPy(_ python: String) -> Bool {
    (try? ExternalCommandRun.run("exec 2>/dev/null; \(python) -c 'import numpy'", timeoutSeconds: 60)) != nil
  }

  /// Serves `net` (with the doubled gradient when `defect`) through the script when `script`
  /// is a path, else in process.
  func serve(_ net: TeacherNetwork, defect: Bool, script: URL?) throws -> Served {
    guard let script else {
      return Served(subject: AnalysisSubject(oracle: net.oracle(gradientFactor: defect ? 2 : 1)), how: "in process (Swift twin of model.py)")
    }
    let command = "\(python) '\(script.path)' \(net.arguments(defect: defect))"
    return Served(subject: try SubjectSpec.resolve("oracle:" + command), how: "oracle:\(python) model.py \(net.arguments(defect: defect))")
  }

  /// Runs the trust checks, the rank, the bounds and the flat-direction losses on the served
  /// model; seeds derive from `seed`.
  ///
  /// - Throws: ``InputError`` when the oracle cannot start or refuses a check; otherwise the
  ///   errors of the numerical routines it calls.
  public func run(seed: UInt64) async throws -> LessonRun {
    var r = LessonRun()
    let net = TeacherNetwork(inputs: inputs, hidden: hidden, dead: dead)
    let external = route == .external || (route == .automatic && Self.hasNumPy(python))
    var folder: URL?
    if external {
      let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hessian-lab-lesson15-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
      try Self.script.write(to: dir.appendingPathComponent("model.py"), atomically: true, encoding: .utf8)
      folder = dir
    }
    defer { if let folder { try? FileManager.default.removeItem(at: folder) } }
    let script = folder?.appendingPathComponent("model.py")
    let good = try serve(net, defect: servedDefect, script: script)
    defer { good.subject.shutdown() }
    let broken = try serve(net, defect: true, script: script)
    defer { broken.subject.shutdown() }
    r.show("model", [
      "\(net.name): M = \(net.inputs) inputs, H = \(net.hidden) hidden units, d = \(net.dimension) parameters, "
        + "n = \(TeacherNetwork.samples) inputs; the teacher's last \(net.dead == 1 ? "unit is" : "\(net.dead) units are") dead",
      "served: " + good.how,
      external
        ? "python3 with NumPy found: the lesson wrote model.py to a temporary folder and runs it"
        : "python3 with NumPy not found: the same model runs in process, through the same seam and trust checks",
    ])
    try trustPart(&r, good: good.subject, broken: broken.subject)
    let rank = try rankPart(&r, net: net, subject: good.subject, seed: seed)
    try await boundsPart(&r, net: net, subject: good.subject, rank: rank, seed: seed)
    return r
  }
}
