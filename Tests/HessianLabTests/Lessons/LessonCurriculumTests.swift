import Foundation
import HessianLab
import Testing
import TestSupport

/// The curriculum "dev check" (rustlings' `cargo dev check`): the manifest, the
/// folders, the narratives and the compiled programs agree, and every lesson's
/// reference run passes its checks with its seed.
@Suite("Lesson curriculum")
struct LessonCurriculumTests {
  static let directory = Repository.root.appendingPathComponent("lessons", isDirectory: true)

  static func library() throws -> LessonLibrary { try LessonLibrary(directory: directory) }

  @Test("Manifest ids are unique, numbered 1…n, and name existing folders")
  func manifestMatchesFolders() throws {
    let library = try Self.library()
    let m = library.manifest
    #expect(m.formatVersion == LessonManifest.currentFormatVersion)
    #expect(m.lessons.count >= 14)
    #expect(Set(m.lessons.map(\.id)).count == m.lessons.count)
    #expect(m.lessons.map(\.number) == Array(1...m.lessons.count))
    #expect(m.problems().isEmpty, "\(m.problems())")
    let folders = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
      .filter { $0.first?.isNumber == true }.sorted()
    #expect(folders == m.lessons.map(\.directory))
  }

  @Test("Every folder has its narrative, and the catalog has a program for every entry")
  func foldersAndPrograms() throws {
    let library = try Self.library()
    #expect(library.problems(programs: LessonCatalog.all).isEmpty, "\(library.problems(programs: LessonCatalog.all))")
    for e in library.manifest.lessons {
      let narrative = try library.narrative(of: e)
      #expect(narrative.segments.contains(.checks))
      #expect(narrative.segments.contains(.exercise))
      #expect(!narrative.predictionIDs.isEmpty, "lesson \(e.number) asks no prediction")
      #expect(!narrative.stepIDs.isEmpty, "lesson \(e.number) shows no live step")
    }
  }

  @Test("The lessons come in the issues' order")
  func order() throws {
    let ids = try Self.library().manifest.lessons.prefix(14).map(\.id)
    #expect(ids == [
      "hessian-rank", "hessian-vector-products", "lanczos-multiplicity", "numerical-rank", "stochastic-spectra",
      "covariance-quadratic", "dimension-cost", "degenerate-readout", "non-quadratic-selection", "rank-bounds-llc",
      "measuring-llc", "which-route", "network-symmetries", "numerical-error",
    ])
  }

  /// Plays lesson `number` non-interactively with its seed and an injected program.
  /// `style` sets the wrap width (80 columns by default).
  static func play(
    _ number: Int, program: (any LessonProgram)? = nil, style: TerminalStyle = .plain
  ) async throws -> (LessonOutcome, String) {
    let library = try library()
    let entry = try #require(library.manifest.entry(number: number))
    let program = try #require(program ?? LessonCatalog.program(number: number))
    let console = RecordingConsole()
    let runner = LessonRunner(style: style, console: console, mode: .nonInteractive)
    let outcome = try await runner.play(entry: entry, narrative: try library.narrative(of: entry), program: program)
    return (outcome, console.text)
  }

  @Test("Every lesson runs non-interactively with its seed and all its checks pass", arguments: LessonCatalog.all.map(\.number))
  func referenceRun(number: Int) async throws {
    let (outcome, text) = try await Self.play(number)
    for c in outcome.run.checks { #expect(c.passed, "lesson \(number) check \(c.id): \(c.detail)") }
    #expect(outcome.run.allChecksPassed)
    #expect(outcome.exerciseVerdict?.passed == true, "lesson \(number): the reference exercise answer fails: \(outcome.exerciseVerdict?.lines ?? [])")
    #expect(outcome.predictionsRight == outcome.predictionsAsked, "reference answers must be judged right")
    #expect(text.contains("Lesson \(number) ·"))
    #expect(!text.contains("✗"), "lesson \(number) printed a failure:\n\(text)")
    // Rendered for an 80-column terminal: no line wider, no Markdown emphasis markers, one title.
    let wide = text.split(separator: "\n").filter { $0.count > TerminalStyle.defaultWidth }
    #expect(wide.isEmpty, "lesson \(number): lines wider than 80 columns:\n\(wide.joined(separator: "\n"))")
    #expect(!text.contains("**"), "lesson \(number) prints raw Markdown bold")
    #expect(text.components(separatedBy: "Lesson \(number) ·").count == 2, "lesson \(number) prints its title once")
    let bare = text.split(separator: "\n").filter { Self.hasBareLambda(String($0)) }
    #expect(bare.isEmpty, "lesson \(number) prints a bare λ (write λ_ES or λ_LLC; theory §9):\n\(bare.joined(separator: "\n"))")
  }

  /// Whether `line` has a λ that is neither λ_ES, λ_LLC (or another subscript), λ̂, the
  /// computed-eigenvalue |λ| nor the name (1,λ): the convention of theory §9.
  static func hasBareLambda(_ line: String) -> Bool {
    let c = Array(line.unicodeScalars)
    for (i, u) in c.enumerated() where u == "λ" {
      let before = i > 0 ? c[i - 1] : " ", after = i + 1 < c.count ? c[i + 1] : " "
      if before == "," || before == "|" || after == "_" || after == "\u{0302}" || after == "ᵢ" || after == "|" { continue }
      return true
    }
    return false
  }

  /// Whether check `id` failed in lesson `number` run with `program`.
  static func fails(_ number: Int, _ program: any LessonProgram, check id: String) async throws -> Bool {
    let (outcome, _) = try await play(number, program: program)
    let c = try #require(outcome.run.checks.first { $0.id == id })
    return !c.passed && !outcome.passed
  }
}
