import Foundation
import Testing
import TestSupport

/// Lesson 1's exercise answer for the learner whose state is in `environment`, computed the way
/// a learner would: read the drawn instance from `lesson check` (no answer) and write a spec with
/// R − 1 unit eigenvalues and the smallest one S in dimension d (lesson 1 must have been started).
enum LessonOneAnswer {
  /// The drawn instance (d, R, S) as the task line states it.
  static func instance(environment: [String: String]) throws -> (d: Int, rank: Int, smallest: String) {
    let show = try CommandRunner.run(["lesson", "check", "--lesson", "1"], environment: environment)
    let flat = show.standardOutput.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
      .joined(separator: " ")
    let task = try #require(
      flat.firstMatch(of: /Your instance: d = ([0-9]+), Hessian rank ([0-9]+), smallest nonzero eigenvalue ([0-9.]+)\./))
    return (try #require(Int(task.1)), try #require(Int(task.2)), String(task.3))
  }

  static func compute(environment: [String: String]) throws -> String {
    let (d, rank, smallest) = try instance(environment: environment)
    return "quad:1*\(rank - 1),\(smallest):d=\(d):seed=7"
  }
}
