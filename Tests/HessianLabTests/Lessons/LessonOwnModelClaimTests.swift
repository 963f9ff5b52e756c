import Foundation
import HessianLab
import Testing
import TestSupport

@testable import HessianLessons

/// Lessons 15 (your own model) and 16 (reading a paper's claim): each claim falsified by an
/// injected wrong component, the model served in process and (when NumPy is there) by the
/// NumPy script with the same answers, the shipped script equal to the one the lesson writes,
/// and the exercises' judges on right and wrong answers.
@Suite("Lessons 15 and 16")
struct LessonOwnModelClaimTests {
  /// Lesson 15 served in process: the same run on every machine.
  static func inProcess() -> Lesson15YourOwnModel {
    var p = Lesson15YourOwnModel()
    p.route = .inProcess
    return p
  }

  @Test("Lesson 15: the doubled-gradient wrapper served as the model fails the trust check")
  func lesson15Defect() async throws {
    var p = Self.inProcess()
    p.servedDefect = true
    #expect(try await LessonCurriculumTests.fails(15, p, check: "trust-checks-pass"))
  }

  @Test("Lesson 15: a threshold that swallows small eigenvalues (τ = 10⁻³) miscounts the rank")
  func lesson15Threshold() async throws {
    var p = Self.inProcess()
    p.threshold = .absolute(1e-3)
    #expect(try await LessonCurriculumTests.fails(15, p, check: "rank-with-gap"))
  }

  @Test("Lesson 15: with no model dead, there are no flat directions and no valley")
  func lesson15NoValley() async throws {
    var p = Self.inProcess()
    p.dead = 0
    #expect(try await LessonCurriculumTests.fails(15, p, check: "bounds-valley"))
  }

  @Test("Lesson 15: without python3 and NumPy the lesson runs in process and says so; its checks pass")
  func lesson15Fallback() async throws {
    var p = Lesson15YourOwnModel()
    p.python = "/nonexistent/python3"
    let (outcome, text) = try await LessonCurriculumTests.play(15, program: p)
    #expect(outcome.run.allChecksPassed, "\(outcome.run.checks)")
    #expect(text.contains("python3 with NumPy not found: the same model runs in process"))
    #expect(text.contains("served: in process"))
  }

  @Test("Lesson 15: the NumPy script and its Swift twin give the same predictions and checks",
        .enabled(if: Lesson15YourOwnModel.hasNumPy("python3"), "python3 with NumPy is not installed"))
  func lesson15Routes() async throws {
    var external = Lesson15YourOwnModel()
    external.route = .external
    let a = try await external.run(seed: 15), b = try await Self.inProcess().run(seed: 15)
    #expect(a.predictions.mapValues(\.reference) == b.predictions.mapValues(\.reference))
    #expect(a.checks.map(\.passed) == b.checks.map(\.passed) && a.allChecksPassed)
    #expect(a.steps["model"]?.contains { $0.hasPrefix("served: oracle:python3 model.py") } == true)
  }

  @Test("Lesson 15: the shipped model.py is the script the lesson runs")
  func lesson15Script() throws {
    let url = LessonCurriculumTests.directory.appendingPathComponent("15-your-own-model/model.py")
    #expect(try String(contentsOf: url, encoding: .utf8) == Lesson15YourOwnModel.script)
  }

  @Test("Lesson 15: the rank is d − K(M + 1) for every drawn network (the Jacobian's zero columns), and the judge knows it",
        arguments: [UInt64(1), 2, 3, 4, 5])
  func lesson15Exercise(seed: UInt64) async throws {
    let net = Lesson15YourOwnModel.instance(seed)
    let d = Double(net.dimension), r = Double(net.dimension - net.dead * (net.inputs + 1))
    let judge = Lesson15YourOwnModel().exercise.judge
    #expect(try await judge("\(r / 2),\(r / 2 + (d - r) / 4)", seed).passed)
    #expect(try await !judge("\(d / 2),\(d / 2)", seed).passed)
    await #expect(throws: InputError.self) { _ = try await judge("4.5", seed) }
  }

  @Test("Lesson 16: (μ,λ)-free but small λ_ES everywhere: the covariance is not yet ∝ H⁻¹")
  func lesson16Claim1() async throws {
    var p = Lesson16ReadingAClaim()
    p.populations = [10, 10, 10]
    #expect(try await LessonCurriculumTests.fails(16, p, check: "claim1-shape-not-inverse"))
  }

  @Test("Lesson 16: on x² instead of x⁴ the read-out does not over-count")
  func lesson16Claim2() async throws {
    var p = Lesson16ReadingAClaim()
    p.quartic = "poly:x0^2"
    #expect(try await LessonCurriculumTests.fails(16, p, check: "claim2-readout-over-counts"))
  }

  @Test("Lesson 16: with n = 400 offered as \"d/2\" the claim's read-out is right, so the check fails")
  func lesson16Claim3() async throws {
    var p = Lesson16ReadingAClaim()
    p.fewKept = 400
    #expect(try await LessonCurriculumTests.fails(16, p, check: "claim3-needs-more-than-d"))
  }

  @Test("Lesson 16: the gradings are true with conditions, true with conditions, false")
  func lesson16Gradings() async throws {
    let run = try await Lesson16ReadingAClaim().run(seed: 16)
    #expect(run.predictions["claim1"]?.reference == .choice(2))
    #expect(run.predictions["claim2"]?.reference == .choice(2))
    #expect(run.predictions["claim3"]?.reference == .choice(1))
  }

  @Test("Lesson 16: a quadratic (no over-count) and a wrong rank fail the judge")
  func lesson16Judge() async throws {
    let (d, r) = Lesson16ReadingAClaim.instance(11)
    let judge = Lesson16ReadingAClaim().exercise.judge
    let quadratic = "poly:" + (0..<d).map { "x\($0)^2" }.joined(separator: "+")
    #expect(try await !judge(quadratic, 11).passed)
    let quartics = "poly:" + (0..<d).map { "x\($0)^\($0 < r ? 2 : 4)" }.joined(separator: "+")
    #expect(try await judge(quartics, 11).passed)
  }
}
