import Foundation
import HessianLab
import Testing
import TestSupport

@testable import HessianLessons

/// Lessons 13 (why network Hessians are degenerate) and 14 (are second derivatives too noisy?):
/// scripted learners who predict right and wrong, determinism for a fixed seed, reference answers
/// against closed forms computed here, and the exercises' judges on right and wrong answers.
@Suite("Lessons 13 and 14")
struct LessonNetworkErrorTests {
  /// Plays lesson `number` interactively with `answers`, returning (right, asked).
  static func scripted(_ number: Int, seed: UInt64? = nil, answers: [String]) async throws -> (right: Int, asked: Int) {
    let library = try LessonCurriculumTests.library()
    let entry = try #require(library.manifest.entry(number: number))
    let program = try #require(LessonCatalog.program(number: number))
    let runner = LessonRunner(style: .plain, console: RecordingConsole(answers: answers), mode: .interactive)
    let outcome = try await runner.play(entry: entry, narrative: try library.narrative(of: entry), program: program, seed: seed)
    return (outcome.predictionsRight, outcome.predictionsAsked)
  }

  /// The predictions of one run of lesson `number`, in the narrative's order.
  static func predictions(_ number: Int, seed: UInt64) async throws -> [Prediction] {
    let library = try LessonCurriculumTests.library()
    let entry = try #require(library.manifest.entry(number: number))
    let run = try await #require(LessonCatalog.program(number: number)).run(seed: seed)
    return try library.narrative(of: entry).predictionIDs.map { try #require(run.predictions[$0]) }
  }

  @Test("Lesson 13: the reference ranks are the closed forms t(IN + OUT − 1) (ReLU) and t(IN + OUT) (tanh)",
        arguments: [UInt64(13), 7, 2026])
  func lesson13ClosedForm(seed: UInt64) async throws {
    let n = Lesson13NetworkSymmetries.draw(seed)
    let p = try await Self.predictions(13, seed: seed)
    // One hidden layer, teacher width t, generic Gaussian data (N = 40 ≥ the bound): every teacher
    // weight curves except one rescaling per teacher unit (theory §5.6).
    #expect(p[0].reference == .number(Double(n.teacher * (n.input + n.output - 1))))
    #expect(p[1].reference == .number(Double(n.teacher * (n.input + n.output))))
    #expect(p[2].reference == .choice(0))
  }

  @Test("Lesson 13: a learner who predicts right is credited, one who forgets a symmetry is not")
  func lesson13Scripted() async throws {
    let p = try await Self.predictions(13, seed: 13)
    let right = p.map(\.referenceText)
    #expect(try await Self.scripted(13, answers: right) == (3, 3))
    // Forgets the rescalings (predicts d − flat), thinks tanh keeps them, thinks swaps add directions.
    let n = Lesson13NetworkSymmetries.draw(13)
    let wrong = ["\(n.teacher * (n.input + n.output))", right[0], "b"]
    #expect(try await Self.scripted(13, answers: wrong) == (0, 3))
  }

  @Test("Lesson 14: a learner who predicts right is credited, one who trusts ε is not")
  func lesson14Scripted() async throws {
    let p = try await Self.predictions(14, seed: 14)
    let right = p.map(\.referenceText)
    #expect(try await Self.scripted(14, answers: right) == (3, 3))
    // Believes every route keeps the rank, under ε too, and that selection ignores any noise.
    #expect(try await Self.scripted(14, answers: ["5", "5", "c"]) == (0, 3))
  }

  @Test("Lessons 13 and 14: the same seed prints the same lesson", arguments: [13, 14])
  func determinism(number: Int) async throws {
    let (a, first) = try await LessonCurriculumTests.play(number)
    let (_, second) = try await LessonCurriculumTests.play(number)
    #expect(first == second)
    #expect(a.run.allChecksPassed)
  }

  @Test("Lesson 13: another seed's run passes every check (the claims are not tuned to one network)",
        arguments: [UInt64(1), 99, 4242])
  func lesson13OtherSeeds(seed: UInt64) async throws {
    let run = try await Lesson13NetworkSymmetries().run(seed: seed)
    for c in run.checks { #expect(c.passed, "seed \(seed) check \(c.id): \(c.detail)") }
  }

  @Test("Lesson 13's instances are explained by the count: F = d − teacher weights, R = t₁ + t₂, K = the Jacobian's rank")
  func lesson13Instances() throws {
    for seed in UInt64(0)..<24 {
      let spec = Lesson13NetworkSymmetries.instance(seed)
      let s = try MultilayerPerceptronSpec(spec)
      let land = try MultilayerPerceptronLandscape(spec: spec)
      let t = s.teacherWidths, w = s.widths
      let teacher = t[0] * t[1] + t[1] * t[2] + t[2] * t[3]
      #expect(land.symmetries.flatCoordinates == land.dimension - teacher, "\(spec)")
      #expect(land.symmetries.rescalingDirections == t[1] + t[2], "\(spec)")
      #expect(land.knownAnswers.rank.value == teacher - t[1] - t[2], "\(spec)")
      #expect(w.count == 4 && t[1] >= 2 && t[1] < w[1] && t[2] < w[2], "\(spec)")
    }
  }

  @Test("Lesson 13's judge: right counts pass; a wrong count or a malformed answer fails")
  func lesson13Judge() async throws {
    let exercise = Lesson13NetworkSymmetries().exercise
    let reference = try await exercise.referenceAnswer(11)
    #expect(try await exercise.judge(reference, 11).passed)
    let parts = reference.split(separator: ",").compactMap { Int($0) }
    #expect(try await !exercise.judge("\(parts[0]),\(parts[1]),\(parts[2] + parts[1])", 11).passed)
    #expect(try await !exercise.judge("\(parts[0] + 1),\(parts[1]),\(parts[2])", 11).passed)
    await #expect(throws: InputError.self) { try await exercise.judge("\(parts[2])", 11) }
  }

  @Test("Lesson 14's judge: a spectrum the float32 threshold resolves, or the wrong d or rank, fails")
  func lesson14Judge() async throws {
    let exercise = Lesson14NumericalError().exercise
    let (d, r) = Lesson14NumericalError.instance(11)
    #expect(try await exercise.judge(try await exercise.referenceAnswer(11), 11).passed)
    #expect(try await !exercise.judge("quad:1*\(r - 1),0.01:d=\(d):seed=5", 11).passed)  // 0.01 ≫ d·2⁻²³
    #expect(try await !exercise.judge("quad:1*\(r),1e-10:d=\(d):seed=5", 11).passed)  // rank r + 1
    #expect(try await !exercise.judge("quad:1*\(r - 1),1e-10:d=\(d + 1):seed=5", 11).passed)
  }
}
