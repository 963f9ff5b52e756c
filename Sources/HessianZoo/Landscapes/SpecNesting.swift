import Foundation

/// The chain of fixture references and `sum:` blocks that ``LandscapeSpec`` is
/// resolving, so that a fixture whose `spec` leads back to itself (directly,
/// through other fixtures, or inside a `sum:`) is refused with one line naming the
/// file instead of recursing until the stack overflows, and so that nesting is
/// bounded by ``maximumDepth`` whatever the files say.
///
/// Fixtures are compared by their standardized path with symbolic links resolved,
/// so `a.json`, `./a.json` and a link to it are the same fixture.
/// Cost: O(depth) per fixture reference.
struct SpecNesting {
  /// The deepest nesting of fixture references and `sum:` blocks resolved
  /// (the zoo and the corpus nest at most 2).
  static let maximumDepth = 32

  /// The fixtures on the chain, as typed, outermost first.
  private(set) var fixtures: [String] = []
  /// The same fixtures, canonical (standardized, links resolved).
  private(set) var canonical: [String] = []
  /// The number of fixture references and `sum:` blocks entered.
  private(set) var depth = 0
  /// The nesting error thrown, if any, so that enclosing fixtures pass it on as it
  /// is instead of wrapping it once per level.
  let failure = Failure()

  /// Where a nesting error is recorded (shared by every level of one resolution).
  final class Failure {
    var error: InputError?
  }

  /// The nesting one level into fixture `path`.
  ///
  /// - Throws: ``InputError/file(path:line:problem:)`` naming `path` when it is
  ///   already on the chain (a cycle) or the chain is too deep.
  func entering(fixture path: String) throws(InputError) -> SpecNesting {
    let key = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    if let k = canonical.firstIndex(of: key) {
      let cycle = Array(fixtures[k...]) + [path]
      throw fail(
        InputError.file(
          path: path, problem: "the fixture's spec leads back to this fixture (cycle \(Self.chain(cycle))); a spec must end in a landscape"))
    }
    var next = try deeper(subject: path)
    next.fixtures.append(path)
    next.canonical.append(key)
    return next
  }

  /// The nesting one level into a `sum:` block of `text`.
  ///
  /// - Throws: ``InputError/spec(_:problem:)`` when the chain is too deep.
  func enteringSum(_ text: String) throws(InputError) -> SpecNesting {
    try deeper(subject: text)
  }

  /// Whether `error` is the nesting error this resolution threw.
  func isNestingFailure(_ error: InputError) -> Bool { failure.error == error }

  private func deeper(subject: String) throws(InputError) -> SpecNesting {
    guard depth < Self.maximumDepth else {
      let via = fixtures.isEmpty ? "" : " (through \(Self.chain(fixtures)))"
      let problem: InputError.Phrase =
        "nested more than \(Self.maximumDepth) levels deep in fixture references and sum: blocks\(via)"
      throw fail(subject.hasSuffix(".json") ? .file(path: subject, problem: problem) : .spec(subject, problem: problem))
    }
    var next = self
    next.depth += 1
    return next
  }

  private func fail(_ error: InputError) -> InputError {
    failure.error = error
    return error
  }

  /// `a → b → c`, eliding the middle of a long chain.
  static func chain(_ names: [String]) -> String {
    let shown = names.count <= 5 ? names : Array(names.prefix(2)) + ["… \(names.count - 4) more …"] + Array(names.suffix(2))
    return shown.joined(separator: " → ")
  }
}
