import Foundation
import Testing
import TestSupport

import HessianLab
@testable import HessianLessons

/// ``LessonListReport``: the status of each lesson from its progress, the counts and the next
/// unfinished lesson (null once all are done).
@Suite("Lesson list report")
struct LessonListReportTests {
  static func manifest() throws -> LessonManifest {
    try LessonLibrary(directory: Repository.root.appendingPathComponent("lessons", isDirectory: true)).manifest
  }

  static func progress(runs: Int = 0, checks: Bool = false, exercise: Bool = false) -> LessonState.Progress {
    var p = LessonState.Progress()
    p.runs = runs
    p.checksPassed = checks
    p.exercisePassed = exercise
    return p
  }

  @Test("each progress maps to its status; counts and the next unfinished lesson follow")
  func statuses() throws {
    let manifest = try Self.manifest()
    let ids = manifest.lessons.map(\.id)
    var state = LessonState()
    state.current = ids[1]
    state.lessons[ids[0]] = Self.progress(runs: 2, checks: true, exercise: true)
    state.lessons[ids[1]] = Self.progress(runs: 1, checks: true)
    state.lessons[ids[2]] = Self.progress(exercise: true)
    var predicted = Self.progress(runs: 1)
    predicted.predictionsRight = 1
    predicted.predictionsAsked = 3
    state.lessons[ids[3]] = predicted
    let report = LessonListReport(manifest: manifest, state: state)
    #expect(report.lessons.prefix(5).map(\.status) == [.done, .checksPassed, .exercisePassed, .started, .notStarted])
    #expect(report.lessons.map(\.current) == ids.map { $0 == ids[1] })
    #expect(report.lessons[3].predictionsRight == 1 && report.lessons[3].predictionsAsked == 3)
    #expect(report.done == 1 && report.total == ids.count && report.nextUnfinished == 2)
    for id in ids { state.lessons[id] = Self.progress(checks: true, exercise: true) }
    let finished = LessonListReport(manifest: manifest, state: state)
    #expect(finished.done == ids.count && finished.nextUnfinished == nil)
    let json = String(decoding: try JSONEncoder().encode(finished), as: UTF8.self)
    #expect(json.contains("\"nextUnfinished\":null"))
  }
}
