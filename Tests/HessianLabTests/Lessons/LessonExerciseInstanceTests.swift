import Foundation
import HessianLab
import Testing
import TestSupport

@testable import HessianLessons

/// Exercises on the learner's own instance: a learner who copies numbers from the lesson's
/// output fails, a learner who computes the answer for the drawn instance passes; hints never
/// state the answer, and no answer or hint is in the manifest.
@Suite("Lesson exercises on drawn instances")
struct LessonExerciseInstanceTests {
  /// Instance seeds of two imagined learners (any seeds would do; these are fixed for replay).
  static let instances: [UInt64] = [11, 4242]

  /// The lesson's output up to and including the exercise's task, as the learner reads it
  /// before answering (the reference answer line and after are cut off).
  static func screen(_ number: Int, instance: UInt64) async throws -> String {
    let library = try LessonCurriculumTests.library()
    let entry = try #require(library.manifest.entry(number: number))
    let program = try #require(LessonCatalog.program(number: number))
    let console = RecordingConsole()
    let runner = LessonRunner(style: TerminalStyle(enabled: false, width: 100_000), console: console, mode: .nonInteractive)
    _ = try await runner.play(entry: entry, narrative: try library.narrative(of: entry), program: program, instance: instance)
    let text = console.text
    let cut = try #require(text.range(of: "reference answer (--non-interactive"))
    return String(text[..<cut.lowerBound])
  }

  /// Every number printed on `screen` (integers, decimals, scientific notation), each once.
  static func numbers(_ screen: String) -> [String] {
    var seen = Set<String>()
    return screen.matches(of: /[0-9]+(?:[.,][0-9]+)*(?:e[+-]?[0-9]+)?/).map { String($0.0).replacingOccurrences(of: ",", with: "") }
      .filter { seen.insert($0).inserted }
  }

  /// Every zoo id and landscape spec printed on `screen`, each once.
  static func landscapeNames(_ screen: String) -> [String] {
    var seen = Set<String>()
    let ids = screen.matches(of: /[a-z][a-z0-9]*(?:-[a-z0-9]+)+/).map { String($0.0) }.filter { Zoo.entry(id: $0) != nil }
    let specs = screen.matches(of: /(?:quad|poly|dln|sum|mlp):[^\s`]+/).map { String($0.0) }
    return (ids + specs).filter { seen.insert($0).inserted }
  }

  /// Whether `answer` passes lesson `number`'s exercise for `instance` (an answer of the wrong
  /// form is an input error: not a pass).
  static func passes(_ number: Int, _ answer: String, instance: UInt64) async throws -> Bool {
    let exercise = try #require(LessonCatalog.program(number: number)).exercise
    do { return try await exercise.judge(answer, instance).passed } catch is InputError { return false }
  }

  /// The answer a learner computes from the task on the screen, independently of the lesson's code.
  static func computed(_ number: Int, screen: String) throws -> String {
    switch number {
    case 1:  // rank R − 1 eigenvalues 1 and the smallest S: a quadratic has the eigenvalues it is given
      let m = try #require(screen.firstMatch(of: /Your instance: d = ([0-9]+), Hessian rank ([0-9]+), smallest nonzero eigenvalue ([0-9.]+)\./))
      let d = try #require(Int(m.1)), r = try #require(Int(m.2))
      return "quad:" + Array(repeating: "1", count: r - 1).joined(separator: ",") + ",\(m.3):d=\(d)"
    case 3:  // K distinct values, one repeated to fill the rank: Krylov sees one vector per distinct value
      let m = try #require(screen.firstMatch(of: /Your instance: d = ([0-9]+), Hessian rank ([0-9]+); single-vector Lanczos must report rank ([0-9]+)\./))
      let d = try #require(Int(m.1)), r = try #require(Int(m.2)), k = try #require(Int(m.3))
      return "quad:4*\(r - k + 1)" + (1..<k).map { ",\(10 * $0)" }.joined() + ":d=\(d):seed=1"
    case 4:  // R′ unit eigenvalues, R − R′ at F/1000: above d·ε (default τ), 1000× below F (rel:F τ)
      let m = try #require(screen.firstMatch(of: /Your instance: d = ([0-9]+); rank ([0-9]+) with the default threshold, rank ([0-9]+) with rel:([0-9.e+-]+)\./))
      let d = try #require(Int(m.1)), r = try #require(Int(m.2)), rr = try #require(Int(m.3)), f = try #require(Double(m.4))
      return "quad:1*\(rr),\(f / 1000)*\(r - rr):d=\(d)"
    case 8:  // one curvature 10⁻³ of the others: its kept variance stays ≈ σ², above τ < σ² at any n
      let m = try #require(screen.firstMatch(of: /Your instance: d = ([0-9]+), rank\(H\) = ([0-9]+); read-out/))
      let d = try #require(Int(m.1)), r = try #require(Int(m.2))
      return "quad:" + Array(repeating: "2", count: r - 1).joined(separator: ",") + ",0.002:d=\(d):seed=3"
    case 2:  // runs `hessian-lab rank SPEC --method block --seed S` and reads the HVP count
      let m = try #require(screen.firstMatch(of: /Your instance: `(quad:[^`]+)`, block range finder seed ([0-9]+)/))
      let land = try LandscapeSpec.resolve(String(m.1))
      let report = try RankAnalysis.run(land, options: .init(method: .block, seed: try #require(UInt64(m.2))))
      return "\(report.result.hessianVectorProducts)"
    case 5:  // ℓ ≥ (1.96/0.5)²·Var with the Gaussian one-probe variance 2r (theory §3.6's derivation)
      let m = try #require(screen.firstMatch(of: /Your instance: a projector of rank r = ([0-9]+)/))
      let r = try #require(Double(m.1))
      return "\(((1.96 / 0.5) * (1.96 / 0.5) * 2 * r).rounded())"
    case 6:  // κ = (2/d)Γ(1 + 2/d)Γ(d/2 + 1)^(2/d)·det(H)^(1/d)·λ^(−2/d) with d = 2: √(h₁h₂)/λ
      let m = try #require(screen.firstMatch(of: /Your instance: `quad:([0-9]+),([0-9]+):d=2` at λ_ES = ([0-9]+)/))
      let h1 = try #require(Double(m.1)), h2 = try #require(Double(m.2)), lambda = try #require(Double(m.3))
      return "\((h1 * h2).squareRoot() / lambda)"
    case 7:  // λ = (A_d/δ)^(d/2), A_d = (2/d)Γ(1 + 2/d)Γ(d/2 + 1)^(2/d)
      let m = try #require(screen.firstMatch(of: /Your instance: d = ([0-9]+), δ = ([0-9]*\.?[0-9]+)/))
      let d = try #require(Double(m.1)), delta = try #require(Double(m.2))
      let a = (2 / d) * tgamma(1 + 2 / d) * pow(tgamma(d / 2 + 1), 2 / d)
      return "\(pow(a / delta, d / 2))"
    case 11:  // a normal crossing x^A·y^B has λ = min(1/A, 1/B) (Watanabe 2009; theory §5.4)
      let m = try #require(screen.firstMatch(of: /Your instance: `poly:x0\^([0-9]+)\*x1\^([0-9]+)`/))
      let a = try #require(Double(m.1)), b = try #require(Double(m.2))
      return "\(min(1 / a, 1 / b))"
    case 9:  // squares for the rank, fourth powers for the flat directions (flat to H, curved to selection)
      let m = try #require(screen.firstMatch(of: /Your instance: d = ([0-9]+), Hessian rank r = ([0-9]+);/))
      let d = try #require(Int(m.1)), r = try #require(Int(m.2))
      return "poly:" + (0..<d).map { "x\($0)^\($0 < r ? 2 : 4)" }.joined(separator: "+")
    case 10:  // r squares and d − r fourth powers in separate variables: λ = r/2 + (d − r)/4 (additivity)
      let m = try #require(screen.firstMatch(of: /Your instance: d = ([0-9]+), Hessian rank r = ([0-9]+)/))
      let d = try #require(Int(m.1)), r = try #require(Int(m.2))
      return "poly:" + (0..<d).map { "x\($0)^\($0 < r ? 2 : 4)" }.joined(separator: "+")
    case 12:  // r − 1 unit eigenvalues and one weak one: its variance stays near σ², so n explodes
      let m = try #require(screen.firstMatch(of: /Your instance: d = ([0-9]+), Hessian rank ([0-9]+)\./))
      let d = try #require(Int(m.1)), r = try #require(Int(m.2))
      return "quad:1*\(r - 1),1e-9:d=\(d):seed=7"
    case 13:  // only the teacher's weights curve; one ReLU rescaling per teacher hidden unit (theory §5.6)
      let m = try #require(screen.firstMatch(of: /Your instance: `mlp:([0-9]+)-([0-9]+)-([0-9]+)-([0-9]+):[^`]*teacher=[0-9]+-([0-9]+)-([0-9]+)-[0-9]+`/))
      let w = try [m.1, m.2, m.3, m.4, m.5, m.6].map { try #require(Int($0)) }
      let (n0, h1, h2, out, t1, t2) = (w[0], w[1], w[2], w[3], w[4], w[5])
      let d = n0 * h1 + h1 * h2 + h2 * out, teacher = n0 * t1 + t1 * t2 + t2 * out
      return "\(d - teacher),\(t1 + t2),\(teacher - t1 - t2)"
    case 14:  // r − 1 eigenvalues 1 and one below max|λ|·d·2⁻²³, which float32's threshold cannot resolve
      let m = try #require(screen.firstMatch(of: /Your instance: d = ([0-9]+), Hessian rank ([0-9]+)\./))
      let d = try #require(Int(m.1)), r = try #require(Int(m.2))
      return "quad:1*\(r - 1),1e-10:d=\(d):seed=5"
    case 15:  // each dead unit's M input weights and bias have zero Jacobian columns: r = d − K(M + 1)
      let m = try #require(screen.firstMatch(of: /Your instance: the model.py network with `--inputs ([0-9]+) --hidden ([0-9]+) --dead ([0-9]+)`/))
      let inputs = try #require(Double(m.1)), hidden = try #require(Double(m.2)), dead = try #require(Double(m.3))
      let d = hidden * (inputs + 2), r = d - dead * (inputs + 1)
      return "\(r / 2),\(r / 2 + (d - r) / 4)"
    case 16:  // squares for the rank, quartics the read-out counts: r̂/2 = d/2 > r/2 + (d − r)/4
      let m = try #require(screen.firstMatch(of: /Your instance: d = ([0-9]+), Hessian rank ([0-9]+)\./))
      let d = try #require(Int(m.1)), r = try #require(Int(m.2))
      return "poly:" + (0..<d).map { "x\($0)^\($0 < r ? 2 : 4)" }.joined(separator: "+")
    default:
      Issue.record("lesson \(number): no computing learner written")
      return ""
    }
  }

  @Test("A learner who copies any number from the screen fails; one who computes for the drawn instance passes",
        arguments: LessonCatalog.all.filter(\.exercise.drawn).map(\.number))
  func copyingFailsComputingPasses(number: Int) async throws {
    for instance in Self.instances {
      let screen = try await Self.screen(number, instance: instance)
      #expect(screen.contains("Your instance:"), "lesson \(number): the task is not shown")
      let copied = Self.numbers(screen) + Self.landscapeNames(screen)
      #expect(copied.count > 10, "lesson \(number): too few numbers on the screen to be a test")
      for answer in copied {
        #expect(try await !Self.passes(number, answer, instance: instance), "lesson \(number), instance \(instance): the copied number \(answer) passes")
      }
      let answer = try Self.computed(number, screen: screen)
      #expect(try await Self.passes(number, answer, instance: instance), "lesson \(number), instance \(instance): the computed \(answer) fails")
    }
    // Different learners get different instances (and the task says which).
    let tasks = Self.instances.map { try! #require(LessonCatalog.program(number: number)).exercise.task($0) }
    #expect(Set(tasks).count == tasks.count)
  }

  @Test("Three hints (idea, command, missing step) that do not contain the answer; none in the manifest")
  func hints() async throws {
    let manifest = try String(contentsOf: LessonCurriculumTests.directory.appendingPathComponent("manifest.json"), encoding: .utf8)
    #expect(!manifest.contains("\"hints\""), "hints belong in the lesson programs, not the plain manifest")
    for program in LessonCatalog.all {
      for instance in Self.instances {
        let hints = program.exercise.hints(instance)
        #expect(hints.count == 3, "lesson \(program.number)")
        #expect(hints[1].contains("`hessian-lab "), "lesson \(program.number): hint 2 names the command")
        let answer = try await program.exercise.referenceAnswer(instance)
        for h in hints { #expect(!h.contains(answer), "lesson \(program.number): a hint states the answer \(answer): \(h)") }
        #expect(!manifest.contains(answer) || !program.exercise.drawn, "lesson \(program.number): the answer is in the manifest")
      }
    }
  }
}
